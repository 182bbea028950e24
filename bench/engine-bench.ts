/**
 * Turns per second through the engine with the lowdb store, with 1,000 and 100,000 stored students:
 * p50/p99 turn latency and resident memory. Each student is mid-way through the interest questions.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEngine } from '../src/app/create-engine.js';
import { loadAppData } from '../src/app/load-app-data.js';
import { loadConfig } from '../src/config.js';
import type { Session } from '../src/engine/session.js';
import { LowdbStore, fileNameForId } from '../src/store/lowdb-store.js';
import { MemoryStore } from '../src/store/memory-store.js';
import { Records } from '../src/store/records.js';
import { mb, ms, percentile, timeIt } from './stats.js';
import { settleDisk } from './settle-disk.js';

const TURNS = 3000;

async function templateStudent() {
  const data = await loadAppData(loadConfig({}));
  const store = new MemoryStore();
  const engine = createEngine({ records: new Records(store), data });
  let n = 0;
  const say = (text: string) => engine.handle({ channel: 'console', userId: 't', conversationId: 't', messageId: `x${n++}`, text, receivedAt: new Date().toISOString() });
  for (const t of ['hi', 'student', '9', '1', '1']) await say(t);
  return { data, session: (await store.get<Session>('sessions', 'console:t'))!, profile: await store.get('profiles', 'console:t') };
}

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
  await store.open(); // start-up reads every record once, so a damaged file stops it
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
    out[`engine ${label} students: start-up check of every record (store.open)`] = ms(size.opened);
    await rm(size.dir, { recursive: true, force: true });
  }
  out['engine p99 ratio 100,000 / 1,000 (target <= 1.5)'] = (percentile(large.lat, 99) / percentile(small.lat, 99)).toFixed(2);
  out['engine method (info)'] = `${TURNS} turns per size one at a time and ${TURNS} with 32 conversations at once, in two halves taken in turn (1,000, 100,000, 1,000, 100,000) after a warm-up on a throwaway store`;
  return out;
}

