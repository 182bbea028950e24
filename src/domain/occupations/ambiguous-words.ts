/**
 * Words that name a whole family of jobs rather than one ("doctor", "engineer"): typed alone,
 * Waypoint asks which one the student means instead of guessing.
 */
import { processTerm } from './normalise-text.js';
import type { Occupation } from './occupation-types.js';
import type { MatchResult, OccupationMatcher } from './occupation-matcher.js';

/** Always ask about these when typed alone, even if one occupation lists the word as a name. */
export const AMBIGUOUS_WORDS = [
  'doctor', 'engineer', 'teacher', 'artist', 'nurse', 'technician', 'tech', 'designer', 'scientist',
  'therapist', 'officer', 'analyst', 'assistant', 'specialist', 'counselor', 'developer', 'agent',
  'inspector', 'operator', 'manager', 'mechanic', 'writer', 'coach', 'musician', 'researcher',
];

const ALWAYS = new Set(AMBIGUOUS_WORDS.map((w) => processTerm(w)));

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
  if (result.words.length !== 1) return undefined;
  const term = result.words[0]!.term;
  const named = matcher.occupationsNamed(term);
  const listed = ALWAYS.has(term);
  if (!listed && (named.length < MIN_SHARED || matcher.isExactOccupationName(term))) return undefined;

  const scored = new Map(result.occupations.map((o, i) => [o.id, i]));
  const rank = (o: Occupation): number => scored.get(o.id) ?? 1000;
  let candidates = [...named].sort((a, b) => rank(a) - rank(b));
  if (candidates.length < 2) {
    candidates = result.occupations.map((o) => o.occupation).filter((o): o is Occupation => o !== undefined);
  }
  const picked: Occupation[] = [];
  const pathways = new Set<string>();
  for (const o of candidates) {
    if (picked.length < max && !pathways.has(o.pathwayIds[0]!)) {
      picked.push(o);
      pathways.add(o.pathwayIds[0]!);
    }
  }
  for (const o of candidates) if (picked.length < max && !picked.includes(o)) picked.push(o);
  if (!listed && new Set(picked.map((o) => o.pathwayIds[0])).size < 2) return undefined;
  return picked.length >= 2 ? picked : undefined;
}
