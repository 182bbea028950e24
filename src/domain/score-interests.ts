import type { Framework } from './framework-types.js';
import type { InterestItem } from './interest-items.js';
import { collectEvidence, estimate, type UnitEvidence } from './interest-evidence.js';
import { likedPhrases, reasonFor } from './interest-reasons.js';

/** One answer of the explore conversation. */
export interface Answer {
  itemId: string;
  /** 'yes' | 'maybe' | 'no' | an option id of a pick item ('no' on a pick = none of these). */
  value: string;
}

/**
 * `score` is a 0-1 match strength: the share of "yes" in the answers about it (first-named
 * clusters count most), pulled toward "unsure" when there were few. Only its order matters.
 * `reason` quotes the student (a lower-case clause, no final period); `phrases` lists everything
 * they said yes to or picked that points here, strongest first.
 */
export interface RankedCluster {
  clusterId: string;
  score: number;
  reason: string;
  phrases: string[];
}

export interface RankedPath {
  pathId: string;
  score: number;
  reason: string;
  phrases: string[];
}

/** Best first; every path and every cluster of the framework is listed. */
export interface InterestResult {
  paths: RankedPath[];
  clusters: RankedCluster[];
}

interface Scored {
  id: string;
  score: number;
  liked: number;
  index: number;
}

function rank(units: { id: string; evidence: UnitEvidence }[]): Scored[] {
  return units
    .map(({ id, evidence }, index) => ({
      id,
      score: estimate(evidence).score,
      liked: evidence.sum,
      index,
    }))
    .sort((a, b) => b.score - a.score || b.liked - a.liked || a.index - b.index);
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Ranks every path and cluster for a student's answers, with reasons in their own words. */
export function scoreInterests(framework: Framework, items: InterestItem[], answers: Answer[]): InterestResult {
  const evidence = collectEvidence(framework, items, answers);
  const pathOfCluster = new Map(framework.clusters.map((c) => [c.id, c.pathId]));

  const clusters = rank(framework.clusters.map((c) => ({ id: c.id, evidence: evidence.clusters.get(c.id)! }))).map(
    ({ id, score }): RankedCluster => {
      const unit = evidence.clusters.get(id)!;
      const near = evidence.paths.get(pathOfCluster.get(id) ?? '');
      return { clusterId: id, score: round(score), reason: reasonFor(unit, evidence, near), phrases: likedPhrases(unit) };
    },
  );
  const paths = rank(framework.paths.map((p) => ({ id: p.id, evidence: evidence.paths.get(p.id)! }))).map(
    ({ id, score }): RankedPath => {
      const unit = evidence.paths.get(id)!;
      return { pathId: id, score: round(score), reason: reasonFor(unit, evidence), phrases: likedPhrases(unit) };
    },
  );
  return { paths, clusters };
}
