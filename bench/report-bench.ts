/**
 * The principal's report and the ICAP export for `npm run bench`: 400 seeded students (grades 6 to
 * 12, two counselors at one school) on the lowdb store (one file per record), real drafted plans
 * for 60% of them, reviews and counselor meetings for some. Times, each over 40 runs after a warm
 * run (p50 and p99): the summary numbers (read every student's records and count), rendering the
 * one-page PDF (target: 300 ms), writing the CSV, and the ICAP rows and CSV.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FrameworkIndex } from '../src/domain/framework-index.js';
import type { Framework } from '../src/domain/framework-types.js';
import { MEETINGS, type MeetingRecord } from '../src/domain/meetings.js';
import { draftPlan, recordReview, type Plan } from '../src/domain/plan/index.js';
import { parseReviewPolicy } from '../src/domain/reminders/index.js';
import { readPlanData } from '../src/data-files/read-plan-data-files.js';
import { renderIcapCsv } from '../src/export/icap-csv.js';
import { renderPrincipalCsv } from '../src/export/principal-csv.js';
import { renderPrincipalPdf } from '../src/export/principal-pdf.js';
import { studentRows } from '../src/features/counselor/caseload-rows.js';
import { icapRows } from '../src/features/counselor/icap-export.js';
import { reportScope } from '../src/features/counselor/report-scope.js';
import { buildSchoolReport } from '../src/features/counselor/report-summary.js';
import { LowdbStore } from '../src/store/lowdb-store.js';
import { ms, percentile, timeIt } from './stats.js';

const STUDENTS = 400;
const RUNS = 40;
const NOW = new Date('2026-11-23T15:00:00.000Z');

async function times(run: () => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  await run();
  const t: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const done = timeIt();
    await run();
    t.push(done());
  }
  t.sort((a, b) => a - b);
  return { p50: percentile(t, 50), p99: percentile(t, 99) };
}

export async function benchReports(): Promise<Record<string, string>> {
  const dataDir = path.resolve('data');
  const framework = JSON.parse(readFileSync(path.join(dataDir, 'frameworks', 'missouri.json'), 'utf8')) as Framework;
  const fw = new FrameworkIndex(framework);
  const data = await readPlanData({ dataDir, framework });
  const policy = parseReviewPolicy(JSON.parse(readFileSync(path.join(dataDir, 'review-policy.json'), 'utf8')), 'data/review-policy.json', 'America/Chicago');
  const dir = await mkdtemp(path.join(tmpdir(), 'waypoint-report-bench-'));
  try {
    const store = new LowdbStore(dir);
    const pathways = framework.clusters.flatMap((c) => c.pathways.map((p) => ({ clusterId: c.id, pathwayId: p.id, pathId: framework.paths.find((x) => x.clusterIds.includes(c.id))!.id })));
    const counselors = ['slack:UC1', 'slack:UC2'];
    for (const c of counselors) await store.put('counselors', c, { userKey: c, school: 'Lincoln High', addedAt: NOW.toISOString(), addedBy: 'admin-cli' });
    const keys: string[][] = [[], []];
    const drafts = new Map<string, Plan>();
    for (let i = 0; i < STUDENTS; i++) {
      const key = `slack:U${i}`;
      const grade = 6 + (i % 7);
      const choice = i % 4 === 0 ? undefined : { ...pathways[i % pathways.length]!, chosenAt: '2026-09-01T00:00:00.000Z' };
      await store.put('profiles', key, { userKey: key, role: 'student', grade, displayName: `Student ${i}`, choiceHistory: [], createdAt: '2026-08-20T00:00:00.000Z', lastActiveAt: '2026-11-01T00:00:00.000Z', ...(choice ? { choice } : {}) });
      keys[i % 2]!.push(key);
      if (choice && i % 5 !== 0) {
        const id = `${choice.pathwayId}-${Math.min(grade, 9)}`;
        let plan = drafts.get(id) ?? draftPlan({ framework, data, pathwayId: choice.pathwayId, currentGrade: grade, now: '2026-08-25T15:00:00.000Z', by: key });
        drafts.set(id, plan);
        if (i % 3 === 0) plan = recordReview(plan, { now: '2026-10-01T15:00:00.000Z', by: key });
        await store.put('plans', key, plan);
      }
      if (i % 6 === 0) {
        const m: MeetingRecord = { studentKey: key, meetings: [{ at: '2026-10-02T15:00:00.000Z', by: counselors[i % 2]!, windowId: '2026-27-fall', schoolYear: '2026-27' }], notes: [], signatures: [], updatedAt: '2026-10-02T15:00:00.000Z' };
        await store.put(MEETINGS, key, m);
      }
    }
    for (const [i, c] of counselors.entries()) await store.put('caseloads', c, { counselorKey: c, studentKeys: keys[i], updatedAt: NOW.toISOString() });

    const scope = (await reportScope(store, counselors[0]!, { ownOnly: false }))!;
    const numbers = await times(async () => buildSchoolReport(await studentRows(store, scope.studentKeys, fw, policy, NOW), scope, policy, NOW));
    const report = buildSchoolReport(await studentRows(store, scope.studentKeys, fw, policy, NOW), scope, policy, NOW);
    const pdf = await times(() => renderPrincipalPdf(report));
    const csv = await times(async () => renderPrincipalCsv(report));
    const own = (await reportScope(store, counselors[0]!, { ownOnly: true }))!;
    const icap = await times(async () => renderIcapCsv(await icapRows(store, await studentRows(store, own.studentKeys, fw, policy, NOW), { policy, requirements: data.requirements, now: NOW })));
    const bytes = (await renderPrincipalPdf(report)).length;
    return {
      'school report, 400 students: numbers (read + count) p50 / p99': `${ms(numbers.p50)} / ${ms(numbers.p99)}`,
      'principal PDF render p50 / p99 (target <= 300 ms)': `${ms(pdf.p50)} / ${ms(pdf.p99)} (${(bytes / 1024).toFixed(1)} KB, 1 page)`,
      'principal CSV p50 / p99': `${ms(csv.p50)} / ${ms(csv.p99)}`,
      [`ICAP export, ${own.studentKeys.length} students (read + check plans + CSV) p50 / p99`]: `${ms(icap.p50)} / ${ms(icap.p99)}`,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
