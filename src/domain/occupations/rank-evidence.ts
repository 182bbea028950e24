/**
 * Ranking the pathways and clusters a job title points to, once all the evidence is in (pure).
 *
 * Coverage: a cluster that only some words of the title point to counts less than one that more
 * of its words point to, rare words most ("Scoreboard Operator": a cluster found from
 * "scoreboard" and "operator" before one found from "operator" alone), so a title's words are
 * read together rather than its most common word winning on its own.
 */
import { total, type Evidence } from './title-word-evidence.js';

/** How much the share of the title's words behind a cluster counts: score x share^COVERAGE. */
const COVERAGE = 0.6;
/** The least share a cluster with some evidence keeps (a word known only by a part or its ending). */
const MIN_COVERAGE = 0.05;

/**
 * The evidence's total, less when few of the title's words are behind it. Each word counts by how
 * rare it is (`weight`): one of our few "scoreboard" jobs says more than one of the many "operator"
 * ones.
 */
export function coveredScore<W extends { word: string }>(
  e: Evidence,
  decay: number,
  words: readonly W[] | undefined,
  weight: (word: W) => number,
): number {
  const score = total(e, decay);
  if (words === undefined || words.length < 2) return score;
  let covered = 0;
  let all = 0;
  for (const w of words) {
    const share = weight(w);
    all += share;
    if (e.words.has(w.word)) covered += share;
  }
  return all <= 0 ? score : score * Math.max(covered / all, MIN_COVERAGE) ** COVERAGE;
}
