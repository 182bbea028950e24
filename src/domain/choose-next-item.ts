import type { Framework } from './framework-types.js';
import type { InterestItem } from './interest-items.js';
import type { Answer } from './score-interests.js';
import {
  collectEvidence,
  estimate,
  itemClusterWeights,
  itemPathWeights,
  pathOfClusterMap,
  weightList,
  type Estimate,
} from './interest-evidence.js';

/**
 * Which interest question to ask next, or none when the result is clear enough.
 *
 * 1. Cover: until every cluster (grades 0-5: every path) has been asked about once, ask the item
 *    that touches the most not-yet-covered ones. The file's first item opens; at most one pick
 *    in any three questions in a row.
 * 2. Separate: each cluster (path) gets a range it probably lies in. One whose range is clearly
 *    above the rest is "in", one that cannot reach the top or that the student clearly doesn't like
 *    is "out"; the rest are contested. Ask the item that says most about the contested ones.
 * 3. Stop when nothing is contested, when the top is decided, when no item is left that could
 *    change it, when a student said yes to nothing for a while (no point pressing), or at the cap.
 * Everything is deterministic: ties go to the item listed first in the data file.
 */

/** 0 = kindergarten ... 12; 13 and 14 = first and second year after high school. */
export type Grade = number;

export const MAX_ANSWERS = 24;
/** Grades 0-5 only need to separate the 6 paths. */
export const YOUNG_MAX_ANSWERS = 16;

/** Grades 0-5 get young items only and a paths result. */
export function isYoungGrade(grade: Grade): boolean {
  return grade <= 5;
}

interface Policy {
  young: boolean;
  /** How many leaders must be clear: top 3 clusters, or the top path. */
  top: number;
  minAnswers: number;
  maxAnswers: number;
  /** Stop after this many answers when none was a yes or a pick. */
  stopWithoutLikes: number;
  /** Typical total, for "question 3 of about 15". */
  typical: number;
}

function policyFor(grade: Grade): Policy {
  return isYoungGrade(grade)
    ? { young: true, top: 1, minAnswers: 7, maxAnswers: YOUNG_MAX_ANSWERS, stopWithoutLikes: 8, typical: 10 }
    : { young: false, top: 3, minAnswers: 11, maxAnswers: MAX_ANSWERS, stopWithoutLikes: 12, typical: 15 };
}

/** Width of a unit's likely range (mean +- Z standard deviations). */
const Z = 1;
/** A unit whose whole range stays under this is clearly not liked... */
const LIKE_FLOOR = 0.55;
/** ...once it rests on at least this much (summed weights; one direct "no" = 1). */
const MIN_OUT_EVIDENCE = 1.2;
/** Past the typical length, every answer asks for 20% less certainty (down to 30%). */
const SHRINK = 0.2;

function patience(answered: number, policy: Policy): number {
  const over = answered - policy.typical;
  return over <= 0 ? Z : Z * Math.max(0.3, 1 - over * SHRINK);
}

type Status = 'in' | 'out' | 'contested';

/** Answers that speak of a unit directly (not a pick among others). */
const byKind = new Set(['yes', 'maybe', 'no']);

/** Which units are clearly in the top, clearly out of it, or still contested. */
export function classifyUnits(estimates: Map<string, Estimate & { n: number }>, top: number, z = Z): Map<string, Status> {
  const ranges = [...estimates].map(([id, e]) => ({ id, n: e.n, lo: e.mean - z * e.sd, hi: e.mean + z * e.sd, out: false }));
  const lows = ranges.map((r) => r.lo).sort((a, b) => b - a);
  const topLow = lows[Math.min(top, lows.length) - 1] ?? -Infinity;
  for (const r of ranges) r.out = (r.hi < LIKE_FLOOR && r.n >= MIN_OUT_EVIDENCE) || r.hi < topLow;
  const out = new Map<string, Status>();
  for (const r of ranges) {
    // Clusters that are clearly out don't compete with anyone for a place in the top.
    let rivals = 0;
    for (const o of ranges) if (o.id !== r.id && !o.out && o.hi >= r.lo) rivals++;
    out.set(r.id, r.out ? 'out' : rivals < top ? 'in' : 'contested');
  }
  return out;
}

export function chooseNextItem(
  framework: Framework,
  items: InterestItem[],
  answers: Answer[],
  grade: Grade,
): InterestItem | undefined {
  const policy = policyFor(grade);
  if (answers.length >= policy.maxAnswers) return undefined;
  const asked = new Set(answers.map((a) => a.itemId));
  const remaining = items.filter((item) => !asked.has(item.id) && (!policy.young || item.young));
  if (remaining.length === 0) return undefined;

  const pathOf = pathOfClusterMap(framework);
  const weightsOf = (item: InterestItem) =>
    policy.young ? itemPathWeights(item, pathOf) : itemClusterWeights(item);
  // The same weights as a list: the loops below run for every item on every turn, and iterating a
  // list allocates nothing.
  const weightListOf = (item: InterestItem) => weightList(weightsOf(item));
  const evidence = collectEvidence(framework, items, answers);
  const units = policy.young ? evidence.paths : evidence.clusters;
  // The data file's first item opens the conversation.
  if (answers.length === 0) return remaining[0];
  // At most one pick in any three questions in a row.
  const recent = answers.slice(-2).map((a) => items.find((i) => i.id === a.itemId)?.kind);
  const pickAllowed = (item: InterestItem) => item.kind !== 'pick' || !recent.includes('pick');

  // 1. Cover every unit once.
  const uncovered = new Set([...units].filter(([, u]) => u.n === 0).map(([id]) => id));
  if (uncovered.size > 0) {
    const gain = (item: InterestItem) => {
      let sum = 0;
      for (const [id, w] of weightListOf(item)) if (uncovered.has(id)) sum += w;
      return sum;
    };
    const best = bestItem(remaining, (item) => (pickAllowed(item) ? gain(item) : gain(item) * 0.01));
    if (best !== undefined) return best;
  }

  // 2. Separate the leaders.
  const noLikes = !evidence.anyPositive;
  if (noLikes && answers.length >= policy.stopWithoutLikes) return undefined;
  const estimates = new Map<string, Estimate & { n: number }>();
  for (const [id, u] of units) {
    const e = estimate(u);
    estimates.set(id, { mean: e.mean, sd: e.sd, score: e.score, n: u.n });
  }
  const status = classifyUnits(estimates, policy.top, patience(answers.length, policy));
  const statuses = [...status.values()];
  const decided = statuses.filter((s) => s === 'in').length >= policy.top || !statuses.includes('contested');
  // A leader known only from picks and side mentions gets one direct question, so the result can
  // quote a plain "yes" (and a fluke pick cannot carry it).
  const direct = (item: InterestItem, id: string) => item.kind === 'yes-no' && weightsOf(item).get(id) === 1;
  const unconfirmed = new Set(
    [...status]
      .filter(([id, s]) => s === 'in' && !units.get(id)!.observations.some((o) => o.weight === 1 && byKind.has(o.kind)))
      .filter(([id]) => remaining.some((item) => direct(item, id)))
      .map(([id]) => id),
  );
  const early = answers.length < (noLikes ? policy.stopWithoutLikes : policy.minAnswers);
  if (decided && unconfirmed.size === 0 && !early) return undefined;

  const usefulness = (item: InterestItem) => {
    let value = 0;
    for (const [id, w] of weightListOf(item)) {
      const e = estimates.get(id)!;
      const s = status.get(id);
      // Contested units first; then leaders to confirm; once decided (under the minimum), all leaders.
      const focus = s === 'contested' || unconfirmed.has(id) || (decided && s === 'in') ? 1 : 0;
      value += w * focus * e.sd * (0.5 + e.mean);
    }
    // A pick forces a choice even when no option fits, so prefer yes-no items here.
    return item.kind === 'pick' ? (pickAllowed(item) ? value * 0.5 : value * 0.01) : value;
  };
  // Under the minimum with nothing to separate: widen the look to the least-asked units.
  const spread = (item: InterestItem) => {
    let sum = 0;
    for (const [id, w] of weightListOf(item)) sum += w / (1 + (units.get(id)?.n ?? 0));
    return sum * (pickAllowed(item) ? 1 : 0.01);
  };
  return bestItem(remaining, usefulness) ?? (early ? bestItem(remaining, spread) : undefined);
}

/** The item with the highest positive value; the first listed wins a tie. */
function bestItem(items: InterestItem[], value: (item: InterestItem) => number): InterestItem | undefined {
  let best: InterestItem | undefined;
  let bestValue = 1e-9;
  for (const item of items) {
    const v = value(item);
    if (v > bestValue + 1e-12) {
      best = item;
      bestValue = v;
    }
  }
  return best;
}

/**
 * About how many questions this conversation will take, for "question 3 of about 15"; past the
 * typical length, the cap ("question 17 of at most 24"), so the count never creeps up one by one.
 */
export function estimateTotal(answers: Answer[], grade: Grade): number {
  const policy = policyFor(grade);
  return answers.length + 1 <= policy.typical ? policy.typical : policy.maxAnswers;
}
