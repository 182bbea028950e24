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

export async function benchEngine(): Promise<Record<string, string>> {
  const tpl = await templateStudent();
  await warmUp(tpl);
  const out: Record<string, string> = {};
  const p99s: number[] = [];
  for (const students of [1_000, 100_000]) {
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
    const lat: number[] = [];
    // Sequential turns: latency of one turn, each from a different student answering "maybe".
    const total = timeIt();
    for (let i = 0; i < TURNS; i++) {
      const id = `s${(i * 7919) % students}`;
      const t = timeIt();
      await engine.handle({ channel: 'console', userId: id, conversationId: id, messageId: `b${i}`, text: i % 2 ? 'maybe' : '2', receivedAt: new Date().toISOString() });
      lat.push(t());
    }
    const seqMs = total();
    // Concurrent turns: 32 conversations at once.
    const conc = timeIt();
    const CONC = 32;
    for (let i = 0; i < TURNS; i += CONC) {
      await Promise.all(
        Array.from({ length: CONC }, (_, j) => {
          const id = `s${((i + j) * 104729 + 13) % students}`;
          return engine.handle({ channel: 'console', userId: id, conversationId: id, messageId: `c${i + j}`, text: 'maybe', receivedAt: new Date().toISOString() });
        }),
      );
    }
    const concMs = conc();
    lat.sort((a, b) => a - b);
    const p99 = percentile(lat, 99);
    p99s.push(p99);
    const label = students.toLocaleString('en-US');
    out[`engine ${label} students: turns/s (one at a time)`] = (TURNS / (seqMs / 1000)).toFixed(0);
    out[`engine ${label} students: turns/s (32 conversations at once)`] = (TURNS / (concMs / 1000)).toFixed(0);
    out[`engine ${label} students: p50 turn`] = ms(percentile(lat, 50));
    out[`engine ${label} students: p99 turn`] = ms(p99);
    out[`engine ${label} students: resident memory`] = mb(process.memoryUsage().rss);
    out[`engine ${label} students: seeding the store took`] = `${(seeded / 1000).toFixed(1)} s`;
    out[`engine ${label} students: start-up check of every record (store.open)`] = ms(opened);
    await rm(dir, { recursive: true, force: true });
  }
  out['engine p99 ratio 100,000 / 1,000 (target <= 1.5)'] = (p99s[1]! / p99s[0]!).toFixed(2);
  return out;
}
