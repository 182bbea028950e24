/** Grade names in plain words, and reading a grade out of what someone typed. */

import { t } from '../../i18n/t.js';

/** Grades with their own catalog entries (plan.grades.*.g1 .. g14); any other number is said as a number. */
const NAMED = (grade: number): boolean => Number.isInteger(grade) && grade >= 1 && grade <= 14;

/** "9th", "12th", "1st year after high school" (Spanish: "9.º grado", "1.er año después de la preparatoria"). */
export function gradeName(grade: number): string {
  return NAMED(grade) ? t(`plan.grades.name.g${grade}`) : String(grade);
}

/** Short column heading: "9th", "After HS 1". */
export function gradeColumn(grade: number): string {
  return NAMED(grade) ? t(`plan.grades.column.g${grade}`) : gradeName(grade);
}

/** "9th grade", "1st year after high school". */
export function gradeLong(grade: number): string {
  return NAMED(grade) ? t(`plan.grades.long.g${grade}`) : String(grade);
}

/** "6th, 7th and 8th". */
export function listGrades(grades: number[]): string {
  return listWords(grades.map(gradeName));
}

/** Where several grades are: "10th grade" for one, "10th, 11th and 12th grade" for more. */
export function gradesWhere(grades: number[]): string {
  return grades.length === 1 ? gradeLong(grades[0]!) : t('plan.grades.several', { grades: listGrades(grades) });
}

/** "A, B and C" ("A, B y C"); `joiner` "or" for "A or B". */
export function listWords(words: string[], joiner: 'and' | 'or' = 'and'): string {
  if (words.length <= 1) return words.join('');
  const first = words.slice(0, -1).join(', ');
  return t(joiner === 'or' ? 'plan.grades.listOr' : 'plan.grades.list', { first, last: words[words.length - 1]! });
}

const WORD_GRADES: [RegExp, number][] = [
  [/\b(first|1st) year (after|out of) high school\b|\bfirst year of college\b|\bcollege freshman\b/, 13],
  [/\b(second|2nd) year (after|out of) high school\b|\bsecond year of college\b|\bcollege sophomore\b/, 14],
  [/\bsixth\b/, 6],
  [/\bseventh\b/, 7],
  [/\beighth\b/, 8],
  [/\bninth\b|\bfreshman\b/, 9],
  [/\btenth\b|\bsophomore\b/, 10],
  [/\beleventh\b|\bjunior\b/, 11],
  [/\btwelfth\b|\bsenior\b/, 12],
  [/\bthirteenth\b/, 13],
  [/\bfourteenth\b/, 14],
];

/**
 * Reads one grade from a phrase such as "10th", "grade 10", "tenth grade", "junior year",
 * "first year after high school". Returns undefined when there is none.
 */
export function parseGrade(phrase: string): number | undefined {
  const p = phrase.toLowerCase();
  for (const [re, g] of WORD_GRADES) if (re.test(p)) return g;
  const m = p.match(/\b(?:grade\s*)?(6|7|8|9|10|11|12|13|14)(?:st|nd|rd|th)?\b/);
  return m ? Number(m[1]) : undefined;
}
