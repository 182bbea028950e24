import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadFramework } from '../../src/data-files/load-framework.js';
import { loadOccupationData } from '../../src/data-files/load-occupations.js';
import { readEvalCsv, readOnetAlternateSets } from '../../src/data-files/read-eval-csv.js';
import { OccupationMatcher } from '../../src/domain/occupations/occupation-matcher.js';
import { evaluateMatcher, formatEvalReport, percent, top3Rate } from '../../src/domain/occupations/evaluate-matcher.js';
import { sampleCases, seenNameKeys, splitSeen } from '../../src/domain/occupations/eval-sets.js';
import { phraseKey } from '../../src/domain/occupations/normalise-text.js';

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

  it('reports the titles that are not word for word one of our names on their own (a regression guard, not the goal)', async () => {
    const { framework } = await loadFramework();
    const data = await loadOccupationData({ onetFile: false, clusterIds: new Set(framework.clusters.map((c) => c.id)) });
    const { seen, unseen } = splitSeen(await readEvalCsv(EVAL_FILE), seenNameKeys(data.occupations));
    const report = evaluateMatcher(unseen, new OccupationMatcher(framework, data), framework);
    console.log(`unseen public titles: ${unseen.length} (seen: ${seen.length}), top-3 ${percent(report.overall.top3, report.overall.total)}`);
    expect(unseen.length).toBeGreaterThan(200);
    expect(top3Rate(report.overall)).toBeGreaterThanOrEqual(0.8);
  });
});

const ONET_DIR = path.resolve('../shared/data/onet');
const haveOnet = existsSync(path.join(ONET_DIR, 'Alternate Titles.txt'));
if (!haveOnet) console.warn(`Skipping the O*NET alternate-title accuracy test: ${ONET_DIR} has no "Alternate Titles.txt".`);

(haveOnet ? describe : describe.skip)('matcher accuracy on unseen O*NET alternate titles (a sample of each half)', () => {
  it('stays at or above what it was when the title words were added (a regression guard, not the goal)', async () => {
    const { framework } = await loadFramework();
    const data = await loadOccupationData({ onetFile: false, clusterIds: new Set(framework.clusters.map((c) => c.id)) });
    const matcher = new OccupationMatcher(framework, data);
    const sets = await readOnetAlternateSets(ONET_DIR, seenNameKeys(data.occupations));
    const rate = (cases: typeof sets.tuning): number => top3Rate(evaluateMatcher(sampleCases(cases, 1500, 1), matcher, framework).overall);
    const [tuning, heldOut] = [rate(sets.tuning), rate(sets.heldOut)];
    console.log(`unseen O*NET alternate titles, 1500 of each half: top-3 tuning ${(100 * tuning).toFixed(1)}%, held-out ${(100 * heldOut).toFixed(1)}%`);
    expect(tuning).toBeGreaterThanOrEqual(0.82);
    expect(heldOut).toBeGreaterThanOrEqual(0.77);
  });
});

(haveOnet && present ? describe : describe.skip)('matcher accuracy on O*NET reported job titles (the titles workers gave O*NET)', () => {
  it('puts the right cluster in the top three for at least 85% of unseen reported titles in each half, the public sample left out', async () => {
    const { framework } = await loadFramework();
    const data = await loadOccupationData({ onetFile: false, clusterIds: new Set(framework.clusters.map((c) => c.id)) });
    const matcher = new OccupationMatcher(framework, data);
    const leaveOut = new Set((await readEvalCsv(EVAL_FILE)).map((c) => phraseKey(c.title)));
    const sets = await readOnetAlternateSets(ONET_DIR, seenNameKeys(data.occupations), { reportedOnly: true, leaveOut });
    expect(sets.tuning.length).toBeGreaterThan(2500);
    expect(sets.heldOut.length).toBeGreaterThan(2500);
    const rate = (cases: typeof sets.tuning): number => top3Rate(evaluateMatcher(cases, matcher, framework).overall);
    const [tuning, heldOut] = [rate(sets.tuning), rate(sets.heldOut)];
    console.log(`unseen O*NET reported titles: top-3 tuning ${(100 * tuning).toFixed(1)}%, held-out ${(100 * heldOut).toFixed(1)}%`);
    expect(tuning).toBeGreaterThanOrEqual(0.85);
    expect(heldOut).toBeGreaterThanOrEqual(0.85);
  });
});

describe('the eval report', () => {
  it('prints the overall line in the agreed form', () => {
    const line = formatEvalReport({ overall: { total: 1000, top1: 713, top3: 885 }, perCluster: [], unknownClusters: [], misses: [] });
    expect(line).toBe('overall: top-1 71.3% top-3 88.5%');
  });
});
