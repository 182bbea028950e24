/**
 * Cluster accuracy of the occupation matcher on job titles.
 *
 *   npm run eval -- <csv with title,onet_soc,expected_clusters> [--misses]
 *   npm run eval -- --onet-alternates [--reported] [--leave-out <csv>] [--onet-dir <folder>] [--sample N] [--seed S] [--half tuning|held-out] [--misses]
 *
 * For a CSV: per-cluster and overall top-1/top-3 accuracy with the built-in index only, then again
 * with the O*NET index (data/generated/onet-index.json) when it exists; each time also on the
 * "unseen" titles (normalised, not one of our occupations' titles, other names or student words).
 *
 * --onet-alternates: builds, in memory only, an eval set from the O*NET alternate titles in
 * <folder> (default ../shared/data/onet or WAYPOINT_ONET_DIR: "Alternate Titles.txt" and
 * "career_clusters_onetonline.csv"), keeps the titles unseen in our data, splits them by SOC code
 * into a tuning half and a held-out half and reports both (built-in index only: the O*NET index
 * holds these very titles). --sample N takes N titles from each half (seeded by --seed, default 1);
 * --half tuning (or held-out) reports that half only: look at the tuning half only while tuning.
 * --misses lists the CSV's misses and the tuning half's, never the held-out half's.
 * --reported keeps only O*NET's reported job titles (the ones workers gave in its data collection,
 * source "02"; the rest come from older title lists, the census index, job postings...), and
 * leaves out the titles of the public eval sample, which were looked at while tuning
 * (../shared/eval/titles-public.csv, or --leave-out <csv>).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadFramework } from '../src/data-files/load-framework.js';
import { loadOccupationData, loadOnetIndex } from '../src/data-files/load-occupations.js';
import { readEvalCsv, readOnetAlternateSets } from '../src/data-files/read-eval-csv.js';
import { OccupationMatcher } from '../src/domain/occupations/occupation-matcher.js';
import { evaluateMatcher, formatEvalReport, percent, type EvalCase, type EvalReport } from '../src/domain/occupations/evaluate-matcher.js';
import { sampleCases, seenNameKeys, splitSeen } from '../src/domain/occupations/eval-sets.js';
import { phraseKey } from '../src/domain/occupations/normalise-text.js';

const USAGE =
  'Usage: npm run eval -- <csv with title,onet_soc,expected_clusters> [--misses]\n' +
  '       npm run eval -- --onet-alternates [--reported] [--leave-out <csv>] [--onet-dir <folder>] [--sample N] [--seed S] [--half tuning|held-out] [--misses]';
const VALUE_FLAGS = new Set(['--onet-dir', '--sample', '--seed', '--half', '--leave-out']);
const PUBLIC_SAMPLE = path.join('..', 'shared', 'eval', 'titles-public.csv');

function parseArgs(argv: string[]): { csv?: string; flags: Set<string>; values: Map<string, string> } {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  let csv: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i]!;
    if (VALUE_FLAGS.has(a)) values.set(a, argv[++i] ?? '');
    else if (a.startsWith('--')) flags.add(a);
    else csv ??= a;
  }
  return { ...(csv !== undefined ? { csv } : {}), flags, values };
}

const summary = (label: string, r: EvalReport): string =>
  `${label}: ${r.overall.total} titles, top-1 ${percent(r.overall.top1, r.overall.total)} top-3 ${percent(r.overall.top3, r.overall.total)}`;

function printMisses(report: EvalReport): void {
  for (const m of report.misses) console.log(`  miss: ${m.title} -> ${m.got.join(', ')} (want ${m.expected.join(', ')})`);
}

async function main(): Promise<void> {
  const { csv, flags, values } = parseArgs(process.argv.slice(2));
  const alternates = flags.has('--onet-alternates');
  if (csv === undefined && !alternates) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const showMisses = flags.has('--misses');
  const { framework } = await loadFramework();
  const builtIn = await loadOccupationData({ onetFile: false, clusterIds: new Set(framework.clusters.map((c) => c.id)) });
  const seenKeys = seenNameKeys(builtIn.occupations);
  const builtInMatcher = new OccupationMatcher(framework, builtIn);
  const builtInLabel = `built-in index (${builtIn.occupations.length} occupations)`;

  if (csv !== undefined) {
    const cases = await readEvalCsv(csv);
    const { seen, unseen } = splitSeen(cases, seenKeys);
    const onet = await loadOnetIndex();
    const runs: [string, OccupationMatcher][] = [[builtInLabel, builtInMatcher]];
    if (onet !== undefined) {
      runs.push([`built-in + O*NET index (${onet.occupations.length} O*NET occupations)`, new OccupationMatcher(framework, { ...builtIn, onet })]);
    } else {
      console.log('(no O*NET index: run `npm run import:onet` to evaluate with it)\n');
    }
    for (const [label, matcher] of runs) {
      const report = evaluateMatcher(cases, matcher, framework);
      console.log(`== ${label}, ${cases.length} titles`);
      console.log(formatEvalReport(report));
      if (showMisses) printMisses(report);
      console.log(summary('seen titles (normalised, one of our names)', evaluateMatcher(seen, matcher, framework)));
      console.log(summary('unseen titles', evaluateMatcher(unseen, matcher, framework)));
      console.log('');
    }
  }

  if (alternates) {
    const dir = path.resolve(values.get('--onet-dir') ?? process.env.WAYPOINT_ONET_DIR ?? path.join('..', 'shared', 'data', 'onet'));
    const reported = flags.has('--reported');
    const leaveOutFile = values.get('--leave-out') ?? (reported && existsSync(PUBLIC_SAMPLE) ? PUBLIC_SAMPLE : undefined);
    const leaveOut = leaveOutFile === undefined ? undefined : new Set((await readEvalCsv(leaveOutFile)).map((c) => phraseKey(c.title)));
    const sets = await readOnetAlternateSets(dir, seenKeys, { reportedOnly: reported, ...(leaveOut ? { leaveOut } : {}) });
    const sample = values.has('--sample') ? Number(values.get('--sample')) : Infinity;
    const seed = values.has('--seed') ? Number(values.get('--seed')) : 1;
    if (Number.isNaN(sample) || Number.isNaN(seed)) throw new Error(`--sample and --seed take numbers\n${USAGE}`);
    const which = reported ? 'O*NET reported job titles' : 'O*NET alternate titles';
    console.log(`== ${builtInLabel}, ${which} from ${dir}`);
    const filtered = [reported ? 'not reported by workers' : '', leaveOutFile ? `in ${leaveOutFile}` : ''].filter(Boolean).join(' or ');
    console.log(
      `(left out: ${sets.seen} titles that are one of our names, ${sets.noCluster} with no O*NET cluster` +
        `${filtered ? `, ${sets.filtered} ${filtered}` : ''}; one case per distinct title)`,
    );
    const half = values.get('--half');
    if (half !== undefined && half !== 'tuning' && half !== 'held-out') throw new Error(`--half is tuning or held-out\n${USAGE}`);
    const halves: [string, EvalCase[]][] = [['tuning half', sets.tuning], ['held-out half', sets.heldOut]];
    for (const [label, all] of halves.filter(([l]) => half === undefined || l.startsWith(half))) {
      const cases = sampleCases(all, sample, seed);
      const report = evaluateMatcher(cases, builtInMatcher, framework);
      const of = cases.length < all.length ? ` (a sample, seed ${seed}, of ${all.length})` : '';
      console.log(summary(`unseen ${reported ? 'reported' : 'alternate'} titles, ${label}${of}`, report));
      if (showMisses && label === 'tuning half') printMisses(report);
    }
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
