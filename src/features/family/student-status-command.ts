/**
 * "is he ok?", "how is Diego doing?", "¿cómo va mi hijo?": where a family member's student stands,
 * in plain words: on track or behind, the plan checked this school year or not, counselor
 * meetings this school year, and the next meeting window with its dates. Each linked student is
 * answered by name (or only the one named). Only linked students; every view is audited.
 */
import { capitalized, dayName, firstName, windowParams } from '../../domain/family/index.js';
import { text, type Reply } from '../../domain/messages.js';
import type { ReviewPolicy } from '../../domain/reminders/index.js';
import type { Command } from '../../engine/command.js';
import { commandWords } from '../../engine/read-input.js';
import { t } from '../../i18n/t.js';
import { audit } from '../people/audit.js';
import { linkedStudents, type DenialLogger } from '../people/links.js';
import { loadStudentFacts, type StudentFacts } from './student-facts.js';
import { howToLink } from './whats-due-command.js';

const WHO_EN = String.raw`(?:he|she|they|my (?:son|daughter|kid|child|student|kids|children)|(?!(?:this|that|it|there|everything|we|i)\b)[a-z]{2,20})`;
const WHO_ES = String.raw`(?:él|el|ella|mi hij[oa]|mis hijos|(?!(?:que|qué|eso|esto|todo)\b)[a-záéíóúñ]{2,20})`;
const STATUS_WORDS = new RegExp(
  [
    String.raw`^(?:is|are) ${WHO_EN} (?:doing )?(?:ok|okay|alright|all right|fine|good|well|on track)(?: with (?:his|her|their|the) plan)?$`,
    String.raw`^how (?:is|s|are) ${WHO_EN} doing(?: with (?:his|her|their|the) plan)?$`,
    String.raw`^(?:plan status|student status|is (?:he|she) on track|how is (?:he|she))$`,
    String.raw`^${WHO_ES} (?:está|esta|va) bien$`,
    String.raw`^(?:está|esta|va) bien ${WHO_ES}$`,
    String.raw`^(?:cómo|como) (?:va|está|esta|le va a|les va a|van) ${WHO_ES}(?: con (?:su|el) plan)?$`,
    String.raw`^(?:cómo|como) (?:va|vamos|van) con el plan$`,
  ].join('|'),
);

/** Whether the words ask how a student is doing. */
export function asksStudentStatus(words: string): boolean {
  return STATUS_WORDS.test(words);
}

/** "2026-10-01" in the district's time zone, from an ISO instant. */
function localDay(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** One student's standing, a few short sentences. */
export function statusReplies(s: StudentFacts, policy: ReviewPolicy): Reply[] {
  const name = firstName(s.name) ?? t('family.yourStudent');
  const who = { name, Name: capitalized(name) };
  const status = s.status;
  if (!status) return [text(t('family.status.noPlan', who))];
  const lines: string[] = [];
  switch (status.code) {
    case 'graduated':
      return [text(t('family.status.graduated', who))];
    case 'no-plan':
    case 'no-pathway':
      lines.push(t('family.status.noPlan', who));
      break;
    case 'overdue':
      lines.push(t('family.status.overdue', who));
      break;
    case 'not-met-this-window': {
      const w = status.meetingWindow!;
      lines.push(t('family.status.notMet', { ...who, season: windowParams(w).season, until: dayName(w.lastDay) }));
      break;
    }
    case 'met-this-window':
      lines.push(t('family.status.met', { ...who, season: windowParams(status.meetingWindow!).season }));
      break;
    case 'up-to-date':
      lines.push(t('family.status.upToDate', who));
      break;
  }
  if (s.plan) lines.push(t(status.reviewedThisSchoolYear ? 'family.status.reviewed' : 'family.status.notReviewed'));
  const met = s.meetingsThisYear;
  lines.push(met.length === 0 ? t('family.status.noMeetings') : t('family.status.meetings', { count: met.length, date: dayName(localDay(met.at(-1)!, policy.timeZone)) }));
  const next = status.review.nextWindow;
  if (next && status.code !== 'no-plan' && status.code !== 'no-pathway') lines.push(t('due.review.next.family', windowParams(next)));
  return [text(lines.join(' '))];
}

export interface StudentStatusDeps {
  reviewPolicy: ReviewPolicy;
  logger?: DenialLogger;
}

/** "is he ok": for family members, about each linked student (or the one they name). */
export function studentStatusCommand(deps: StudentStatusDeps): Command {
  return {
    id: 'family-student-status',
    roles: ['family'],
    get help() {
      return t('family.help.status');
    },
    matches: asksStudentStatus,
    run: async (ctx, input) => {
      const store = ctx.records.store;
      const keys = await linkedStudents(store, ctx.userKey);
      if (keys.length === 0) return ctx.say(...howToLink());
      const all = await Promise.all(keys.map((k) => loadStudentFacts(store, k, deps.reviewPolicy, ctx.now)));
      // Only the student named, when one is ("is Diego ok"); otherwise each of them, by name.
      const words = ` ${commandWords(input.text ?? '')} `;
      const named = all.filter((s) => {
        const first = firstName(s.name)?.toLowerCase();
        return first !== undefined && words.includes(` ${first} `);
      });
      const chosen = named.length > 0 ? named : all;
      for (const s of chosen) {
        await audit(store, { at: ctx.now.toISOString(), by: ctx.userKey, action: 'student-viewed', subject: s.key });
        ctx.say(...statusReplies(s, deps.reviewPolicy));
      }
      ctx.say(text(t('family.status.more')));
    },
  };
}
