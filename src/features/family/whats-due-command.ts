/**
 * "What's due this year?" in the chat. A family member hears about a linked student (asked which
 * one when there are several, or "all" for each); a student hears about themself. Only linked
 * students are ever shown: anything else gets the same "I can't share that" (logged and audited).
 */
import { firstName, whatsDue, type GradeActions } from '../../domain/family/index.js';
import { matchChoice } from '../../domain/match-choice.js';
import { text, type Choice, type Reply } from '../../domain/messages.js';
import type { ReviewPolicy } from '../../domain/reminders/index.js';
import type { Command, TurnContext } from '../../engine/command.js';
import { commandWords } from '../../engine/read-input.js';
import { denyAccess, checkAccess, linkedStudents, type DenialLogger } from '../people/links.js';
import { audit } from '../people/audit.js';
import { familyReview, loadStudentFacts, type StudentFacts } from './student-facts.js';
import { t } from '../../i18n/t.js';

/** "9th grade", "first year after high school" (button labels for a student without a name). */
const gradeName = (grade: number) => t(`family.gradeLabel.g${Math.min(Math.max(Math.round(grade), 0), 14)}`);

export const DUE_WHICH_Q = 'family:due-which';
export const ALL_STUDENTS = 'all';

const DUE = String.raw`(?:whats|what s|what is|whats is)? ?due(?: this (?:school )?year)?`;
// Spanish: "qué le toca", "qué le toca hacer este año", "qué tenemos que hacer este año".
const THIS_YEAR_ES = String.raw`(?: este año(?: escolar)?)?`;
const TOCA = String.raw`(?:que|qué) (?:le|les|me|nos|te) toca(?: hacer)?${THIS_YEAR_ES}`;
const DUE_WORDS = new RegExp(
  String.raw`^(?:${DUE}|what do (?:we|i) (?:need to |have to )?do this year|what should (?:we|i) (?:do|be doing) this year|this years? (?:steps|to ?dos?)|next steps|${TOCA}|(?:que|qué) (?:hay|tenemos|tengo|tiene) que hacer${THIS_YEAR_ES}|pendientes|próximos pasos|proximos pasos|pasos de este año)$`,
);
const DUE_FOR = new RegExp(String.raw`^(?:${DUE} for|${TOCA} a) (.{1,60})$`);
const EVERYONE = /^(all|both|everyone|each|all of them|both of them|all my (kids|children|students)|todos|todas|los dos|las dos|ambos|ambas|todos ellos|cada uno|mis hijos)$/;

export interface WhatsDueDeps {
  gradeActions: GradeActions;
  reviewPolicy: ReviewPolicy;
  logger?: DenialLogger;
}

/** Whether typed command words ask "what's due"; "what's due for Sam" counts too. */
export function asksWhatsDue(words: string): boolean {
  return DUE_WORDS.test(words) || DUE_FOR.test(words);
}

/** Said to a family member with no linked student: how linking works. */
export function howToLink(): Reply[] {
  return [text(t('family.notLinked')), text(t('family.howToLink'))];
}

function repliesFor(facts: StudentFacts, deps: WhatsDueDeps, audience: 'family' | 'student'): Reply[] {
  if (facts.grade === undefined) {
    if (audience === 'student') return [text(t('family.needGrade'))];
    return [text(t('family.unknownGrade', { name: firstName(facts.name) ?? t('family.yourStudent') }))];
  }
  return whatsDue({
    grade: facts.grade,
    gradeActions: deps.gradeActions,
    audience,
    ...(facts.plan ? { plan: facts.plan } : {}),
    ...((r) => (r ? { reviewInfo: r } : {}))(audience === 'family' ? familyReview(facts) : facts.review),
    ...(facts.name ? { studentName: facts.name } : {}),
  });
}

/** Button labels for linked students: first names, or the grade when there is no name. */
function choicesFor(students: StudentFacts[]): Choice[] {
  const used = new Set<string>();
  return students.map((s, i) => {
    let label = firstName(s.name) ?? (s.grade !== undefined ? t('family.studentIn', { grade: gradeName(s.grade) }) : t('family.studentN', { n: i + 1 }));
    if (used.has(label.toLowerCase())) label = t('family.sameName', { label, n: i + 1 });
    used.add(label.toLowerCase());
    return { id: s.key, label };
  });
}

async function forFamily(ctx: TurnContext, deps: WhatsDueDeps, input: { text?: string; choiceId?: string; questionId?: string }): Promise<void> {
  const store = ctx.records.store;
  const load = (key: string) => loadStudentFacts(store, key, deps.reviewPolicy, ctx.now);

  // Every view of a student by a family member is audited (ids only).
  const show = async (s: StudentFacts) => {
    await audit(store, { at: ctx.now.toISOString(), by: ctx.userKey, action: 'student-viewed', subject: s.key });
    ctx.say(...repliesFor(s, deps, 'family'));
  };
  const sayAll = async (all: StudentFacts[]) => {
    ctx.say(text(t('family.dueForEach', { count: all.length })));
    for (const s of all) await show(s);
  };

  if (input.questionId === DUE_WHICH_Q) {
    const choice = input.choiceId ?? '';
    if (choice !== ALL_STUDENTS) {
      if (!(await checkAccess(ctx, choice, deps.logger))) return;
      return show(await load(choice));
    }
    const keys = await linkedStudents(store, ctx.userKey);
    if (keys.length === 0) return ctx.say(...howToLink());
    return sayAll(await Promise.all(keys.map(load)));
  }

  const keys = await linkedStudents(store, ctx.userKey);
  const named = DUE_FOR.exec(commandWords(input.text ?? ''))?.[1];
  if (keys.length === 0) return named ? denyAccess(ctx, undefined, deps.logger) : ctx.say(...howToLink());
  const students = await Promise.all(keys.map(load));
  const choices = choicesFor(students);
  if (named) {
    if (EVERYONE.test(named)) return sayAll(students);
    const picked = matchChoice(named, choices);
    // A name that is not one of their students: the same answer as any other attempt.
    if (!picked) return denyAccess(ctx, undefined, deps.logger);
    return show(students.find((s) => s.key === picked.id)!);
  }
  if (students.length === 1) return show(students[0]!);
  ctx.say({
    kind: 'question',
    questionId: DUE_WHICH_Q,
    text: t('family.whichStudent', { count: students.length }),
    choices: [...choices, { id: ALL_STUDENTS, label: t(students.length === 2 ? 'family.bothOfThem' : 'family.allOfThem') }],
  });
}

/** "what's due" / "what is due this year" / "due", for family members and students. */
export function whatsDueCommand(deps: WhatsDueDeps): Command {
  return {
    id: 'whats-due',
    intents: ['whats-due', 'family-plan'],
    // Getters: the menu and help are built in the turn's language.
    get menuLabel() {
      return t('family.menu.whatsDue');
    },
    get help() {
      return t('family.help.whatsDue');
    },
    roles: ['family', 'student'],
    questionIds: [DUE_WHICH_Q],
    matches: asksWhatsDue,
    run: async (ctx, input) => {
      const role = ctx.profile()?.role;
      if (role === 'family') return forFamily(ctx, deps, input);
      if (role !== 'student') return;
      if (input.questionId === DUE_WHICH_Q) return denyAccess(ctx, input.choiceId, deps.logger);
      // "what's due for Maya" from a student: only their own steps, never theirs passed off as Maya's.
      const named = DUE_FOR.exec(commandWords(input.text ?? ''))?.[1];
      const own = firstName(ctx.profile()?.displayName)?.toLowerCase();
      if (named && !/^(me|myself|my self|us|mí|mi)$/.test(named) && named !== own && named !== ctx.profile()?.displayName?.toLowerCase()) {
        return denyAccess(ctx, undefined, deps.logger);
      }
      const facts = await loadStudentFacts(ctx.records.store, ctx.userKey, deps.reviewPolicy, ctx.now);
      ctx.say(...repliesFor(facts, deps, 'student'));
    },
  };
}
