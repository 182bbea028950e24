import type { Framework } from './framework-types.js';
import type { InterestItem } from './interest-items.js';
import type { Answer } from './score-interests.js';
import { estimatedMean, estimatedSd } from './interest-evidence.js';
import { tallyAnswers, unitSpace, type UnitSpace } from './interest-tally.js';

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
  /** The usual length: past it, every answer asks for less certainty (see `patience`). */
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

const IN = 1;
const OUT = 2;
const CONTESTED = 3;

/**
 * Which units are clearly in the top (IN), clearly out of it (OUT), or still CONTESTED, from each
 * unit's likely match (mean), its uncertainty (sd) and the evidence it rests on (n).
 */
function classifyUnits(mean: Float64Array, sd: Float64Array, n: Float64Array, top: number, z: number): Uint8Array {
  const size = mean.length;
  const lo = new Float64Array(size);
  const hi = new Float64Array(size);
  for (let u = 0; u < size; u++) {
    lo[u] = mean[u]! - z * sd[u]!;
    hi[u] = mean[u]! + z * sd[u]!;
  }
  const lows = [...lo].sort((a, b) => b - a);
  const topLow = lows[Math.min(top, lows.length) - 1] ?? -Infinity;
  const out = new Uint8Array(size);
  for (let u = 0; u < size; u++) out[u] = (hi[u]! < LIKE_FLOOR && n[u]! >= MIN_OUT_EVIDENCE) || hi[u]! < topLow ? OUT : 0;
  for (let u = 0; u < size; u++) {
    if (out[u] === OUT) continue;
    // Clusters that are clearly out don't compete with anyone for a place in the top.
    let rivals = 0;
    for (let o = 0; o < size; o++) if (o !== u && out[o] !== OUT && hi[o]! >= lo[u]!) rivals++;
    out[u] = rivals < top ? IN : CONTESTED;
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
  const space = unitSpace(framework, items, policy.young);
  const asked = new Set(answers.map((a) => a.itemId));
  // Items by their place in the list: the loops below run for every item on every turn.
  const remaining: number[] = [];
  items.forEach((item, i) => {
    if (!asked.has(item.id) && (!policy.young || item.young)) remaining.push(i);
  });
  if (remaining.length === 0) return undefined;
  // The data file's first item opens the conversation.
  if (answers.length === 0) return items[remaining[0]!];

  const tally = tallyAnswers(framework, items, answers, policy.young);
  const size = space.unitIds.length;
  // At most one pick in any three questions in a row.
  const pickRecently = answers.slice(-2).some((a) => items.find((i) => i.id === a.itemId)?.kind === 'pick');
  const pickFactor = (i: number) => (items[i]!.kind !== 'pick' || !pickRecently ? 1 : 0.01);
  const best = (value: (units: Int32Array, weights: Float64Array, i: number) => number) =>
    bestItem(remaining, (i) => value(space.itemUnits[i]!, space.itemWeights[i]!, i));

  // 1. Cover every unit once.
  if (tally.n.some((n) => n === 0)) {
    const covered = best((units, weights, i) => {
      let sum = 0;
      for (let k = 0; k < units.length; k++) if (tally.n[units[k]!] === 0) sum += weights[k]!;
      return sum * pickFactor(i);
    });
    if (covered !== undefined) return items[covered];
  }

  // 2. Separate the leaders.
  const noLikes = !tally.anyPositive;
  if (noLikes && answers.length >= policy.stopWithoutLikes) return undefined;
  const mean = new Float64Array(size);
  const sd = new Float64Array(size);
  for (let u = 0; u < size; u++) {
    mean[u] = estimatedMean(tally.n[u]!, tally.sum[u]!);
    sd[u] = estimatedSd(tally.n[u]!, mean[u]!);
  }
  const status = classifyUnits(mean, sd, tally.n, policy.top, patience(answers.length, policy));
  let leaders = 0;
  for (const s of status) if (s === IN) leaders++;
  const decided = leaders >= policy.top || !status.includes(CONTESTED);
  // A leader known only from picks and side mentions gets one direct question, so the result can
  // quote a plain "yes" (and a fluke pick cannot carry it).
  const unconfirmed = new Uint8Array(size);
  let toConfirm = 0;
  for (let u = 0; u < size; u++) {
    if (status[u] !== IN || tally.direct[u]) continue;
    if (remaining.some((i) => isDirectAbout(items[i]!, space, i, u))) {
      unconfirmed[u] = 1;
      toConfirm++;
    }
  }
  const early = answers.length < (noLikes ? policy.stopWithoutLikes : policy.minAnswers);
  if (decided && toConfirm === 0 && !early) return undefined;

  // Contested units first; then leaders to confirm; once decided (under the minimum), all leaders.
  const focus = Uint8Array.from(status, (s, u) => (s === CONTESTED || unconfirmed[u] || (decided && s === IN) ? 1 : 0));
  const useful = best((units, weights, i) => {
    let value = 0;
    for (let k = 0; k < units.length; k++) {
      const u = units[k]!;
      value += weights[k]! * focus[u]! * sd[u]! * (0.5 + mean[u]!);
    }
    // A pick forces a choice even when no option fits, so prefer yes-no items here.
    return items[i]!.kind === 'pick' ? value * (pickFactor(i) === 1 ? 0.5 : 0.01) : value;
  });
  if (useful !== undefined) return items[useful];
  if (!early) return undefined;
  // Under the minimum with nothing to separate: widen the look to the least-asked units.
  const spread = best((units, weights, i) => {
    let sum = 0;
    for (let k = 0; k < units.length; k++) sum += weights[k]! / (1 + tally.n[units[k]!]!);
    return sum * pickFactor(i);
  });
  return spread === undefined ? undefined : items[spread];
}

/** A yes-no item whose first cluster (or path) is unit `u`. */
function isDirectAbout(item: InterestItem, space: UnitSpace, i: number, u: number): boolean {
  if (item.kind !== 'yes-no') return false;
  const units = space.itemUnits[i]!;
  for (let k = 0; k < units.length; k++) if (units[k] === u) return space.itemWeights[i]![k] === 1;
  return false;
}

/** The item with the highest positive value; the first listed wins a tie. */
function bestItem(items: number[], value: (item: number) => number): number | undefined {
  let best: number | undefined;
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
 * The most questions this conversation can ask: the cap for the grade, or fewer when fewer items fit
 * the grade. chooseNextItem never asks more, so this is the number to promise at the start and to
 * count against on every question ("3 of up to 24"): it is never passed and never changes.
 */
export function questionLimit(items: InterestItem[], grade: Grade): number {
  const policy = policyFor(grade);
  const eligible = policy.young ? items.filter((i) => i.young).length : items.length;
  return Math.min(policy.maxAnswers, eligible);
}
