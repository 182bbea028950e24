/**
 * Grades as numbers: 0 = kindergarten, 1-12 = grades, 13 and 14 = the first and second year after
 * high school (the Plan of Study runs to "grade 14").
 */
export type Grade = number;

import { t } from '../i18n/t.js';

export const MIN_GRADE = 0;
export const MAX_GRADE = 14;

const WORDS: Record<string, Grade> = {
  k: 0, kinder: 0, kindergarten: 0, kindergarden: 0,
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8,
  ninth: 9, tenth: 10, eleventh: 11, twelfth: 12, twelveth: 12,
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12,
  freshman: 9, sophomore: 10, junior: 11, senior: 12,
  college: 13, graduated: 13, postsecondary: 13,
};

/** Reads a grade from what someone typed: "8", "8th", "eighth grade", "freshman", "K". */
export function parseGrade(text: string): Grade | undefined {
  // Whole words only: "in" and "a" are also inside "ninth", "freshman" and "kindergarten".
  const t = text.toLowerCase().replace(/\b(grade|year|i'?m|im|in|the|a|of)\b/g, ' ').replace(/\s+/g, ' ').trim();
  if (!t) return undefined;
  const num = /^(\d{1,2})\s*(st|nd|rd|th)?$/.exec(t);
  if (num) {
    const n = Number(num[1]);
    return n >= 1 && n <= 12 ? n : undefined;
  }
  if (/after high school|finished high school|out of high school/.test(text.toLowerCase())) return 13;
  return WORDS[t];
}

/** "kindergarten", "8th grade", "first year after high school"; in Spanish "kínder", "8.º grado". */
export function gradeLabel(g: Grade): string {
  if (g === 0) return t('onboarding.gradeName.k');
  if (g === 13) return t('onboarding.gradeName.year1After');
  if (g === 14) return t('onboarding.gradeName.year2After');
  if (Number.isInteger(g) && g >= 1 && g <= 12) return t('onboarding.gradeName.nth', { ordinal: t(`onboarding.ordinal.${g}`) });
  return t('onboarding.gradeName.nth', { ordinal: ordinal(g) });
}

/** Short column heading: "K", "8th", "Year 1 after", "Year 2 after". */
export function gradeShort(g: Grade): string {
  if (g === 0) return 'K';
  if (g === 13) return 'Year 13';
  if (g === 14) return 'Year 14';
  return ordinal(g);
}

export function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}

/** What part of the framework a grade sees: K-5 paths only; 6 paths then clusters; 7+ everything. */
export type GradeBand = 'awareness' | 'exploration' | 'full';
export function gradeBand(g: Grade): GradeBand {
  if (g <= 5) return 'awareness';
  if (g === 6) return 'exploration';
  return 'full';
}
