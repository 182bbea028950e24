/**
 * Slack's user terms say the people who use it must be over 16, so a school sets the lowest grade
 * that may chat as a student on Slack (WAYPOINT_SLACK_MIN_STUDENT_GRADE; 6 lets every grade in).
 * The grade is known only once onboarding has asked it, so the rule is checked after each turn: a
 * student below it gets one polite note (Teams, or the school's other way in) instead of the
 * turn's replies, and what Waypoint kept about them is removed (profile, conversation, interest
 * results, plan). Later messages in this process get the note again without reaching the engine.
 */
import { text, type Reply } from '../../domain/messages.js';
import type { Grade } from '../../domain/grade.js';
import type { Profile } from '../../domain/profile.js';
import type { Language } from '../../i18n/language.js';
import { t } from '../../i18n/t.js';
import type { Records } from '../../store/records.js';

/** The lowest setting: every grade may chat as a student. */
export const EVERY_GRADE = 6;

/** What Waypoint keeps about a student under their user key (each feature's own collection). */
const KEPT_ABOUT_A_STUDENT = ['profiles', 'sessions', 'interest-results', 'plans'] as const;

export class YoungStudents {
  /** People turned away in this process, with the language they were told in (oldest first). */
  private readonly turnedAway = new Map<string, Language>();

  constructor(
    private readonly records: Records,
    readonly minGrade: Grade,
    private readonly capacity = 10_000,
  ) {}

  /** Whether a student in this grade may chat on Slack (a grade not known yet is not held against them). */
  allows(grade: Grade | undefined): boolean {
    return this.minGrade <= EVERY_GRADE || grade === undefined || grade >= this.minGrade;
  }

  /** The language a person turned away earlier in this process was told in; undefined for everyone else. */
  turnedAwayBefore(userKey: string): Language | undefined {
    return this.turnedAway.get(userKey);
  }

  /**
   * After a turn, with the person's profile as the turn left it: when they are now a student below
   * the lowest grade, removes what is kept about them and returns the message ids of their recent turns (their saved replies go too, once
   * sent); undefined when they may go on.
   */
  async afterTurn(userKey: string, profile: Profile | undefined, language: Language): Promise<string[] | undefined> {
    if (!profile || profile.role !== 'student' || this.allows(profile.grade)) return undefined;
    const session = await this.records.session(userKey);
    for (const collection of KEPT_ABOUT_A_STUDENT) await this.records.store.delete(collection, userKey);
    this.turnedAway.delete(userKey);
    this.turnedAway.set(userKey, language);
    if (this.turnedAway.size > this.capacity) this.turnedAway.delete(this.turnedAway.keys().next().value as string);
    return (session?.recent ?? []).map((r) => r.messageId);
  }

  /** The note, in the turn's language. */
  note(): Reply {
    return text(t('slack.youngStudent', { grade: gradeWords(this.minGrade) }));
  }
}

/** "11th grade" / "11.º grado", in the turn's language (onboarding's own words for grades). */
function gradeWords(grade: Grade): string {
  if (grade >= 13) return t('onboarding.gradeName.year1After');
  return t('onboarding.gradeName.nth', { ordinal: t(`onboarding.ordinal.${grade}`) });
}
