/**
 * Matching O*NET OnLine's career cluster and pathway names to ours. The names differ a little
 * ("Arts, Audio/Video Technology & Communications" vs "Arts, Audio-Visual Technology and
 * Communications", "Teaching/Training" vs "Teaching and Training"), so we compare word sets.
 * Also: O*NET job zone -> our education level. Pure.
 */
import type { Cluster, Framework } from '../framework-types.js';
import type { EducationLevel } from './occupation-types.js';
import { foldPlural } from './normalise-text.js';

const SMALL_WORDS = new Set(['and', 'the', 'of', 'for']);

/** "Teaching/Training" -> {"teaching", "training"}; "Diagnostics Services" -> {"diagnostic", "service"}. */
export function nameWords(name: string): Set<string> {
  const words = name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '' && !SMALL_WORDS.has(w))
    .map((w) => (w === 'mathematics' ? 'math' : foldPlural(w)));
  return new Set(words);
}

/** A normalised name key: same words, any order, any punctuation. */
export function normalisedName(name: string): string {
  return [...nameWords(name)].sort().join(' ');
}

function similarity(a: Set<string>, b: Set<string>): { jaccard: number; coverage: number } {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared += 1;
  const union = a.size + b.size - shared;
  return { jaccard: union === 0 ? 0 : shared / union, coverage: a.size === 0 ? 0 : shared / a.size };
}

/** Picks the candidate whose name is closest; needs most of `name`'s words to be in it. */
function closest<T>(name: string, candidates: T[], nameOf: (t: T) => string, minCoverage: number): T | undefined {
  const words = nameWords(name);
  let best: { item: T; jaccard: number } | undefined;
  for (const item of candidates) {
    const s = similarity(words, nameWords(nameOf(item)));
    if (s.coverage >= minCoverage && (best === undefined || s.jaccard > best.jaccard)) best = { item, jaccard: s.jaccard };
  }
  return best?.item;
}

export function clusterForOnetName(name: string, framework: Framework): Cluster | undefined {
  const exact = framework.clusters.find((c) => normalisedName(c.name) === normalisedName(name));
  return exact ?? closest(name, framework.clusters, (c) => c.name, 0.7);
}

export function pathwayIdForOnetName(name: string, cluster: Cluster): string | undefined {
  const exact = cluster.pathways.find((p) => normalisedName(p.name) === normalisedName(name));
  return (exact ?? closest(name, cluster.pathways, (p) => p.name, 0.6))?.id;
}

/** O*NET job zones 1-5 -> the education most people start with. */
export function educationForJobZone(zone: number): EducationLevel | undefined {
  if (zone === 1 || zone === 2) return 'high-school';
  if (zone === 3) return 'certificate';
  if (zone === 4) return 'bachelor';
  if (zone === 5) return 'graduate';
  return undefined;
}
