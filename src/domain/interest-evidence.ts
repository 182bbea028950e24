import type { Framework } from './framework-types.js';
import type { InterestItem } from './interest-items.js';
import type { Answer } from './score-interests.js';

/**
 * What the answers so far say about each cluster and each path. Shared by the scoring (result)
 * and by the choice of the next question, so both read the answers the same way.
 *
 * Every answered item gives each cluster it touches one observation: a value (1 = liked,
 * 0.5 = unsure, 0 = not for me) and a weight (how strongly the item speaks about that cluster:
 * its first cluster counts most). A cluster's match is the weighted share of "liked", pulled
 * toward PRIOR_MEAN when there were few questions about it.
 */

export type AnswerKind = 'yes' | 'maybe' | 'no' | 'picked' | 'not-picked' | 'none' | 'unsure';

export interface Observation {
  itemId: string;
  weight: number;
  value: number;
  kind: AnswerKind;
  /** The phrase that quotes it (the item's phrase, or the picked option's phrase). */
  phrase: string;
  /** Position of the answer in the conversation. */
  order: number;
}

export interface UnitEvidence {
  /** Sum of weights of the answers about this cluster or path. */
  n: number;
  /** Weighted sum of values. */
  sum: number;
  observations: Observation[];
}

export interface Estimate {
  mean: number;
  sd: number;
  /** Ranking score: the mean, a little lower when it rests on few answers. */
  score: number;
}

export interface Evidence {
  clusters: Map<string, UnitEvidence>;
  paths: Map<string, UnitEvidence>;
  /** Items of the list that were answered (answers to unknown items are ignored). */
  answeredItemIds: Set<string>;
  /** True when at least one answer was a yes or a picked option. */
  anyPositive: boolean;
  anyMaybe: boolean;
}

/** Weight of a cluster by its position in an item's (or option's) cluster list. */
const POSITION_WEIGHTS = [1, 0.6, 0.5];
const PRIOR_MEAN = 0.3;
const PRIOR_WEIGHT = 1;
const PICKED_WEIGHT = 0.7;

export function positionWeight(index: number): number {
  return POSITION_WEIGHTS[Math.min(index, POSITION_WEIGHTS.length - 1)]!;
}

// Items and frameworks are read-only data loaded once, and every turn of the interest questions
// asks the same things of them: work each answer out once (keyed by the objects themselves).
const clusterWeightsMemo = new WeakMap<InterestItem, ReadonlyMap<string, number>>();
const pathWeightsMemo = new WeakMap<ReadonlyMap<string, string>, WeakMap<InterestItem, ReadonlyMap<string, number>>>();
const pathOfMemo = new WeakMap<Framework, ReadonlyMap<string, string>>();
const itemsByIdMemo = new WeakMap<InterestItem[], ReadonlyMap<string, InterestItem>>();

/** Every cluster an item can say something about, with its strongest weight. */
export function itemClusterWeights(item: InterestItem): ReadonlyMap<string, number> {
  let out = clusterWeightsMemo.get(item);
  if (out) return out;
  const weights = new Map<string, number>();
  const lists = item.kind === 'pick' ? (item.options ?? []).map((o) => o.clusterIds) : [item.clusterIds];
  for (const ids of lists) {
    ids.forEach((id, i) => weights.set(id, Math.max(weights.get(id) ?? 0, positionWeight(i))));
  }
  clusterWeightsMemo.set(item, (out = weights));
  return out;
}

/** Every path an item can say something about, with its strongest weight. */
export function itemPathWeights(item: InterestItem, pathOfCluster: ReadonlyMap<string, string>): ReadonlyMap<string, number> {
  let memo = pathWeightsMemo.get(pathOfCluster);
  if (!memo) pathWeightsMemo.set(pathOfCluster, (memo = new WeakMap()));
  let out = memo.get(item);
  if (out) return out;
  const weights = new Map<string, number>();
  for (const [clusterId, w] of itemClusterWeights(item)) {
    const pathId = pathOfCluster.get(clusterId);
    if (pathId !== undefined) weights.set(pathId, Math.max(weights.get(pathId) ?? 0, w));
  }
  memo.set(item, (out = weights));
  return out;
}

export function pathOfClusterMap(framework: Framework): ReadonlyMap<string, string> {
  let out = pathOfMemo.get(framework);
  if (out) return out;
  const map = new Map<string, string>();
  for (const path of framework.paths) for (const c of path.clusterIds) map.set(c, path.id);
  for (const c of framework.clusters) if (!map.has(c.id)) map.set(c.id, c.pathId);
  pathOfMemo.set(framework, (out = map));
  return out;
}

function itemsById(items: InterestItem[]): ReadonlyMap<string, InterestItem> {
  let out = itemsByIdMemo.get(items);
  if (!out) itemsByIdMemo.set(items, (out = new Map(items.map((item) => [item.id, item]))));
  return out;
}

/** A better observation of the same cluster within one item wins: higher value, then weight. */
export function better(a: Observation | undefined, b: Observation): Observation {
  if (a === undefined) return b;
  if (b.value !== a.value) return b.value > a.value ? b : a;
  return b.weight > a.weight ? b : a;
}

/** What one answer says about each cluster it touches; undefined when the answer doesn't fit the item. */
export function observeAnswer(item: InterestItem, value: string, order: number): Map<string, Observation> | undefined {
  const out = new Map<string, Observation>();
  // Built field by field: an object spread here was most of the cost of choosing the next question.
  const add = (clusterId: string, o: Omit<Observation, 'itemId' | 'order'>) =>
    out.set(clusterId, better(out.get(clusterId), { itemId: item.id, weight: o.weight, value: o.value, kind: o.kind, phrase: o.phrase, order }));
  if (item.kind === 'yes-no') {
    const v = value === 'yes' ? 1 : value === 'maybe' ? 0.5 : value === 'no' ? 0 : undefined;
    if (v === undefined) return undefined;
    item.clusterIds.forEach((id, i) =>
      add(id, { weight: positionWeight(i), value: v, kind: value as AnswerKind, phrase: item.phrase }),
    );
    return out;
  }
  const options = item.options ?? [];
  const picked = options.find((o) => o.id === value);
  if (picked === undefined && value !== 'no' && value !== 'maybe') return undefined;
  for (const option of options) {
    option.clusterIds.forEach((id, i) => {
      const w = positionWeight(i);
      // Picking is a choice among a few, weaker than a yes: the student may like none of them much.
      if (option === picked) add(id, { weight: w * PICKED_WEIGHT, value: 1, kind: 'picked', phrase: option.phrase });
      else if (picked !== undefined) add(id, { weight: w * 0.4, value: 0, kind: 'not-picked', phrase: option.phrase });
      else if (value === 'no') add(id, { weight: w * 0.75, value: 0, kind: 'none', phrase: option.phrase });
      else add(id, { weight: w * 0.5, value: 0.5, kind: 'unsure', phrase: option.phrase });
    });
  }
  return out;
}

// What one answer says depends only on the item, the value and its place in the conversation, and
// every turn of every student reads all their answers again: keep each reading (frozen, shared).
const observedMemo = new WeakMap<InterestItem, Map<string, ReadonlyMap<string, Observation> | undefined>>();
const MAX_READINGS_PER_ITEM = 500;

function observeAnswerOnce(item: InterestItem, value: string, order: number): ReadonlyMap<string, Observation> | undefined {
  let memo = observedMemo.get(item);
  if (!memo) observedMemo.set(item, (memo = new Map()));
  const key = `${order}|${value}`;
  if (memo.has(key)) return memo.get(key);
  const observed = observeAnswer(item, value, order);
  if (observed) for (const o of observed.values()) Object.freeze(o);
  if (memo.size < MAX_READINGS_PER_ITEM) memo.set(key, observed);
  return observed;
}

function emptyEvidence(): UnitEvidence {
  return { n: 0, sum: 0, observations: [] };
}

function record(unit: UnitEvidence, o: Observation): void {
  unit.n += o.weight;
  unit.sum += o.weight * o.value;
  unit.observations.push(o);
}

/** Reads all answers (later answers to the same item replace earlier ones). */
export function collectEvidence(framework: Framework, items: InterestItem[], answers: Answer[]): Evidence {
  const byId = itemsById(items);
  const pathOf = pathOfClusterMap(framework);
  const clusters = new Map(framework.clusters.map((c) => [c.id, emptyEvidence()]));
  const paths = new Map(framework.paths.map((p) => [p.id, emptyEvidence()]));
  const latest = new Map<string, { value: string; order: number }>();
  answers.forEach((a, order) => {
    if (byId.has(a.itemId)) {
      latest.delete(a.itemId);
      latest.set(a.itemId, { value: a.value, order });
    }
  });
  const evidence: Evidence = { clusters, paths, answeredItemIds: new Set(), anyPositive: false, anyMaybe: false };
  for (const [itemId, { value, order }] of latest) {
    const observed = observeAnswerOnce(byId.get(itemId)!, value, order);
    if (observed === undefined) continue;
    evidence.answeredItemIds.add(itemId);
    const byPath = new Map<string, Observation>();
    for (const [clusterId, o] of observed) {
      const unit = clusters.get(clusterId);
      if (unit === undefined) continue;
      record(unit, o);
      if (o.kind === 'yes' || o.kind === 'picked') evidence.anyPositive = true;
      if (o.kind === 'maybe' || o.kind === 'unsure') evidence.anyMaybe = true;
      const pathId = pathOf.get(clusterId);
      if (pathId !== undefined) byPath.set(pathId, better(byPath.get(pathId), o));
    }
    for (const [pathId, o] of byPath) {
      const unit = paths.get(pathId);
      if (unit !== undefined) record(unit, o);
    }
  }
  return evidence;
}

export function estimate(unit: UnitEvidence): Estimate {
  const mean = estimatedMean(unit.n, unit.sum);
  const sd = estimatedSd(unit.n, mean);
  return { mean, sd, score: mean - 0.5 * sd };
}

/** A unit's likely match from its summed weights `n` and weighted sum of values. */
export function estimatedMean(n: number, sum: number): number {
  return (sum + PRIOR_WEIGHT * PRIOR_MEAN) / (n + PRIOR_WEIGHT);
}

/** How unsure that match still is. */
export function estimatedSd(n: number, mean: number): number {
  return Math.sqrt((mean * (1 - mean)) / (n + PRIOR_WEIGHT + 1));
}

/** The answers that showed interest (yes, picked), strongest first, then in the order given. */
export function positiveObservations(unit: UnitEvidence): Observation[] {
  return unit.observations
    .filter((o) => o.kind === 'yes' || o.kind === 'picked')
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
}

export function maybeObservations(unit: UnitEvidence): Observation[] {
  return unit.observations
    .filter((o) => o.kind === 'maybe')
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
}
