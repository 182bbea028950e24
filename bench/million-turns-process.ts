/**
 * Turns at a million students, in a process of its own, as a server runs: the store is opened as
 * src/main.ts opens it (the facts index over the lowdb folder, no record read, leftover temp files
 * swept in the background; or over PostgreSQL when given a postgres:// URL), the app data loaded,
 * then turns. Prints its figures as JSON:
 * start-up, the first 2,000 turns (JIT still cold, the background sweep running), then `turns`
 * measured turns one at a time and as many again with 32 conversations at once, and memory.
 *
 *   node --import tsx bench/million-turns-process.ts <data folder | postgres:// URL> <students> <turns>
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { createEngine } from '../src/app/create-engine.js';
import { loadAppData } from '../src/app/load-app-data.js';
import { loadConfig } from '../src/config.js';
import { IndexedStore } from '../src/store/indexed-store.js';
import { LowdbStore } from '../src/store/lowdb-store.js';
import { closeStore, openStore } from '../src/store/open-store.js';
import { Records } from '../src/store/records.js';
import { percentile, timeIt } from './stats.js';

export interface MillionTurnFigures {
  /** IndexedStore.open(): the folder, the facts index loaded (ms). */
  storeOpenMs: number;
  /** Of which the lowdb store's own open: the folder, the leftover sweep started (ms). */
  lowdbOpenMs: number;
  /** The app data (framework, occupations, understanding models) (ms). */
  appDataMs: number;
  /** From the store's open until the background sweep of leftover temp files was done (ms). */
  leftoverSweepMs: number;
  firstTurns: { count: number; p50: number; p99: number; max: number };
  /** Measured turns, one at a time: latency (ms) and turns per second. */
  p50: number;
  p99: number;
  perSecond: number;
  /** The same number of turns, 32 conversations at once. */
  perSecondConcurrent: number;
  rss: number;
  maxRss: number;
  factsProfiles: number;
}

/** Runs this file in a child process and returns its figures. */
export function millionTurnsInFreshProcess(dataDir: string, students: number, turns: number): Promise<MillionTurnFigures> {
  return new Promise((resolve, reject) => {
    const args = ['--import', 'tsx', path.resolve('bench/million-turns-process.ts'), dataDir, String(students), String(turns)];
    execFile(process.execPath, args, { maxBuffer: 1 << 20, timeout: 30 * 60_000 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(JSON.parse(stdout) as MillionTurnFigures),
    );
  });
}

/** The store as the server opens it (open-store.ts): the lowdb folder, or PostgreSQL for a postgres:// URL. */
async function openAsServer(where: string): Promise<{ store: IndexedStore; lowdbOpenMs: number; storeOpenMs: number; leftovers: Promise<number> }> {
  const opening = timeIt();
  if (/^postgres(ql)?:\/\//.test(where)) {
    const store = await openStore({ WAYPOINT_DATABASE_URL: where, dataDir: '' }, { info: () => undefined, warn: () => undefined });
    await store.open(); // connected and migrated above; now the facts index
    return { store, lowdbOpenMs: NaN, storeOpenMs: opening(), leftovers: Promise.resolve(NaN) };
  }
  const lowdb = new LowdbStore(where);
  const store = new IndexedStore(lowdb);
  await lowdb.open(); // as store.open() does first, timed on its own
  const lowdbOpenMs = opening();
  await store.open({ shortLived: true }); // the rest of store.open(): the facts index
  const storeOpenMs = opening();
  return { store, lowdbOpenMs, storeOpenMs, leftovers: lowdb.leftoversRemoved().then(() => opening()) };
}

async function main(dataDir: string, students: number, turns: number): Promise<void> {
  const { store, lowdbOpenMs, storeOpenMs, leftovers } = await openAsServer(dataDir);
  let leftoverSweepMs = NaN;
  const sweep = leftovers.then((t) => (leftoverSweepMs = t));
  const loading = timeIt();
  const data = await loadAppData(loadConfig({}));
  const appDataMs = loading();
  const engine = createEngine({ records: new Records(store), data });
  // The folder is kept between runs: message ids of this run's own, or the turns would be repeats.
  const run = `${Date.now().toString(36)}-${process.pid}`;
  const turn = (id: string, messageId: string, text: string) =>
    engine.handle({ channel: 'console', userId: id, conversationId: id, messageId: `${run}-${messageId}`, text, receivedAt: new Date().toISOString() });

  // The first turns after start: the JIT is cold and the leftover sweep shares the process.
  const first: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const t = timeIt();
    await turn(`s${(i * 7919 + 500_000) % students}`, `w${i}`, i % 2 ? 'maybe' : '2');
    first.push(t());
  }
  await sweep;
  first.sort((a, b) => a - b);

  const lat: number[] = [];
  const seq = timeIt();
  for (let i = 0; i < turns; i++) {
    const id = `s${(i * 7919) % students}`; // each turn from a different student
    const t = timeIt();
    await turn(id, `b${i}`, i % 2 ? 'maybe' : '2');
    lat.push(t());
  }
  const seqMs = seq();
  const CONC = 32;
  const conc = timeIt();
  for (let i = 0; i < turns; i += CONC) {
    await Promise.all(Array.from({ length: CONC }, (_, j) => turn(`s${((i + j) * 104729 + 13) % students}`, `c${i + j}`, 'maybe')));
  }
  const concMs = conc();
  lat.sort((a, b) => a - b);
  const figures: MillionTurnFigures = {
    storeOpenMs,
    lowdbOpenMs,
    appDataMs,
    leftoverSweepMs,
    firstTurns: { count: first.length, p50: percentile(first, 50), p99: percentile(first, 99), max: first[first.length - 1]! },
    p50: percentile(lat, 50),
    p99: percentile(lat, 99),
    perSecond: turns / (seqMs / 1000),
    perSecondConcurrent: (Math.ceil(turns / CONC) * CONC) / (concMs / 1000),
    rss: process.memoryUsage().rss,
    maxRss: process.resourceUsage().maxRSS * 1024,
    factsProfiles: (await store.facts()).profiles.size,
  };
  await closeStore(store);
  process.stdout.write(JSON.stringify(figures));
}

if (import.meta.url === `file://${process.argv[1]}`) await main(process.argv[2]!, Number(process.argv[3]), Number(process.argv[4]));
