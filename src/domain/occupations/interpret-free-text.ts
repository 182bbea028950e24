/**
 * Understanding what a student types anywhere in the conversation.
 *
 * Entry points (for the conversation engine):
 *   interpretFreeText(text, matcher)          -> FreeTextInterpretation (pure)
 *   freeTextReplies(interpretation, framework) -> Reply[]  (free-text-replies.ts, pure)
 * Build the matcher once at start-up:
 *   new OccupationMatcher(framework, await loadOccupationData())   (src/data-files/load-occupations.ts)
 *
 * Button presses that come back from the replies:
 *   questionId 'free-text-offer':     'explore-cluster:<clusterId>' | 'choose-pathway:<pathwayId>' | 'take-quiz'
 *   questionId 'clarify-occupation':  'occupation:<occupationId>'  (answer with describeOccupation(id, matcher))
 */
import type { Occupation } from './occupation-types.js';
import type { MatchResult, OccupationMatch, OccupationMatcher } from './occupation-matcher.js';
import { ambiguousOptions } from './ambiguous-words.js';
import { plainText, wordsKey } from './normalise-text.js';

export interface FreeTextMatch {
  clusterId: string;
  /** The best pathway inside the cluster, when one stands out. */
  pathwayId?: string;
  /** Set when the student named (or nearly named) a job. */
  occupation?: { id: string; title: string; description?: string; source: 'built-in' | 'onet' };
  /** The student's words that led here (only words matched as typed, not typo guesses). */
  words: string[];
  score: number;
}

export type FreeTextInterpretation =
  /** `interest`: the student told us something they like ("I like being outside"). */
  | { kind: 'matches'; matches: FreeTextMatch[]; interest?: boolean }
  | { kind: 'describe'; occupation: Occupation; clusterId: string; pathwayId: string }
  | { kind: 'ambiguous'; word: string; options: Occupation[] }
  | { kind: 'not-understood' };

/** Longest text we look at; anything longer is cut. */
export const MAX_FREE_TEXT = 300;
/** A further match must score at least this share of the best one to be shown. */
const KEEP_SHARE = 0.45;
/** Below this best cluster score, with only loose (typo/prefix) word hits, we did not understand. */
const WEAK_SCORE = 4;

const QUESTION_PATTERNS: RegExp[] = [
  /^(?:so |and |but |hey |um )*(?:what|wat|wht)\s+(?:does|do|dose|is|are)\s+(?:an?\s+|the\s+)?(.+?)\s+(?:do|does|doing)(?:\s+all day|\s+for a living|\s+at work|\s+exactly|\s+every day)?$/,
  /^(?:so |and |but |hey |um )*(?:what is|what s|whats|what are|who is|tell me about|tell me more about|explain|describe|more about|what do you know about|what does it mean to be)\s+(?:an?\s+|the\s+)?(.+)$/,
  /^(?:what|how)\s+(?:is it like|s it like)\s+(?:to be|being)\s+(?:an?\s+)?(.+)$/,
];

/** "What does a welder do?" -> "welder"; undefined when the text is not a what-does-X-do question. */
export function descriptionSubject(text: string): string | undefined {
  const plain = plainText(text.slice(0, MAX_FREE_TEXT));
  for (const pattern of QUESTION_PATTERNS) {
    const m = pattern.exec(plain);
    if (m?.[1] !== undefined && m[1].trim() !== '') return m[1].trim();
  }
  return undefined;
}

function occupationMatch(o: OccupationMatch): FreeTextMatch {
  const match: FreeTextMatch = {
    clusterId: o.clusterIds[0]!,
    occupation: {
      id: o.id,
      title: o.title,
      source: o.source,
      ...(o.occupation ? { description: o.occupation.description } : {}),
    },
    words: o.matchedWords,
    score: o.score,
  };
  if (o.pathwayIds[0] !== undefined) match.pathwayId = o.pathwayIds[0];
  return match;
}

/** Built-in occupations are preferred to O*NET ones of about the same strength. */
function bestOccupation(list: OccupationMatch[]): OccupationMatch | undefined {
  const top = list[0];
  if (top === undefined) return undefined;
  const builtIn = list.find((o) => o.source === 'built-in' && (o.exact || o.nameHit || !top.nameHit));
  return builtIn !== undefined && builtIn.score >= top.score * 0.6 ? builtIn : top;
}

/** "I like ...", "I'm into ...": the student is telling us an interest, not naming a job. */
const INTEREST_CUE = /\b(like|likes|love|loves|enjoy|enjoys|into|interested|good at|fun|favorite|favourite|something with|something in|work with|working with)\b/;

function understood(result: MatchResult, interest: boolean): FreeTextMatch[] | undefined {
  const topCluster = result.clusters[0];
  if (topCluster === undefined) return undefined;
  const meaningful = result.words.length - result.unmatchedWords.length;
  const loose = result.looseWords.length === meaningful;
  if (meaningful === 0 || (loose && topCluster.score < WEAK_SCORE)) return undefined;
  if (result.unmatchedWords.length > meaningful && topCluster.score < WEAK_SCORE * 2) return undefined;

  const loosely = new Set(result.looseWords);
  const asTyped = (words: string[]): string[] => words.filter((w) => !loosely.has(w));
  const matches: FreeTextMatch[] = [];
  const occ = bestOccupation(result.occupations);
  const topScore = Math.max(topCluster.score, occ?.score ?? 0);
  if (occ !== undefined && occ.clusterIds.length > 0 && (interest ? occ.exact && occ.exactOn !== 'studentWord' : occ.exact || (occ.nameHit && occ.score >= topScore * 0.5))) {
    matches.push(occupationMatch(occ));
    if (occ.exact && !interest) return matches;
  }
  for (const p of result.pathways) {
    if (matches.length >= 3 || p.score < topScore * KEEP_SHARE) break;
    if (matches.some((m) => m.clusterId === p.clusterId)) continue;
    matches.push({ clusterId: p.clusterId, pathwayId: p.pathwayId, words: asTyped(p.matchedWords), score: p.score });
  }
  for (const c of result.clusters) {
    if (matches.length >= 3 || c.score < topScore * KEEP_SHARE) break;
    if (matches.some((m) => m.clusterId === c.clusterId)) continue;
    matches.push({ clusterId: c.clusterId, words: asTyped(c.matchedWords), score: c.score });
  }
  return matches.length > 0 ? matches : undefined;
}

/** At most this many interests in one message get a match of their own. */
const MAX_INTERESTS = 3;

/**
 * "I like drawing and animals": each interest the student named gets its own best pathway, so
 * the stronger one ("animals") does not hide the other. Changes `matches` in place (3 at most).
 */
function addEachInterest(matches: FreeTextMatch[], result: MatchResult, matcher: OccupationMatcher): void {
  const typed = result.words.map((w) => w.word).filter((w) => !result.unmatchedWords.includes(w) && !result.looseWords.includes(w));
  if (typed.length < 2) return;
  let inserted = 0;
  for (const word of typed.slice(0, MAX_INTERESTS)) {
    if (matches.some((m) => m.words.includes(word))) continue;
    const own = matcher.match(word, 5, { interest: true }).pathways.find((p) => !matches.some((m) => m.clusterId === p.clusterId));
    if (own === undefined) continue;
    // After the first match (and other interests added here), before the weaker "could also" ones.
    matches.splice(1 + inserted++, 0, { clusterId: own.clusterId, pathwayId: own.pathwayId, words: [word], score: own.score });
    if (matches.length > MAX_INTERESTS) matches.length = MAX_INTERESTS;
  }
}

/** What does the student mean? Pure; the matcher holds all the data. */
export function interpretFreeText(text: string, matcher: OccupationMatcher): FreeTextInterpretation {
  const input = text.slice(0, MAX_FREE_TEXT);
  // A number or symbols alone ("3", "42!") name no job, whatever a job title may contain.
  if (!/[a-z]/.test(plainText(input))) return { kind: 'not-understood' };
  const subject = descriptionSubject(input);
  const query = subject ?? input;

  const interest = INTEREST_CUE.test(plainText(query));
  const result = matcher.match(query, 30, { interest });
  const options = interest ? undefined : ambiguousOptions(query, matcher, 4, result);
  if (options !== undefined) {
    // "social workers" is asked about as the two words, "doctors" as its one word.
    const phrase = wordsKey(query);
    return { kind: 'ambiguous', word: phrase.includes(' ') && matcher.ambiguousChoices(phrase) ? phrase : result.words[0]!.word, options };
  }
  const matches = understood(result, interest);
  if (matches === undefined) return { kind: 'not-understood' };
  if (interest) addEachInterest(matches, result, matcher);

  if (subject !== undefined) {
    const described = describeOccupation(matches[0]?.occupation?.id ?? '', matcher);
    if (described !== undefined && matches[0]?.occupation?.source === 'built-in') return described;
  }
  return interest ? { kind: 'matches', matches, interest } : { kind: 'matches', matches };
}

/** The describe answer for one built-in occupation (also the answer to a 'clarify-occupation' press). */
export function describeOccupation(
  occupationId: string,
  matcher: OccupationMatcher,
): Extract<FreeTextInterpretation, { kind: 'describe' }> | undefined {
  const occupation = matcher.occupation(occupationId);
  const pathwayId = occupation?.pathwayIds[0];
  if (occupation === undefined || pathwayId === undefined) return undefined;
  return { kind: 'describe', occupation, pathwayId, clusterId: pathwayId.split('.')[0]! };
}
