/**
 * Turns per second through the engine with the lowdb store, with 1,000 and 100,000 stored students:
 * p50/p99 turn latency and resident memory. Each student is mid-way through the interest questions.
 * Then a million students (BENCH_MILLION=0 skips it), in a server-like process of its own
 * (million-turns-process.ts) on a folder seeded once and kept (million-folder.ts): start-up,
 * turns, memory.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEngine } from '../src/app/create-engine.js';
import { LowdbStore, fileNameForId } from '../src/store/lowdb-store.js';
import { Records } from '../src/store/records.js';
import { millionFolder, templateStudent } from './million-folder.js';
import { millionTurnsInFreshProcess } from './million-turns-process.js';
import { mb, ms, percentile, timeIt } from './stats.js';
import { settleDisk } from './settle-disk.js';

const TURNS = 3000;

async function seed(dir: string, count: number, tpl: Awaited<ReturnType<typeof templateStudent>>) {
  for (const c of ['sessions', 'profiles']) await mkdir(path.join(dir, c), { recursive: true });
  const BATCH = 500;
  for (let i = 0; i < count; i += BATCH) {
    await Promise.all(
      Array.from({ length: Math.min(BATCH, count - i) }, (_, j) => {
        const key = `console:s${i + j}`;
        return Promise.all([
          writeFile(path.join(dir, 'sessions', fileNameForId(key)), JSON.stringify({ ...tpl.session, userKey: key })),
          writeFile(path.join(dir, 'profiles', fileNameForId(key)), JSON.stringify({ ...(tpl.profile as object), userKey: key })),
        ]);
      }),
    );
  }
}

/** Warms the JIT on a throwaway store first, so the first size measured is not paying for it. */
async function warmUp(tpl: Awaited<ReturnType<typeof templateStudent>>): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'waypoint-bench-warm-'));
  await seed(dir, 200, tpl);
  const engine = createEngine({ records: new Records(new LowdbStore(dir)), data: tpl.data });
  for (let i = 0; i < 2000; i++) {
    const id = `s${i % 200}`;
    await engine.handle({ channel: 'console', userId: id, conversationId: id, messageId: `w${i}`, text: i % 2 ? 'maybe' : '2', receivedAt: new Date().toISOString() });
  }
  await rm(dir, { recursive: true, force: true });
}

interface Size {
  students: number;
  label: string;
  dir: string;
  engine: ReturnType<typeof createEngine>;
  seeded: number;
  opened: number;
  lat: number[];
  seqMs: number;
  concMs: number;
  rss: number;
  turns: number;
}

/** Seeds a store of `students`, lets the disk settle, opens it (timed) and makes its engine. */
async function prepare(students: number, tpl: Awaited<ReturnType<typeof templateStudent>>): Promise<Size> {
  const dir = await mkdtemp(path.join(tmpdir(), 'waypoint-bench-'));
  const seedTime = timeIt();
  await seed(dir, students, tpl);
  const seeded = seedTime();
  settleDisk();
  const store = new LowdbStore(dir);
  const opening = timeIt();
  await store.open(); // start-up reads no record (each is checked when read)
  const opened = opening();
  const engine = createEngine({ records: new Records(store), data: tpl.data });
  return { students, label: students.toLocaleString('en-US'), dir, engine, seeded, opened, lat: [], seqMs: 0, concMs: 0, rss: 0, turns: 0 };
}

/** Half of a size's turns: one at a time (latency of each), then 32 conversations at once. */
async function runHalf(size: Size, half: number): Promise<void> {
  const { engine, students } = size;
  const n = TURNS / 2;
  const first = half * n;
  const total = timeIt();
  for (let i = first; i < first + n; i++) {
    // Each turn from a different student answering "maybe".
    const id = `s${(i * 7919) % students}`;
    const t = timeIt();
    await engine.handle({ channel: 'console', userId: id, conversationId: id, messageId: `b${i}`, text: i % 2 ? 'maybe' : '2', receivedAt: new Date().toISOString() });
    size.lat.push(t());
  }
  size.seqMs += total();
  const conc = timeIt();
  const CONC = 32;
  for (let i = first; i < first + n; i += CONC) {
    await Promise.all(
      Array.from({ length: CONC }, (_, j) => {
        const id = `s${((i + j) * 104729 + 13) % students}`;
        return engine.handle({ channel: 'console', userId: id, conversationId: id, messageId: `c${i + j}`, text: 'maybe', receivedAt: new Date().toISOString() });
      }),
    );
  }
  size.concMs += conc();
  size.turns += n;
}

/**
 * 1,000 students, then 100,000, each measured in two halves taken in turn (1k, 100k, 1k, 100k), so
 * a swing in the machine's disk or CPU during the run falls on both sizes instead of making one
 * look slower than the other. Resident memory: after the 1,000's first half (only it is open),
 * and after the 100,000's last half (the small store is still open, a few MB of it).
 */
export async function benchEngine(): Promise<Record<string, string>> {
  const tpl = await templateStudent();
  await warmUp(tpl);
  const small = await prepare(1_000, tpl);
  await runHalf(small, 0);
  small.rss = process.memoryUsage().rss;
  const large = await prepare(100_000, tpl);
  await runHalf(large, 0);
  await runHalf(small, 1);
  await runHalf(large, 1);
  large.rss = process.memoryUsage().rss;
  const out: Record<string, string> = {};
  for (const size of [small, large]) {
    size.lat.sort((a, b) => a - b);
    const label = size.label;
    out[`engine ${label} students: turns/s (one at a time)`] = (size.turns / (size.seqMs / 1000)).toFixed(0);
    out[`engine ${label} students: turns/s (32 conversations at once)`] = (size.turns / (size.concMs / 1000)).toFixed(0);
    out[`engine ${label} students: p50 turn`] = ms(percentile(size.lat, 50));
    out[`engine ${label} students: p99 turn`] = ms(percentile(size.lat, 99));
    out[`engine ${label} students: resident memory`] = mb(size.rss);
    out[`engine ${label} students: seeding the store took`] = `${(size.seeded / 1000).toFixed(1)} s`;
    out[`engine ${label} students: start-up (store.open: reads no record)`] = ms(size.opened);
    await rm(size.dir, { recursive: true, force: true });
  }
  out['engine p99 ratio 100,000 / 1,000 (target <= 1.5)'] = (percentile(large.lat, 99) / percentile(small.lat, 99)).toFixed(2);
  out['engine method (info)'] = `${TURNS} turns per size one at a time and ${TURNS} with 32 conversations at once, in two halves taken in turn (1,000, 100,000, 1,000, 100,000) after a warm-up on a throwaway store`;
  if (process.env.BENCH_MILLION !== '0') Object.assign(out, await benchMillion());
  return out;
}

/** A million students, in a process of its own opened as the server opens its store; targets from issue 18. */
async function benchMillion(): Promise<Record<string, string>> {
  const folder = await millionFolder();
  const n = folder.students.toLocaleString('en-US');
  settleDisk();
  const f = await millionTurnsInFreshProcess(folder.dataDir, folder.students, TURNS);
  const mark = (ok: boolean) => (ok ? 'met' : 'NOT MET');
  return {
    [`HEADLINE engine ${n} students (lowdb): p50 / p99 turn (target p99 < 5 ms)`]: `${ms(f.p50)} / ${ms(f.p99)}: ${mark(f.p99 < 5)}`,
    [`HEADLINE engine ${n} students (lowdb): store start-up, facts index loaded (target < 5 s)`]: `${ms(f.storeOpenMs)}: ${mark(f.storeOpenMs < 5000)}`,
    [`HEADLINE engine ${n} students (lowdb): resident memory after the turns, and peak (target < 1 GB)`]: `${mb(f.rss)}, peak ${mb(f.maxRss)}: ${mark(f.maxRss < 1024 ** 3)}`,
    [`engine ${n} students: turns/s (one at a time / 32 conversations at once)`]: `${f.perSecond.toFixed(0)} / ${f.perSecondConcurrent.toFixed(0)}`,
    [`engine ${n} students: app data loaded after the store (not part of the store's start-up)`]: ms(f.appDataMs),
    [`engine ${n} students: background sweep of leftover temp files, done after`]: ms(f.leftoverSweepMs),
    [`engine ${n} students: first ${f.firstTurns.count.toLocaleString('en-US')} turns after start (JIT cold, sweep running): p50 / p99 / max`]: `${ms(f.firstTurns.p50)} / ${ms(f.firstTurns.p99)} / ${ms(f.firstTurns.max)}`,
    [`engine ${n} students: data folder`]: `${folder.dataDir} (${folder.students.toLocaleString('en-US')} sessions and profiles, ${folder.withPlan.toLocaleString('en-US')} plans, ${folder.counselors.toLocaleString('en-US')} counselors; ${f.factsProfiles.toLocaleString('en-US')} profiles in the facts index)`,
    [`engine ${n} students: seeding`]:
      folder.seededMs !== undefined ? `${(folder.seededMs / 1000).toFixed(0)} s (kept for the next run)` : folder.reindexedMs !== undefined ? `reused; facts index written again (${(folder.reindexedMs / 1000).toFixed(0)} s)` : 'reused from an earlier run',
  };
}

