/**
 * Measures the understanding step on a labelled set (test/understanding/labelled-utterances.json):
 * what each message is read as, exactly as the engine reads it (commands' own words and the trained
 * classifier, by priority; then whether a job is named outright), against what a person meant.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { commandWordsOf } from '../engine/intent-routing.js';
import type { EngineDeps } from '../engine/engine.js';
import { commandWords, cleanText } from '../engine/read-input.js';
import type { FrameworkIndex } from '../domain/framework-index.js';
import { jobAnswerFor } from '../features/jobs/job-question-command.js';
import { freeTextAnswer } from '../features/understand/understand-text.js';
import type { OccupationMatcher } from '../domain/occupations/occupation-matcher.js';
import type { Role } from '../domain/profile.js';

const utterance = z.object({
  text: z.string().min(1),
  role: z.enum(['student', 'family', 'counselor']),
  expect: z.string().min(1),
  job: z.boolean(),
  heldOut: z.boolean(),
});
export type LabelledUtterance = z.infer<typeof utterance>;

export async function readLabelledSet(file: string): Promise<LabelledUtterance[]> {
  return z.object({ utterances: z.array(utterance).min(1) }).parse(JSON.parse(await readFile(file, 'utf8'))).utterances;
}

/** The intents whose answers look up occupations. */
export const JOB_INTENTS = new Set(['career-interest', 'job-duties', 'job-possible', 'job-education', 'job-pay', 'job-cluster', 'change-choice']);

export interface Reading {
  intent: string;
  /** Whether the occupation matcher would answer (a job intent, or a job named outright). */
  matcher: boolean;
}

/** How the engine reads one message from someone of this role with nothing waiting. */
export async function readMessage(
  deps: EngineDeps,
  matcher: OccupationMatcher,
  fw: FrameworkIndex,
  lexicon: {
    frame: ReadonlySet<string>;
    interestLeads: readonly string[];
    hasJobName: (text: string) => boolean;
    /** A family's common question, which the engine answers before reading intents. */
    familyQuestion: (text: string) => unknown;
  },
  raw: string,
  role: Role,
): Promise<Reading> {
  const { frame } = lexicon;
  const text = cleanText(raw);
  const words = commandWords(text);
  const own = commandWordsOf(deps.commands, role, words);
  let meant = await deps.understanding!.messages.understand(text, role, own);
  // A job question that names no job goes on as not understood (as in the engine).
  if (meant && !meant.command && JOB_INTENTS.has(meant.intent) && !jobAnswerFor(meant.intent, text, { matcher, fw, frame, namesJob: lexicon.hasJobName })) meant = undefined;
  // Not understood: a family's common question is answered next (data/family-questions.json).
  if (!meant && role === 'family' && lexicon.familyQuestion(text)) return { intent: 'family-question', matcher: false };
  const intent = meant?.intent ?? 'none';
  if (meant) return { intent, matcher: JOB_INTENTS.has(intent) && jobAnswerFor(intent, text, { matcher, fw, frame, namesJob: lexicon.hasJobName }) };
  const named = freeTextAnswer(text, matcher, lexicon) !== undefined;
  // A job named outright is answered as an interest in it.
  return { intent: named ? 'career-interest' : intent, matcher: named };
}

export interface Tally {
  total: number;
  correct: number;
}

export interface UnderstandingReport {
  overall: Tally;
  byPart: Record<'tuning' | 'heldOut', Tally>;
  byRole: Record<string, Tally>;
  byIntent: Record<string, Tally>;
  /** Non-job messages the matcher would have answered (must be none). */
  matcherOnNonJob: { text: string; role: string; intent: string }[];
  misses: { text: string; role: string; expect: string; got: string; heldOut: boolean }[];
}

const add = (t: Record<string, Tally>, key: string, ok: boolean) => {
  const x = (t[key] ??= { total: 0, correct: 0 });
  x.total++;
  if (ok) x.correct++;
};

export async function evaluateUnderstanding(
  set: readonly LabelledUtterance[],
  read: (text: string, role: Role) => Promise<Reading>,
): Promise<UnderstandingReport> {
  const report: UnderstandingReport = { overall: { total: 0, correct: 0 }, byPart: { tuning: { total: 0, correct: 0 }, heldOut: { total: 0, correct: 0 } }, byRole: {}, byIntent: {}, matcherOnNonJob: [], misses: [] };
  for (const u of set) {
    const got = await read(u.text, u.role);
    const ok = got.intent === u.expect;
    report.overall.total++;
    if (ok) report.overall.correct++;
    const part = report.byPart[u.heldOut ? 'heldOut' : 'tuning'];
    part.total++;
    if (ok) part.correct++;
    add(report.byRole, u.role, ok);
    add(report.byIntent, u.expect, ok);
    if (!ok) report.misses.push({ text: u.text, role: u.role, expect: u.expect, got: got.intent, heldOut: u.heldOut });
    if (!u.job && got.matcher) report.matcherOnNonJob.push({ text: u.text, role: u.role, intent: got.intent });
  }
  return report;
}

export const percent = (t: Tally) => (t.total === 0 ? 0 : (100 * t.correct) / t.total);
