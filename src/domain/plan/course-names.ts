/**
 * Matching what a student typed ("algbra 2", "chem", "band") to a known name, tolerating small
 * typos without confusing close pairs such as Algebra I and Algebra II.
 */

const ROMAN: Record<string, string> = { '1': 'i', '2': 'ii', '3': 'iii', '4': 'iv', '5': 'v' };

const normalized = new Map<string, string>();

/** Lower case, "&" -> "and", digits 1-5 after a word -> roman numerals, punctuation -> spaces. */
export function normalizeName(s: string): string {
  const hit = normalized.get(s);
  if (hit !== undefined) return hit;
  const out = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[’'`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .map((w, i) => (i > 0 && ROMAN[w] ? ROMAN[w] : w))
    .join(' ');
  if (normalized.size > 20000) normalized.clear();
  normalized.set(s, out);
  return out;
}

/** Damerau-Levenshtein (optimal string alignment) distance, giving up above `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2 = new Uint16Array(b.length + 1);
  let prev = new Uint16Array(b.length + 1);
  let cur = new Uint16Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[b.length]!;
}

export interface NameCandidate {
  /** The name to return. */
  name: string;
  /** Other ways to write it. */
  aliases?: string[];
}

export type NameMatch =
  | { kind: 'found'; name: string; how: 'exact' | 'words' | 'typo' }
  | { kind: 'ambiguous'; names: string[] }
  | { kind: 'none' };

/**
 * Finds the one candidate the typed text means. Order: exact (after normalizing), alias, the only
 * candidate whose words start with the typed words ("chem" -> Chemistry), then the only closest
 * candidate within a small edit distance.
 */
export function matchName(typed: string, candidates: NameCandidate[]): NameMatch {
  const t = normalizeName(typed);
  if (!t) return { kind: 'none' };
  const forms = candidates.flatMap((c) => [c.name, ...(c.aliases ?? [])].map((f) => ({ name: c.name, form: normalizeName(f) })));
  const unique = (xs: string[]) => [...new Set(xs)];

  const exact = unique(forms.filter((f) => f.form === t).map((f) => f.name));
  if (exact.length === 1) return { kind: 'found', name: exact[0]!, how: 'exact' };
  if (exact.length > 1) return { kind: 'ambiguous', names: exact };

  if (t.length >= 3) {
    const tw = t.split(' ');
    const prefixed = unique(forms.filter((f) => wordsStartWith(tw, f.form.split(' '))).map((f) => f.name));
    if (prefixed.length === 1) return { kind: 'found', name: prefixed[0]!, how: 'words' };
    if (prefixed.length > 1) return { kind: 'ambiguous', names: prefixed.slice(0, 4) };
  }

  const limit = t.length <= 4 ? 1 : t.length <= 8 ? 2 : 3;
  const typedWords = new Set(t.split(' '));
  const scored = forms
    // "AP Biology" or "Biology II" is not a typo for Biology: the typed words hold it and say more.
    .filter((f) => !f.form.split(' ').every((w) => typedWords.has(w)))
    // A level typed ("Biology II") is never a typo for a name without it ("Biología").
    .filter((f) => [...typedWords].every((w) => !ROMAN_WORDS.has(w) || f.form.split(' ').includes(w)))
    .map((f) => ({ name: f.name, d: editDistance(t, f.form, limit) }))
    .filter((s) => s.d <= limit)
    .sort((a, b) => a.d - b.d);
  if (scored.length === 0) return { kind: 'none' };
  const best = scored[0]!.d;
  const tied = unique(scored.filter((s) => s.d === best).map((s) => s.name));
  if (tied.length > 1) return { kind: 'ambiguous', names: tied.slice(0, 4) };
  return { kind: 'found', name: tied[0]!, how: 'typo' };
}

const ROMAN_WORDS = new Set(['i', 'ii', 'iii', 'iv', 'v']);

/** Each typed word starts a word of the name, in order; roman numerals must match exactly. */
function wordsStartWith(typed: string[], words: string[]): boolean {
  let k = 0;
  for (const w of words) {
    if (k >= typed.length) break;
    const t = typed[k]!;
    if (ROMAN_WORDS.has(t) || ROMAN_WORDS.has(w) ? w === t : w.startsWith(t)) k++;
  }
  return k === typed.length;
}

/** Same name after normalizing ("Algebra 1" and "algebra I"). */
export function sameName(a: string, b: string): boolean {
  return normalizeName(a) === normalizeName(b);
}
