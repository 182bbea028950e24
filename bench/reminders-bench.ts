/**
 * A reminder sweep over 100,000 students on the lowdb store (one file per record), 2 weeks into the
 * fall window: 60,000 have a plan (half reviewed in the window), 250 counselors with 400 students
 * each. Times a dry run, a real sweep with a no-op sender (capped at 2,000 sends), a steady-state
 * sweep (every first reminder already sent), and the pure policy step on its own; reports memory.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ProactiveSender } from '../src/domain/messages.js';
import { parseReviewPolicy, remindersDue, zonedInstant, type StudentForReminders } from '../src/domain/reminders/index.js';
import { loadReviewFacts } from '../src/scheduler/load-review-facts.js';
import { runReminderSweep } from '../src/scheduler/run-reminder-sweep.js';
import { LowdbStore, fileNameForId } from '../src/store/lowdb-store.js';
import { mb, ms, timeIt } from './stats.js';

const STUDENTS = 100_000;
const WITH_PLAN = 60_000;
const COUNSELORS = 250;
const DRAFTED = '2025-08-20T15:00:00.000Z';
const REVIEWED = '2025-09-20T15:00:00.000Z';

function samplePlan(): object {
  const rows = ['english', 'math', 'science', 'social-studies', 'career-education', 'other-courses', 'work-based-learning', 'activities'];
  const grades = Array.from({ length: 6 }, (_, i) => ({
    grade: 9 + i,
    rows: Object.fromEntries(rows.map((r) => [r, [{ name: `${r} course ${9 + i}`, units: 1, category: r }]])),
  }));
  const content = { frameworkId: 'missouri', pathId: 'p', clusterId: 'c', pathwayId: 'w', currentGrade: 9, firstGrade: 9, grades, goal: '', goalSuggestions: ['a', 'b'], options: { areaCareerCenter: [], communityCollege: [], fourYear: [], other: [] }, flaggedNames: [] };
  return { schemaVersion: 1, versions: [{ number: 1, at: DRAFTED, by: 'x', summary: 'Drafted', plan: content }], reviews: [] };
}

async function writeBatched(jobs: (() => Promise<void>)[]): Promise<void> {
  const BATCH = 500;
  for (let i = 0; i < jobs.length; i += BATCH) await Promise.all(jobs.slice(i, i + BATCH).map((j) => j()));
}

async function seed(dir: string): Promise<void> {
  for (const c of ['profiles', 'plans', 'counselors', 'caseloads']) await mkdir(path.join(dir, c), { recursive: true });
  const plan = samplePlan() as { reviews: object[] };
  const planRaw = JSON.stringify(plan);
  const reviewedRaw = JSON.stringify({ ...plan, reviews: [{ at: REVIEWED, by: 'x', version: 1, changesSinceLastReview: [] }] });
  const file = (c: string, id: string) => path.join(dir, c, fileNameForId(id));
  const jobs: (() => Promise<void>)[] = [];
  for (let i = 0; i < STUDENTS; i++) {
    const key = `slack:U${i}`;
    jobs.push(() => writeFile(file('profiles', key), JSON.stringify({ userKey: key, role: 'student', grade: 9, displayName: `Student ${i}`, choiceHistory: [], createdAt: DRAFTED, lastActiveAt: DRAFTED })));
    if (i < WITH_PLAN) jobs.push(() => writeFile(file('plans', key), i % 2 ? reviewedRaw : planRaw));
  }
  for (let c = 0; c < COUNSELORS; c++) {
    const key = `slack:UC${c}`;
    const studentKeys = Array.from({ length: STUDENTS / COUNSELORS }, (_, j) => `slack:U${c * (STUDENTS / COUNSELORS) + j}`);
    jobs.push(() => writeFile(file('counselors', key), JSON.stringify({ userKey: key, school: 'S', addedAt: DRAFTED, addedBy: 'admin-cli' })));
    jobs.push(() => writeFile(file('caseloads', key), JSON.stringify({ counselorKey: key, studentKeys, updatedAt: DRAFTED })));
  }
  await writeBatched(jobs);
}

async function measure<T>(work: () => Promise<T>): Promise<{ result: T; time: number; rss: number; heap: number }> {
  global.gc?.();
  const before = process.memoryUsage();
  const done = timeIt();
  const result = await work();
  const time = done();
  const after = process.memoryUsage();
  return { result, time, rss: after.rss - before.rss, heap: after.heapUsed - before.heapUsed };
}

export async function benchReminders(): Promise<Record<string, string>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'waypoint-reminders-bench-'));
  try {
    const policy = parseReviewPolicy(JSON.parse(await readFile(path.resolve('data/review-policy.json'), 'utf8')), 'review-policy.json', 'America/Chicago');
    const now = new Date(zonedInstant({ year: 2025, month: 10, day: 1 }, 10 * 60, policy.timeZone)); // Wed 1 Oct, 10:00
    const setup = timeIt();
    await seed(dir);
    const seedTime = setup();
    const store = new LowdbStore(dir);
    const noop: ProactiveSender = { channel: 'slack', send: async () => undefined };
    const figures: Record<string, string> = {
      students: `${STUDENTS.toLocaleString('en-US')} (${WITH_PLAN.toLocaleString('en-US')} with a plan, half reviewed in the window; ${COUNSELORS} counselors)`,
      'seed (fs writes)': ms(seedTime),
    };

    const load = await measure(() => loadReviewFacts(store));
    figures['read plan dates + caseloads (lowdb files)'] = `${ms(load.time)}, heap +${mb(load.heap)}, rss +${mb(load.rss)}`;
    const students: StudentForReminders[] = load.result.students;
    const pure = await measure(async () => remindersDue(students, policy, now));
    figures['policy only, in memory (what a compact index gives)'] = `${ms(pure.time)} for ${students.length.toLocaleString('en-US')} plans -> ${pure.result.length.toLocaleString('en-US')} reminders`;

    // The proposed compact index: every plan's dates in a few shard files (here 100 shards of 600).
    const indexDir = path.join(dir, 'review-index');
    await mkdir(indexDir, { recursive: true });
    const SHARDS = 100;
    const shards: Record<string, { d: string; r: string[]; c: string[] }>[] = Array.from({ length: SHARDS }, () => ({}));
    students.forEach((s, i) => {
      shards[i % SHARDS]![s.studentKey] = { d: s.plan!.versions[0]!.at, r: s.plan!.reviews.map((r) => r.at), c: [...(s.counselorKeys ?? [])] };
    });
    await Promise.all(shards.map((sh, i) => writeFile(path.join(indexDir, `${i}.json`), JSON.stringify(sh))));
    const indexed = await measure(async () => {
      const parts = await Promise.all(shards.map(async (_, i) => JSON.parse(await readFile(path.join(indexDir, `${i}.json`), 'utf8')) as (typeof shards)[number]));
      const list: StudentForReminders[] = [];
      for (const part of parts) for (const [studentKey, e] of Object.entries(part)) list.push({ studentKey, plan: { versions: [{ at: e.d }], reviews: e.r.map((at) => ({ at })) }, counselorKeys: e.c });
      return remindersDue(list, policy, now);
    });
    figures['projected sweep from a compact index (100 shard files) + policy'] = `${ms(indexed.time)} -> ${indexed.result.length.toLocaleString('en-US')} reminders, heap +${mb(indexed.heap)}`;

    const dry = await measure(() => runReminderSweep({ store, senders: [], policy, now, dryRun: true }));
    figures['dry run sweep'] = `${ms(dry.time)} (${dry.result.wouldSend.length.toLocaleString('en-US')} would go out; names read for each), heap +${mb(dry.heap)}, rss +${mb(dry.rss)}`;

    const real = await measure(() => runReminderSweep({ store, senders: [noop], policy, now, maxSends: 2000 }));
    figures['real sweep, no-op sender, 2,000 sends'] = `${ms(real.time)} (sent ${real.result.sent}, left for later ${real.result.skipped}), heap +${mb(real.heap)}, rss +${mb(real.rss)}`;

    // Steady state: every first reminder already recorded (written directly, as after opening week).
    await mkdir(path.join(dir, 'reminders-sent'), { recursive: true });
    await writeBatched(
      pure.result.map((r) => () => writeFile(path.join(dir, 'reminders-sent', fileNameForId(r.key)), JSON.stringify({ key: r.key, state: 'sent', sentAt: now.toISOString() }))),
    );
    const steady = await measure(() => runReminderSweep({ store, senders: [noop], policy, now: new Date(now.getTime() + 300_000) }));
    figures['steady-state sweep (nothing new to send)'] = `${ms(steady.time)} (sent ${steady.result.sent}), heap +${mb(steady.heap)}, rss +${mb(steady.rss)}`;
    figures['target'] = 'under 2,000 ms per sweep';
    figures['rss now'] = mb(process.memoryUsage().rss);
    return figures;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [k, v] of Object.entries(await benchReminders())) process.stdout.write(`${k}: ${v}\n`);
}
