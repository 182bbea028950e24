/**
 * Honest eval sets for the matcher (used by `npm run eval` and its tests). Pure.
 *
 * - "Unseen" titles: a title whose normalised form (phraseKey: lower case, plain letters, plurals
 *   folded, filler dropped, any word order) equals a built-in occupation's title, other name or
 *   student word is one the matcher finds by name; the rest show how it does on titles it was
 *   never told about.
 * - O*NET alternate titles (Alternate Titles.txt + the O*NET OnLine career clusters CSV), built at
 *   eval time only, keeping unseen titles, split by SOC code into a tuning half and a held-out half.
 */
import type { EvalCase } from './evaluate-matcher.js';
import type { Occupation } from './occupation-types.js';
import { phraseKey } from './normalise-text.js';

/** The normalised forms of every built-in title, other name and student word. */
export function seenNameKeys(occupations: readonly Occupation[]): Set<string> {
  const keys = new Set<string>();
  for (const o of occupations) {
    for (const name of [o.title, ...o.otherNames, ...o.studentWords]) {
      const key = phraseKey(name);
      if (key !== '') keys.add(key);
    }
  }
  return keys;
}

/** True when the title, normalised, is word for word one of the built-in names. */
export function isSeenTitle(title: string, keys: ReadonlySet<string>): boolean {
  return keys.has(phraseKey(title));
}

export function splitSeen<T extends { title: string }>(cases: readonly T[], keys: ReadonlySet<string>): { seen: T[]; unseen: T[] } {
  const seen: T[] = [];
  const unseen: T[] = [];
  for (const c of cases) (isSeenTitle(c.title, keys) ? seen : unseen).push(c);
  return { seen, unseen };
}

/** FNV-1a, 32 bits: a stable hash that does not depend on the platform. */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export type EvalHalf = 'tuning' | 'held-out';

/**
 * The half an O*NET-SOC code belongs to. Decided by the six-digit SOC code ("29-1141" for
 * "29-1141.01"), so close O*NET variants of one occupation always land in the same half.
 */
export function halfOfSoc(code: string): EvalHalf {
  const soc = code.trim().split('.')[0]!;
  return stableHash(soc) % 2 === 0 ? 'tuning' : 'held-out';
}

export interface AlternateTitleRow {
  code: string;
  title: string;
  /** O*NET's source codes for the title ("02", "04"...), when read. */
  sources?: readonly string[];
}

export interface AlternateSetOptions {
  /** Keep only titles O*NET lists with this source code (its reported titles: "02"). */
  source?: string;
  /** Normalised titles (phraseKey) to leave out: titles already looked at, such as the public sample's. */
  leaveOut?: ReadonlySet<string>;
}

export interface ClusterRow {
  code: string;
  /** O*NET OnLine cluster names, possibly several joined with "; ". */
  clusters: string;
}

export interface AlternateSets {
  tuning: EvalCase[];
  heldOut: EvalCase[];
  /** Titles left out because they are (normalised) one of our names. */
  seen: number;
  /** Titles left out because O*NET gives their code no career cluster. */
  noCluster: number;
  /** Titles left out because of the options: another source, or in `leaveOut`. */
  filtered: number;
}

/**
 * Eval cases from O*NET alternate titles: one per distinct normalised title (expected clusters of
 * every code that reports it), unseen titles only, split by the half of its first code.
 */
export function alternateTitleSets(
  alternates: readonly AlternateTitleRow[],
  clusterRows: readonly ClusterRow[],
  seenKeys: ReadonlySet<string>,
  options: AlternateSetOptions = {},
): AlternateSets {
  const clustersOf = new Map<string, string[]>();
  for (const r of clusterRows) {
    const list = clustersOf.get(r.code) ?? [];
    for (const name of r.clusters.split(';').map((s) => s.trim()).filter(Boolean)) if (!list.includes(name)) list.push(name);
    clustersOf.set(r.code, list);
  }
  const byKey = new Map<string, { title: string; codes: string[]; clusters: string[] }>();
  let seen = 0;
  let noCluster = 0;
  let filtered = 0;
  for (const { code, title, sources } of alternates) {
    const key = phraseKey(title);
    if (key === '') continue;
    if ((options.source !== undefined && !(sources ?? []).includes(options.source)) || options.leaveOut?.has(key)) {
      filtered += 1;
      continue;
    }
    if (seenKeys.has(key)) {
      seen += 1;
      continue;
    }
    const clusters = clustersOf.get(code) ?? [];
    if (clusters.length === 0) {
      noCluster += 1;
      continue;
    }
    const entry = byKey.get(key) ?? { title, codes: [], clusters: [] };
    if (!entry.codes.includes(code)) entry.codes.push(code);
    for (const c of clusters) if (!entry.clusters.includes(c)) entry.clusters.push(c);
    byKey.set(key, entry);
  }
  const tuning: EvalCase[] = [];
  const heldOut: EvalCase[] = [];
  for (const e of byKey.values()) {
    const first = [...e.codes].sort()[0]!;
    const c: EvalCase = { title: e.title, expectedClusters: e.clusters, onetSoc: first };
    (halfOfSoc(first) === 'tuning' ? tuning : heldOut).push(c);
  }
  return { tuning, heldOut, seen, noCluster, filtered };
}

/** A seeded generator (mulberry32), so a sample is the same on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` cases picked at random with `seed` (all of them, in order, when n >= the count). */
export function sampleCases<T>(cases: readonly T[], n: number, seed = 1): T[] {
  if (n >= cases.length) return [...cases];
  const next = random(seed);
  const copy = [...cases];
  for (let i = 0; i < n; i += 1) {
    const j = i + Math.floor(next() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}
