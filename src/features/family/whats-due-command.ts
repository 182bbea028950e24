/**
 * "What's due this year?" in the chat. A family member hears about a linked student (asked which
 * one when there are several, or "all" for each); a student hears about themself. Only linked
 * students are ever shown: anything else gets the same "I can't share that" (logged and audited).
 */
import { firstName, whatsDue, type GradeActions } from '../../domain/family/index.js';
import { gradeLabel } from '../../domain/grade.js';
import { matchChoice } from '../../domain/match-choice.js';
import { text, type Choice, type Reply } from '../../domain/messages.js';
import type { ReviewPolicy } from '../../domain/reminders/index.js';
import type { Command, TurnContext } from '../../engine/command.js';
import { commandWords } from '../../engine/read-input.js';
import { denyAccess, checkAccess, linkedStudents, type DenialLogger } from '../people/links.js';
import { audit } from '../people/audit.js';
import { loadStudentFacts, type StudentFacts } from './student-facts.js';

export const DUE_WHICH_Q = 'family:due-which';
export const ALL_STUDENTS = 'all';

const DUE = String.raw`(?:whats|what s|what is|whats is)? ?due(?: this (?:school )?year)?`;
const DUE_WORDS = new RegExp(
  String.raw`^(?:${DUE}|what do (?:we|i) (?:need to |have to )?do this year|what should (?:we|i) (?:do|be doing) this year|this years? (?:steps|to ?dos?)|next steps)$`,
);
const DUE_FOR = new RegExp(String.raw`^${DUE} for (.{1,60})$`);
const EVERYONE = /^(all|both|everyone|each|all of them|both of them|all my (kids|children|students))$/;

export interface WhatsDueDeps {
  gradeActions: GradeActions;
  reviewPolicy: ReviewPolicy;
  logger?: DenialLogger;
}

/** Whether typed command words ask "what's due"; "what's due for Sam" counts too. */
export function asksWhatsDue(words: string): boolean {
  return DUE_WORDS.test(words) || DUE_FOR.test(words);
}

export const HOW_TO_LINK = [
  "You're not linked to a student yet, so I can't show what's due.",
  'Ask your student to say "invite my family" to me. They get a code like KX7M-4PQR that works once, for 7 days. Type that code here and you\'re linked.',
];

function repliesFor(facts: StudentFacts, deps: WhatsDueDeps, audience: 'family' | 'student'): Reply[] {
  if (facts.grade === undefined) {
    if (audience === 'student') return [text('I need your grade first. Type change my grade to set it.')];
    const who = firstName(facts.name) ?? 'your student';
    return [text(`I don't know what grade ${who} is in yet. Once ${who} tells me (they can type "change my grade"), I can show what's due.`)];
  }
  return whatsDue({
    grade: facts.grade,
    gradeActions: deps.gradeActions,
    audience,
    ...(facts.plan ? { plan: facts.plan } : {}),
    ...(facts.review ? { reviewInfo: facts.review } : {}),
    ...(facts.name ? { studentName: facts.name } : {}),
  });
}

/** Button labels for linked students: first names, or the grade when there is no name. */
function choicesFor(students: StudentFacts[]): Choice[] {
  const used = new Set<string>();
  return students.map((s, i) => {
    let label = firstName(s.name) ?? (s.grade !== undefined ? `Student in ${gradeLabel(s.grade)}` : `Student ${i + 1}`);
    if (used.has(label.toLowerCase())) label = `${label} (${i + 1})`;
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
    ctx.say(text(`Here's what's due for each of your ${all.length} students.`));
    for (const s of all) await show(s);
  };

  if (input.questionId === DUE_WHICH_Q) {
    const choice = input.choiceId ?? '';
    if (choice !== ALL_STUDENTS) {
      if (!(await checkAccess(ctx, choice, deps.logger))) return;
      return show(await load(choice));
    }
    const keys = await linkedStudents(store, ctx.userKey);
    if (keys.length === 0) return ctx.say(...HOW_TO_LINK.map(text));
    return sayAll(await Promise.all(keys.map(load)));
  }

  const keys = await linkedStudents(store, ctx.userKey);
  const named = DUE_FOR.exec(commandWords(input.text ?? ''))?.[1];
  if (keys.length === 0) return named ? denyAccess(ctx, undefined, deps.logger) : ctx.say(...HOW_TO_LINK.map(text));
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
    text: `You're linked to ${students.length} students. Who would you like to hear about?`,
    choices: [...choices, { id: ALL_STUDENTS, label: students.length === 2 ? 'Both of them' : 'All of them' }],
  });
}

/** "what's due" / "what is due this year" / "due", for family members and students. */
export function whatsDueCommand(deps: WhatsDueDeps): Command {
  return {
    id: 'whats-due',
    intents: ['whats-due', 'family-plan'],
    menuLabel: "What's due this year",
    help: "what's due: what to do this school year, and the next plan check-in",
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
      if (named && !/^(me|myself|my self|us)$/.test(named) && named !== own && named !== ctx.profile()?.displayName?.toLowerCase()) {
        return denyAccess(ctx, undefined, deps.logger);
      }
      const facts = await loadStudentFacts(ctx.records.store, ctx.userKey, deps.reviewPolicy, ctx.now);
      ctx.say(...repliesFor(facts, deps, 'student'));
    },
  };
}
