/**
 * Cluster accuracy of the occupation matcher on a CSV of job titles.
 *
 *   npm run eval -- <csv with title,onet_soc,expected_clusters> [--misses]
 *
 * Prints per-cluster and overall top-1/top-3 accuracy with the built-in index only, then again
 * with the O*NET index (data/generated/onet-index.json) when it exists.
 */
import { loadFramework } from '../src/data-files/load-framework.js';
import { loadOccupationData, loadOnetIndex } from '../src/data-files/load-occupations.js';
import { readEvalCsv } from '../src/data-files/read-eval-csv.js';
import { OccupationMatcher } from '../src/domain/occupations/occupation-matcher.js';
import { evaluateMatcher, formatEvalReport } from '../src/domain/occupations/evaluate-matcher.js';

async function main(): Promise<void> {
  const csv = process.argv.slice(2).find((a) => !a.startsWith('--'));
  if (csv === undefined) {
    console.error('Usage: npm run eval -- <csv with title,onet_soc,expected_clusters> [--misses]');
    process.exitCode = 2;
    return;
  }
  const showMisses = process.argv.includes('--misses');
  const { framework } = await loadFramework();
  const cases = await readEvalCsv(csv);
  const builtIn = await loadOccupationData({ onetFile: false, clusterIds: new Set(framework.clusters.map((c) => c.id)) });
  const onet = await loadOnetIndex();

  const runs: [string, OccupationMatcher][] = [
    [`built-in index (${builtIn.occupations.length} occupations)`, new OccupationMatcher(framework, builtIn)],
  ];
  if (onet !== undefined) {
    runs.push([`built-in + O*NET index (${onet.occupations.length} O*NET occupations)`, new OccupationMatcher(framework, { ...builtIn, onet })]);
  } else {
    console.log('(no O*NET index: run `npm run import:onet` to evaluate with it)\n');
  }
  for (const [label, matcher] of runs) {
    const report = evaluateMatcher(cases, matcher, framework);
    console.log(`== ${label}, ${cases.length} titles`);
    console.log(formatEvalReport(report));
    if (showMisses) for (const m of report.misses) console.log(`  miss: ${m.title} -> ${m.got.join(', ')} (want ${m.expected.join(', ')})`);
    console.log('');
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
