import type { Framework } from './framework-types.js';
import type { InterestItem } from './interest-items.js';
import type { Answer } from './score-interests.js';
import {
  better,
  itemClusterWeights,
  itemPathWeights,
  observeAnswer,
  pathOfClusterMap,
  type Observation,
} from './interest-evidence.js';

/**
 * What the answers so far add up to for each unit (cluster, or path for the youngest), as plain
 * numbers: the part of the evidence that the choice of the next question reads on every turn. It
 * reads the answers exactly as `collectEvidence` does (same observations, same sums in the same
 * order), without keeping the observations the results quote. Units and items are numbered once
 * per framework and item list.
 */

/** Clusters (or paths) and items as numbers. */
export interface UnitSpace {
  /** Unit ids in the framework's order, and each id's number. */
  unitIds: readonly string[];
  unitIndex: ReadonlyMap<string, number>;
  /** Per item (in list order): the units it speaks about and how strongly, in its weights' order. */
  itemUnits: readonly Int32Array[];
  itemWeights: readonly Float64Array[];
  itemIndex: ReadonlyMap<string, number>;
}

/** Per unit: summed weights (n), weighted sum of values, and whether a direct yes/maybe/no touched it. */
export interface Tally {
  n: Float64Array;
  sum: Float64Array;
  direct: Uint8Array;
  /** At least one cluster got a yes or a picked option. */
  anyPositive: boolean;
}

/** One answer's reading, as numbers (the same for every place in the conversation). */
interface Reading {
  units: Int32Array;
  weights: Float64Array;
  values: Float64Array;
  direct: Uint8Array;
  positive: boolean;
}

/** Answers that speak of a unit directly (not a pick among others). */
const DIRECT_KINDS = new Set(['yes', 'maybe', 'no']);
const isDirect = (o: Observation) => o.weight === 1 && DIRECT_KINDS.has(o.kind);

const spaces = new WeakMap<Framework, WeakMap<InterestItem[], { clusters: UnitSpace; paths: UnitSpace }>>();

/** The numbered units and items, for clusters or (young) paths; built once and shared. */
export function unitSpace(framework: Framework, items: InterestItem[], young: boolean): UnitSpace {
  let byItems = spaces.get(framework);
  if (!byItems) spaces.set(framework, (byItems = new WeakMap()));
  let both = byItems.get(items);
  if (!both) {
    const pathOf = pathOfClusterMap(framework);
    both = {
      clusters: buildSpace(framework.clusters.map((c) => c.id), items, itemClusterWeights),
      paths: buildSpace(framework.paths.map((p) => p.id), items, (item) => itemPathWeights(item, pathOf)),
    };
    byItems.set(items, both);
  }
  return young ? both.paths : both.clusters;
}

function buildSpace(unitIds: string[], items: InterestItem[], weightsOf: (item: InterestItem) => ReadonlyMap<string, number>): UnitSpace {
  const index = new Map(unitIds.map((id, i) => [id, i]));
  const itemUnits: Int32Array[] = [];
  const itemWeights: Float64Array[] = [];
  for (const item of items) {
    // The data files are checked at load: every id an item names is a known cluster.
    const known = [...weightsOf(item)].filter(([id]) => index.has(id));
    itemUnits.push(Int32Array.from(known, ([id]) => index.get(id)!));
    itemWeights.push(Float64Array.from(known, ([, w]) => w));
  }
  return { unitIds, unitIndex: index, itemUnits, itemWeights, itemIndex: new Map(items.map((item, i) => [item.id, i])) };
}

// Keyed by the read-only item objects; a handful of values per item (its choices).
const readings = new WeakMap<InterestItem, Map<string, { clusters?: Reading; paths?: Reading }>>();
const MAX_READINGS_PER_ITEM = 50;

function readingOf(framework: Framework, items: InterestItem[], item: InterestItem, value: string, young: boolean): Reading | undefined {
  let memo = readings.get(item);
  if (!memo) readings.set(item, (memo = new Map()));
  let both = memo.get(value);
  if (!both) {
    both = read(framework, items, item, value);
    if (memo.size < MAX_READINGS_PER_ITEM) memo.set(value, both);
  }
  return young ? both.paths : both.clusters;
}

/** The cluster and path observations of one answer, as `collectEvidence` records them. */
function read(framework: Framework, items: InterestItem[], item: InterestItem, value: string): { clusters?: Reading; paths?: Reading } {
  const observed = observeAnswer(item, value, 0);
  if (observed === undefined) return {};
  const clusterIndex = unitSpace(framework, items, false).unitIndex;
  const pathIndex = unitSpace(framework, items, true).unitIndex;
  const pathOf = pathOfClusterMap(framework);
  const clusters: [number, Observation][] = [];
  const byPath = new Map<string, Observation>();
  for (const [clusterId, o] of observed) {
    const i = clusterIndex.get(clusterId);
    if (i === undefined) continue;
    clusters.push([i, o]);
    const pathId = pathOf.get(clusterId);
    if (pathId !== undefined) byPath.set(pathId, better(byPath.get(pathId), o));
  }
  const paths = [...byPath].filter(([id]) => pathIndex.has(id)).map(([id, o]) => [pathIndex.get(id)!, o] as [number, Observation]);
  const positive = clusters.some(([, o]) => o.kind === 'yes' || o.kind === 'picked');
  return { clusters: toReading(clusters, positive), paths: toReading(paths, positive) };
}

function toReading(list: [number, Observation][], positive: boolean): Reading {
  return {
    units: Int32Array.from(list, ([i]) => i),
    weights: Float64Array.from(list, ([, o]) => o.weight),
    values: Float64Array.from(list, ([, o]) => o.value),
    direct: Uint8Array.from(list, ([, o]) => (isDirect(o) ? 1 : 0)),
    positive,
  };
}

/** Adds up the answers (a later answer to the same item replaces the earlier one). */
export function tallyAnswers(framework: Framework, items: InterestItem[], answers: Answer[], young: boolean): Tally {
  const space = unitSpace(framework, items, young);
  const size = space.unitIds.length;
  const tally: Tally = { n: new Float64Array(size), sum: new Float64Array(size), direct: new Uint8Array(size), anyPositive: false };
  for (const { itemIndex, value } of inLatestOrder(space, answers)) {
    const r = readingOf(framework, items, items[itemIndex]!, value, young);
    if (r === undefined) continue;
    if (r.positive) tally.anyPositive = true;
    for (let k = 0; k < r.units.length; k++) {
      const u = r.units[k]!;
      const w = r.weights[k]!;
      tally.n[u] += w;
      tally.sum[u] += w * r.values[k]!;
      if (r.direct[k]) tally.direct[u] = 1;
    }
  }
  return tally;
}

/** Known items' answers in the order of each item's latest answer (as `collectEvidence` reads them). */
function inLatestOrder(space: UnitSpace, answers: Answer[]): { itemIndex: number; value: string }[] {
  const out: { itemIndex: number; value: string }[] = [];
  let repeated = false;
  const seen = new Set<number>();
  for (const a of answers) {
    const itemIndex = space.itemIndex.get(a.itemId);
    if (itemIndex === undefined) continue;
    if (seen.has(itemIndex)) repeated = true;
    seen.add(itemIndex);
    out.push({ itemIndex, value: a.value });
  }
  if (!repeated) return out;
  const latest = new Map<number, string>();
  for (const { itemIndex, value } of out) {
    latest.delete(itemIndex);
    latest.set(itemIndex, value);
  }
  return [...latest].map(([itemIndex, value]) => ({ itemIndex, value }));
}
