/**
 * One reminder sweep in a fresh process, as `npm run reminders -- --dry-run` runs it: open the
 * data folder through the facts index, sweep, exit. Prints the sweep's time and the process's peak
 * memory (max RSS) as JSON, so the bench reports what one sweep really costs, not a delta inside a
 * process that also holds the seeded data. Also how long opening took (the facts index loaded) and
 * a second sweep in the same process (warm, as the scheduler's next one inside a server).
 *
 *   node --import tsx bench/reminders-sweep-process.ts <data folder | postgres:// URL> <ISO time>
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseReviewPolicy } from '../src/domain/reminders/index.js';
import { runReminderSweep } from '../src/scheduler/run-reminder-sweep.js';
import { IndexedStore } from '../src/store/indexed-store.js';
import { LowdbStore } from '../src/store/lowdb-store.js';
import { closeStore, openStore } from '../src/store/open-store.js';

export interface SweepProcessFigures {
  /** Open and one sweep (ms). */
  ms: number;
  /** Of which opening the store: the facts index loaded (ms). */
  openMs: number;
  /** A second dry run in the same process (ms). */
  warmMs: number;
  wouldSend: number;
  /** Peak resident memory of the whole process after the first sweep, bytes. */
  maxRss: number;
}

/** Runs this file in a child process and returns its figures. */
export function sweepInFreshProcess(dataDir: string, now: Date): Promise<SweepProcessFigures> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', path.resolve('bench/reminders-sweep-process.ts'), dataDir, now.toISOString()], { maxBuffer: 1 << 20, timeout: 30 * 60_000 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(JSON.parse(stdout) as SweepProcessFigures),
    );
  });
}

async function main(dataDir: string, when: string): Promise<void> {
  const policy = parseReviewPolicy(JSON.parse(await readFile(path.resolve('data/review-policy.json'), 'utf8')), 'review-policy.json', 'America/Chicago');
  const start = process.hrtime.bigint();
  // As `npm run reminders` opens it (open-store.ts): PostgreSQL for a postgres:// URL, else the folder.
  const store = /^postgres(ql)?:\/\//.test(dataDir)
    ? await openStore({ WAYPOINT_DATABASE_URL: dataDir, dataDir: '' }, { info: () => undefined, warn: () => undefined })
    : new IndexedStore(new LowdbStore(dataDir));
  await store.open({ shortLived: true });
  const openMs = Number(process.hrtime.bigint() - start) / 1e6;
  const r = await runReminderSweep({ store, senders: [], policy, now: new Date(when), dryRun: true });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const maxRss = process.resourceUsage().maxRSS * 1024; // of one sweep, before the second
  const again = process.hrtime.bigint();
  await runReminderSweep({ store, senders: [], policy, now: new Date(when), dryRun: true });
  const warmMs = Number(process.hrtime.bigint() - again) / 1e6;
  const figures: SweepProcessFigures = { ms, openMs, warmMs, wouldSend: r.wouldSend.length, maxRss };
  await closeStore(store);
  process.stdout.write(JSON.stringify(figures));
}

if (import.meta.url === `file://${process.argv[1]}`) await main(process.argv[2]!, process.argv[3]!);
