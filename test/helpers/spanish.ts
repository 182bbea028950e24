/**
 * Checks that what a Spanish-speaking person was shown is Spanish: no English sentence left
 * behind. Left out of the check, because they are rightly English: what is quoted (commands like
 * "download my plan" that Waypoint also understands), official names in parentheses ("Grupo de
 * Carreras (Career Cluster)"), user ids, file paths and names, and the school's own names of
 * classes and activities (passed in as `schoolNames`).
 */
import { expect } from '@jest/globals';
import { currentPlan, type Plan } from '../../src/domain/plan/index.js';

/** Words only an English sentence would hold. */
export const ENGLISH =
  /\b(the|you|your|they|their|with|and|to|of|is|are|can|this|what|please|hi|welcome|done|question|chose|linked|type|student|students|counselor|plan of study|saved to|not yet|last reviewed|this year|next year|grade|after high school|career path|nothing here)\b/i;

/** The school's own names of the classes and activities in a plan (said as they are, in any language). */
export function schoolNamesIn(plan: Plan): string[] {
  return [...new Set(currentPlan(plan).grades.flatMap((g) => Object.values(g.rows).flatMap((items) => items.map((i) => i.name))))];
}

/** The words of `text` that the Spanish check reads. */
export function spanishOnly(text: string, schoolNames: readonly string[] = []): string {
  let said = text;
  // Longest first, so "English Composition II" goes before "English".
  for (const name of [...schoolNames].sort((a, b) => b.length - a.length)) said = said.split(name).join(' ');
  said = said
    .replace(/"[^"]*"|“[^”]*”/g, ' ')
    .replace(/\b(console|slack|teams):\S+/g, ' ')
    .replace(/(?:\/[\w.-]+)+\.(?:pdf|csv)\b/g, ' ')
    .replace(/\b[\w-]+\.(?:pdf|csv)\b/g, ' ');
  for (let before = ''; before !== said; ) [before, said] = [said, said.replace(/\([^()]*\)/g, ' ')];
  return said;
}

/** The English words left in `text` once quotes, official names and the school's names are out. */
export function englishIn(text: string, schoolNames: readonly string[] = []): string[] {
  return [...spanishOnly(text, schoolNames).matchAll(new RegExp(ENGLISH.source, 'gi'))].map((m) => m[0]);
}

/** Fails with the text and its English words when any are left. */
export function expectNoEnglish(text: string, schoolNames: readonly string[] = []): void {
  expect(text.trim()).not.toBe('');
  expect({ text, english: englishIn(text, schoolNames) }).toEqual({ text, english: [] });
}
