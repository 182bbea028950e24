/**
 * Runs a reminder sweep every few minutes inside a long-running process (Slack, Teams). Sweeps
 * never overlap in one process; across processes the once-only claims keep reminders single.
 * Replicas on one PostgreSQL database sweep one at a time (the store's TurnScope `alone`, a
 * pg_try_advisory_lock per set of channels): a replica that finds another one sweeping skips
 * that sweep. Slack and Teams processes sweep separately, each for its own channels.
 * The timer does not keep the process alive; stop() ends it and waits for a running sweep.
 * After a sweep, the facts index is compacted when due (compact-index.ts). The school year rolls
 * over (roll-over-school-year.ts) at start and before each sweep, when due.
 */
import { compactIndexIfDue } from './compact-index.js';
import { rollOverSchoolYear } from './roll-over-school-year.js';
import { deliverScheduledSends } from './deliver-scheduled-sends.js';
import { runReminderSweep, type SweepOptions, type SweepResult } from './run-reminder-sweep.js';
import { turnScopeOf } from '../engine/turn-scope.js';

export interface SchedulerOptions extends Omit<SweepOptions, 'now' | 'dryRun'> {
  /** Minutes between sweeps (default 5). */
  everyMinutes?: number;
  clock?: () => Date;
  /** Called after each sweep (tests, metrics). */
  onSweep?: (result: SweepResult) => void;
}

export interface Scheduler {
  /** Runs one sweep now (skipped if one is already running). */
  sweepNow(): Promise<SweepResult | undefined>;
  stop(): Promise<void>;
}

export function startScheduler(o: SchedulerOptions): Scheduler {
  const clock = o.clock ?? (() => new Date());
  const scope = turnScopeOf(o.store);
  /** Replicas sending for the same channels sweep one at a time. */
  const job = `reminder-sweep:${[...new Set(o.senders.map((s) => s.channel))].sort().join(',')}`;
  let running: Promise<SweepResult | undefined> | undefined;
  let stopped = false;

  /** Never throws: a failed rollover is logged and tried again before the next sweep. */
  const rollOver = (now: Date) =>
    rollOverSchoolYear(o.store, o.policy, now, { ...(o.logger ? { logger: o.logger } : {}) }).catch((err: unknown) => {
      o.logger?.warn({ job: 'school-year', error: err instanceof Error ? err.name : 'Error' }, 'school year rollover failed; trying again next sweep');
    });
  const started: Promise<unknown> = rollOver(clock());

  const sweepNow = (): Promise<SweepResult | undefined> => {
    if (stopped) return Promise.resolve(undefined);
    if (running) return running.then(() => undefined);
    running = started
      .then(async () => {
        let result: SweepResult | undefined;
        const ran = await scope.alone(job, async () => {
          const now = clock();
          await rollOver(now);
          result = await runReminderSweep({ ...o, now });
          // Reminders a counselor asked for outside sending hours ("send at 7:00 Monday") go out when due.
          const held = await deliverScheduledSends(o.store, o.senders, now);
          if (held.sent.length + held.failed.length > 0) o.logger?.info({ sent: held.sent.length, failed: held.failed.length }, 'scheduled counselor reminders delivered');
          o.onSweep?.(result);
          await compactIndexIfDue(o.store, o.logger); // facts index upkeep, after the sends
        });
        if (!ran) o.logger?.info({ job }, 'another replica is sweeping; this one skips this sweep');
        return result;
      })
      .catch((err: unknown) => {
        o.logger?.warn({ error: err instanceof Error ? err.name : 'Error' }, 'reminder sweep failed; trying again next time');
        return undefined;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  const timer = setInterval(() => void sweepNow(), (o.everyMinutes ?? 5) * 60_000);
  timer.unref();

  return {
    sweepNow,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await started;
      await running;
    },
  };
}
