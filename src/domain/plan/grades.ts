/** Grade names in plain words, and reading a grade out of what someone typed. */

const ORD: Record<number, string> = { 1: 'st', 2: 'nd', 3: 'rd' };

/** "9th", "12th", "1st year after high school". */
export function gradeName(grade: number): string {
  if (grade === 13) return '1st year after high school';
  if (grade === 14) return '2nd year after high school';
  const suffix = grade % 100 >= 11 && grade % 100 <= 13 ? 'th' : (ORD[grade % 10] ?? 'th');
  return `${grade}${suffix}`;
}

/** Short column heading: "9th", "After HS 1". */
export function gradeColumn(grade: number): string {
  if (grade === 13) return 'After HS 1';
  if (grade === 14) return 'After HS 2';
  return gradeName(grade);
}

/** "9th grade", "1st year after high school". */
export function gradeLong(grade: number): string {
  return grade >= 13 ? gradeName(grade) : `${gradeName(grade)} grade`;
}

/** "6th, 7th and 8th". */
export function listGrades(grades: number[]): string {
  return listWords(grades.map(gradeName));
}

export function listWords(words: string[], joiner = 'and'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${joiner} ${words[words.length - 1]}`;
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
