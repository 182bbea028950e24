/**
 * One reminder sweep in a fresh process, as `npm run reminders -- --dry-run` runs it: open the
 * data folder through the facts index, sweep, exit. Prints the sweep's time and the process's peak
 * memory (max RSS) as JSON, so the bench reports what one sweep really costs, not a delta inside a
 * process that also holds the seeded data.
 *
 *   node --import tsx bench/reminders-sweep-process.ts <data folder> <ISO time>
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseReviewPolicy } from '../src/domain/reminders/index.js';
import { runReminderSweep } from '../src/scheduler/run-reminder-sweep.js';
import { IndexedStore } from '../src/store/indexed-store.js';
import { LowdbStore } from '../src/store/lowdb-store.js';

export interface SweepProcessFigures {
  ms: number;
  wouldSend: number;
  /** Peak resident memory of the whole process, bytes. */
  maxRss: number;
}

/** Runs this file in a child process and returns its figures. */
export function sweepInFreshProcess(dataDir: string, now: Date): Promise<SweepProcessFigures> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', path.resolve('bench/reminders-sweep-process.ts'), dataDir, now.toISOString()], { maxBuffer: 1 << 20 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(JSON.parse(stdout) as SweepProcessFigures),
    );
  });
}

async function main(dataDir: string, when: string): Promise<void> {
  const policy = parseReviewPolicy(JSON.parse(await readFile(path.resolve('data/review-policy.json'), 'utf8')), 'review-policy.json', 'America/Chicago');
  const start = process.hrtime.bigint();
  const store = new IndexedStore(new LowdbStore(dataDir));
  await store.open({ readEveryRecord: false });
  const r = await runReminderSweep({ store, senders: [], policy, now: new Date(when), dryRun: true });
  const figures: SweepProcessFigures = { ms: Number(process.hrtime.bigint() - start) / 1e6, wouldSend: r.wouldSend.length, maxRss: process.resourceUsage().maxRSS * 1024 };
  process.stdout.write(JSON.stringify(figures));
}

if (import.meta.url === `file://${process.argv[1]}`) await main(process.argv[2]!, process.argv[3]!);
