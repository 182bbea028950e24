import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadFramework } from '../../src/data-files/load-framework.js';
import { loadOccupationData } from '../../src/data-files/load-occupations.js';
import { readEvalCsv } from '../../src/data-files/read-eval-csv.js';
import { OccupationMatcher } from '../../src/domain/occupations/occupation-matcher.js';
import { evaluateMatcher, formatEvalReport, top3Rate } from '../../src/domain/occupations/evaluate-matcher.js';

const EVAL_FILE = path.resolve('../shared/eval/titles-public.csv');
const present = existsSync(EVAL_FILE);
if (!present) console.warn(`Skipping the matcher accuracy test: ${EVAL_FILE} is not there.`);

(present ? describe : describe.skip)('matcher accuracy on the public eval titles', () => {
  it('puts the right cluster in the top three for at least 80% of titles with the built-in index alone', async () => {
    const { framework } = await loadFramework();
    const data = await loadOccupationData({ onetFile: false, clusterIds: new Set(framework.clusters.map((c) => c.id)) });
    const report = evaluateMatcher(await readEvalCsv(EVAL_FILE), new OccupationMatcher(framework, data), framework);
    console.log(formatEvalReport(report));
    expect(report.overall.total).toBeGreaterThan(400);
    expect(report.unknownClusters).toEqual([]);
    expect(top3Rate(report.overall)).toBeGreaterThanOrEqual(0.8);
  });
});

describe('the eval report', () => {
  it('prints the overall line in the agreed form', () => {
    const line = formatEvalReport({ overall: { total: 1000, top1: 713, top3: 885 }, perCluster: [], unknownClusters: [], misses: [] });
    expect(line).toBe('overall: top-1 71.3% top-3 88.5%');
  });
});
