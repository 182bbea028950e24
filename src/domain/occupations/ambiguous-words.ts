/**
 * Words that name a whole family of jobs rather than one ("doctor", "engineer"): typed alone,
 * Waypoint asks which one the student means instead of guessing. The words always asked about,
 * and the kinds to offer, are data (data/ambiguous-words.json); other words are asked about when
 * several jobs from different pathways share them.
 */
import { phraseKey, wordsKey } from './normalise-text.js';

const processTitle = (title: string): string[] => phraseKey(title).split(' ');
import type { Occupation } from './occupation-types.js';
import type { MatchResult, OccupationMatcher } from './occupation-matcher.js';

/** How many occupations must share a word (and none be called exactly that) to ask anyway. */
const MIN_SHARED = 3;

/**
 * The 2-4 occupations to offer when `text` is one ambiguous word, most likely first and from
 * different pathways where possible; undefined when the word is not ambiguous.
 */
export function ambiguousOptions(
  text: string,
  matcher: OccupationMatcher,
  max = 4,
  result: MatchResult = matcher.match(text, 30),
): Occupation[] | undefined {
  // Two words that name a family of jobs ("social workers").
  const kinds = /\s/.test(text.trim()) ? matcher.ambiguousChoices(wordsKey(text)) : undefined;
  if (kinds !== undefined && kinds.length >= 2) return kinds.slice(0, max);
  if (result.words.length !== 1) return undefined;
  const term = result.words[0]!.term;
  const named = matcher.occupationsNamed(term);
  const headNoun = (o: Occupation): boolean => processTitle(o.title).at(-1) === term;
  const chosen = matcher.ambiguousChoices(term);
  if (chosen !== undefined && chosen.length >= 2) return chosen.slice(0, max);
  const listed = chosen !== undefined;
  if (!listed && (named.filter(headNoun).length < MIN_SHARED || matcher.isExactOccupationName(term))) return undefined;

  // Most likely first: the word is the job's own name, then it is in the title (shorter titles
  // are more general), then search rank.
  const scored = new Map(result.occupations.map((o, i) => [o.id, i]));
  const inTitle = (o: Occupation): boolean => processTitle(o.title).includes(term);
  const rank = (o: Occupation): number =>
    -matcher.exactStrength(term, o.id) * 10_000 - (inTitle(o) ? 5_000 : 0) + o.title.split(' ').length * 100 + (scored.get(o.id) ?? 99);
  let candidates = [...named].sort((a, b) => rank(a) - rank(b));
  if (candidates.filter(inTitle).length >= 2) candidates = candidates.filter((o) => inTitle(o) || matcher.exactStrength(term, o.id) > 0);
  if (candidates.length < 2) {
    candidates = result.occupations.map((o) => o.occupation).filter((o): o is Occupation => o !== undefined);
  }
  // Among the most likely, spread the options over clusters, then pathways.
  const window = candidates.slice(0, max * 2);
  const picked: Occupation[] = [];
  const spread = (keyOf: (o: Occupation) => string): void => {
    const seen = new Set(picked.map(keyOf));
    for (const o of window) {
      if (picked.length < max && !picked.includes(o) && !seen.has(keyOf(o))) {
        picked.push(o);
        seen.add(keyOf(o));
      }
    }
  };
  spread((o) => o.pathwayIds[0]!.split('.')[0]!);
  spread((o) => o.pathwayIds[0]!);
  for (const o of candidates) if (picked.length < max && !picked.includes(o)) picked.push(o);
  if (!listed && new Set(picked.map((o) => o.pathwayIds[0])).size < 2) return undefined;
  return picked.length >= 2 ? picked : undefined;
}
