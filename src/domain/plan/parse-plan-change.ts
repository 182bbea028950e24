/**
 * Reads a plan change out of plain words: "move Chemistry to 11th", "swap Geometry for Algebra I
 * in 9th", "add FFA in 10th", "remove band", "my goal is a bachelor's in engineering", "undo".
 * Names are kept as typed (cleaned); applyPlanChange matches them against the plan, forgiving typos.
 */
import { cleanText, MAX_GOAL_LENGTH, MAX_NAME_LENGTH } from './clean-text.js';
import { parseGrade } from './grades.js';
import type { PlanRowId } from './plan-types.js';
import { spanishPlanChange } from './spanish-plan-change.js';

export type PlanChange =
  | { kind: 'move'; name: string; toGrade: number; fromGrade?: number }
  /** Take `put` instead of `take` in `grade` (grade absent: wherever `take` is). */
  | { kind: 'swap'; take: string; put: string; grade?: number }
  /** grade absent: every remaining school year for an activity; asked for a course. */
  | { kind: 'add'; name: string; grade?: number; row?: PlanRowId }
  /** grade absent: everywhere it appears. */
  | { kind: 'remove'; name: string; grade?: number }
  | { kind: 'set-goal'; goal: string }
  | { kind: 'undo' };

/** Longest text we try to read as a change. */
export const MAX_CHANGE_TEXT = 300;

const ROW_WORDS: [RegExp, PlanRowId][] = [
  [/^(english|ela|language arts)$/, 'english'],
  [/^(math|mathematics)$/, 'math'],
  [/^science$/, 'science'],
  [/^(social studies|history)$/, 'social-studies'],
  [/^(career|career ed|career education|career classes)$/, 'career-education'],
  [/^(other|other courses|other classes|electives?)$/, 'other-courses'],
  [/^(work based learning|wbl|work experience|work)$/, 'work-based-learning'],
  [/^(activities|additional activities|clubs|organizations|an activity|a club)$/, 'activities'],
];

function rowOf(words: string): PlanRowId | undefined {
  const w = words.toLowerCase().replace(/-/g, ' ').replace(/^(my|the)\s+/, '').replace(/\s+row$/, '').trim();
  return ROW_WORDS.find(([re]) => re.test(w))?.[1];
}

/** A grade phrase only ("11th", "11th grade", "my junior year"), else undefined. */
function gradeOnly(phrase: string): number | undefined {
  const p = phrase.toLowerCase().trim().replace(/[.!?]+$/, '');
  if (!/^(my |the )?((grade )?\d{1,2}(st|nd|rd|th)?|[a-z]+)( grade| year)?$|after high school|of college/.test(p)) {
    return undefined;
  }
  return parseGrade(p);
}

function cleanName(raw: string): string {
  return cleanText(raw, MAX_NAME_LENGTH)
    .replace(/^["'“”‘’]+|["'“”‘’]+$/g, '')
    .replace(/^(the|a|an|my)\s+/i, '')
    .replace(/\s+(class|course)$/i, '')
    .trim();
}

/** Splits "X in 10th" into X and the grade, when the tail is a grade. */
function splitGrade(s: string, words = '(?:in|for|during|to|into)'): { rest: string; grade?: number } {
  const m = s.match(new RegExp(`^(.+)\\s+${words}\\s+(.+)$`, 'i'));
  if (m) {
    const g = gradeOnly(m[2]!);
    if (g !== undefined) return { rest: m[1]!, grade: g };
  }
  return { rest: s };
}

/** Returns the change the text asks for, or undefined when it is not a plan change. */
export function parsePlanChange(text: string): PlanChange | undefined {
  const spanish = spanishPlanChange(cleanText(text, MAX_CHANGE_TEXT));
  if (spanish !== undefined) return parsePlanChange(spanish);
  const t = cleanText(text, MAX_CHANGE_TEXT).replace(/^(please|can you|could you|i want to|i'd like to|let's)\s+/i, '').replace(/[.!]+$/, '').replace(/\s*please$/i, '');
  const lower = t.toLowerCase();
  if (!t) return undefined;

  if (/^(undo|undo (that|it|the last change|my last change)|take (that|it) back|go back a step)$/.test(lower)) return { kind: 'undo' };
  // Spanish: "deshacer", "deshaz eso", "deshacer el último cambio".
  if (/^(deshacer|deshaz|desh[aá]zlo)( (eso|el [uú]ltimo cambio|mi [uú]ltimo cambio))?$/.test(lower)) return { kind: 'undo' };

  const goal =
    t.match(/^(?:my\s+)?(?:post-?secondary\s+)?goal\s*(?:is|:|=|will be|should be)\s*(.+)$/i) ??
    t.match(/^(?:set|change|make)\s+my\s+goal\s+(?:to|into)\s+(.+)$/i) ??
    // Spanish: "mi meta es ...", "meta: ...".
    t.match(/^(?:mi\s+)?meta\s*(?:es|:|=|ser[aá])\s*(.+)$/i);
  if (goal) {
    const g = cleanText(goal[1]!, MAX_GOAL_LENGTH).replace(/^(to get|getting|to be|to become|become|being|ser|llegar a ser)\s+/i, '');
    return g ? { kind: 'set-goal', goal: g } : undefined;
  }

  let m = t.match(/^(?:move|put|shift|switch)\s+(.+?)\s+from\s+(.+?)\s+(?:to|into|in)\s+(.+)$/i);
  if (m) {
    const from = gradeOnly(m[2]!);
    const to = gradeOnly(m[3]!);
    if (from !== undefined && to !== undefined) return { kind: 'move', name: cleanName(m[1]!), toGrade: to, fromGrade: from };
  }
  m = t.match(/^(?:move|put|shift)\s+(.+)$/i);
  if (m) {
    const { rest, grade } = splitGrade(m[1]!);
    if (grade !== undefined && cleanName(rest)) return { kind: 'move', name: cleanName(rest), toGrade: grade };
  }

  m = t.match(/^(?:swap|switch|trade|exchange)\s+(.+?)\s+(?:for|with)\s+(.+)$/i) ?? t.match(/^replace\s+(.+?)\s+with\s+(.+)$/i);
  if (m) {
    const { rest, grade } = splitGrade(m[2]!, '(?:in|for|during)');
    const take = cleanName(m[1]!);
    const put = cleanName(rest);
    if (take && put) return { kind: 'swap', take, put, ...(grade !== undefined ? { grade } : {}) };
  }
  m = t.match(/^take\s+(.+?)\s+instead\s+of\s+(.+)$/i);
  if (m) {
    const { rest, grade } = splitGrade(m[2]!, '(?:in|for|during)');
    const take = cleanName(rest);
    const put = cleanName(m[1]!);
    if (take && put) return { kind: 'swap', take, put, ...(grade !== undefined ? { grade } : {}) };
  }

  m = t.match(/^(?:add|join|sign up for|take)\s+(.+)$/i);
  if (m) {
    let { rest, grade } = splitGrade(m[1]!, '(?:in|for|during)');
    let row: PlanRowId | undefined;
    const r = rest.match(/^(.+?)\s+(?:to|as|under|in)\s+(.+)$/i);
    if (r && rowOf(r[2]!)) {
      row = rowOf(r[2]!);
      rest = r[1]!;
    }
    if (grade === undefined) {
      const again = splitGrade(rest, '(?:in|for|during)');
      rest = again.rest;
      grade = again.grade;
    }
    const name = cleanName(rest);
    if (name) return { kind: 'add', name, ...(grade !== undefined ? { grade } : {}), ...(row ? { row } : {}) };
  }

  m = t.match(/^(?:remove|drop|delete|take out|cancel|quit)\s+(.+)$/i);
  if (m) {
    const { rest, grade } = splitGrade(m[1]!, '(?:in|from|for|during)');
    const name = cleanName(rest);
    if (name) return { kind: 'remove', name, ...(grade !== undefined ? { grade } : {}) };
  }
  return undefined;
}
