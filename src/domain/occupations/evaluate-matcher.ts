/**
 * Measuring the matcher: for job titles with known clusters, how often is the right cluster
 * first (top-1) or among the first three (top-3)? Pure; `npm run eval` and a test call it.
 */
import type { Framework } from '../framework-types.js';
import type { OccupationMatcher } from './occupation-matcher.js';
import { clusterForOnetName } from './onet-names.js';

export interface EvalCase {
  title: string;
  /** Expected cluster names, as written in the eval file ("Agriculture, Food and Natural Resources"). */
  expectedClusters: string[];
  /** The O*NET-SOC code the title comes from, when known ("29-1141.00"). */
  onetSoc?: string;
}

export interface Accuracy {
  total: number;
  top1: number;
  top3: number;
}

export interface EvalReport {
  overall: Accuracy;
  /** Per expected cluster, in framework order (a case with two expected clusters counts in both). */
  perCluster: (Accuracy & { clusterId: string; name: string })[];
  /** Expected cluster names that match none of ours (those cases are left out). */
  unknownClusters: string[];
  /** Cases the matcher got wrong in top-3: title, expected and what it said first. */
  misses: { title: string; expected: string[]; got: string[] }[];
}

export function evaluateMatcher(cases: EvalCase[], matcher: OccupationMatcher, framework: Framework): EvalReport {
  const overall: Accuracy = { total: 0, top1: 0, top3: 0 };
  const per = new Map(framework.clusters.map((c) => [c.id, { clusterId: c.id, name: c.name, total: 0, top1: 0, top3: 0 }]));
  const unknown = new Set<string>();
  const misses: EvalReport['misses'] = [];

  for (const c of cases) {
    const expected: string[] = [];
    for (const name of c.expectedClusters) {
      const cluster = clusterForOnetName(name, framework);
      if (cluster === undefined) unknown.add(name);
      else if (!expected.includes(cluster.id)) expected.push(cluster.id);
    }
    if (expected.length === 0) continue;
    const got = matcher.match(c.title, 3).clusters.map((m) => m.clusterId);
    const top1 = got[0] !== undefined && expected.includes(got[0]);
    const top3 = got.some((id) => expected.includes(id));
    for (const acc of [overall, ...expected.map((id) => per.get(id)!)]) {
      acc.total += 1;
      if (top1) acc.top1 += 1;
      if (top3) acc.top3 += 1;
    }
    if (!top3) misses.push({ title: c.title, expected, got });
  }
  return { overall, perCluster: [...per.values()].filter((p) => p.total > 0), unknownClusters: [...unknown], misses };
}

export const percent = (part: number, total: number): string =>
  `${total === 0 ? '0.0' : ((100 * part) / total).toFixed(1)}%`;

/** Share of cases with the right cluster in the top three, 0-1. */
export const top3Rate = (a: Accuracy): number => (a.total === 0 ? 0 : a.top3 / a.total);

/** The printed report; the last line reads like `overall: top-1 71.3% top-3 88.5%`. */
export function formatEvalReport(report: EvalReport): string {
  const lines = report.perCluster.map(
    (p) => `${p.name} (${p.total}): top-1 ${percent(p.top1, p.total)} top-3 ${percent(p.top3, p.total)}`,
  );
  if (report.unknownClusters.length > 0) lines.push(`unknown clusters (left out): ${report.unknownClusters.join('; ')}`);
  lines.push(`overall: top-1 ${percent(report.overall.top1, report.overall.total)} top-3 ${percent(report.overall.top3, report.overall.total)}`);
  return lines.join('\n');
}
