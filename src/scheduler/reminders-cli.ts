/**
 * `npm run reminders -- [--dry-run] [--date YYYY-MM-DD]`, as a function so it can be tested.
 * A dry run prints who would get what and why (id, name, kind, reason) and sends nothing. A real
 * run sends through the terminal's outbox only: Slack and Teams reminders are sent by the
 * scheduler inside those processes, which hold the platform credentials.
 */
import { ConsoleSender } from '../channels/console/console-sender.js';
import { localParts, zonedInstant, type ReviewPolicy } from '../domain/reminders/index.js';
import type { Store } from '../store/store.js';
import { compactIndexIfDue } from './compact-index.js';
import { listReminderFailures } from './reminder-claims.js';
import { rollOverSchoolYear } from './roll-over-school-year.js';
import { runReminderSweep } from './run-reminder-sweep.js';

export interface CliArgs {
  dryRun: boolean;
  date?: string;
}

export const USAGE = 'Usage: npm run reminders -- [--dry-run] [--date YYYY-MM-DD]';

export function parseCliArgs(argv: string[]): CliArgs | { error: string } {
  const out: CliArgs = { dryRun: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--dry-run') out.dryRun = true;
    else if (a === '--date' || a.startsWith('--date=')) {
      const v = a === '--date' ? argv[++i] : a.slice('--date='.length);
      if (!v || !isRealDay(v)) {
        return { error: `--date needs a day like 2025-09-15 (got ${v ?? 'nothing'})` };
      }
      out.date = v;
    } else return { error: `I don't know the option ${a}` };
  }
  return out;
}

function isRealDay(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const t = Date.parse(`${v}T12:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === v;
}

/** Noon, local time, on `date` (a school-day moment for "what would go out that day"). */
export function momentOn(date: string, policy: ReviewPolicy): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(zonedInstant({ year, month, day }, 12 * 60, policy.timeZone));
}

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Mon 2025-09-22 07:00 America/Chicago": a moment on the policy's local clock. */
export function localTime(iso: string, policy: ReviewPolicy): string {
  const p = localParts(Date.parse(iso), policy.timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAY_NAMES[p.weekday]} ${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)} ${policy.timeZone}`;
}

export async function runRemindersCli(
  args: CliArgs,
  deps: { store: Store; policy: ReviewPolicy; now: Date; write: (line: string) => void },
): Promise<void> {
  const { store, policy, write } = deps;
  const now = args.date ? momentOn(args.date, policy) : deps.now;
  const when = `${localTime(now.toISOString(), policy)} (${now.toISOString()})`;
  // Grades move up only on the real date: a --date run shows what would change and changes nothing.
  const onlyCount = args.dryRun || args.date !== undefined;
  const year = await rollOverSchoolYear(store, policy, now, { dryRun: onlyCount });

  if (args.dryRun) {
    const r = await runReminderSweep({ store, senders: [], policy, now, dryRun: true });
    write(`Dry run at ${when}: nothing is sent.`);
    if (r.waitUntil) write(`Quiet hours or a weekend: these would wait until ${localTime(r.waitUntil, policy)}.`);
    write(`${r.wouldSend.length} reminder${r.wouldSend.length === 1 ? '' : 's'} would go out.`);
    if (r.wouldSend.length > 0) write('id\tname\tkind\twhy');
    for (const w of r.wouldSend) write(`${w.userKey}\t${w.name}\t${w.kind}\t${w.reason}`);
  } else {
    const r = await runReminderSweep({ store, senders: [new ConsoleSender(store, () => now)], policy, now, maxSends: Number.MAX_SAFE_INTEGER });
    write(`Sweep at ${when}.`);
    if (r.waitUntil) {
      write(`Quiet hours or a weekend: nothing sent. Reminders may go out from ${localTime(r.waitUntil, policy)}.`);
    } else {
      write(`Sent ${r.sent} to terminal users' outboxes; ${r.failed} failed.`);
      if (r.skipped > 0) {
        write(`${r.skipped} reminder${r.skipped === 1 ? ' is' : 's are'} for Slack or Teams users (or already being sent): the scheduler in \`npm run slack\` / \`npm run teams\` sends those.`);
      }
    }
  }
  if (year.advanced + year.graduated > 0) {
    const s = year.advanced === 1 ? '' : 's';
    write(onlyCount
      ? `School year ${year.schoolYear}: ${year.advanced} student${s} would move up a grade and ${year.graduated} would graduate.`
      : `School year ${year.schoolYear}: ${year.advanced} student${s} moved up a grade and ${year.graduated} graduated.`);
  }
  if (!args.dryRun) await compactIndexIfDue(store);
  const failures = await listReminderFailures(store);
  if (failures.length > 0) {
    write(`${failures.length} reminder${failures.length === 1 ? '' : 's'} could not be delivered:`);
    for (const f of failures) {
      write(`${f.recipientKey}\t${f.kind}\t${f.attempts} tr${f.attempts === 1 ? 'y' : 'ies'}\t${f.gaveUp ? 'gave up' : 'will retry'}\t${f.lastError}`);
    }
  }
}
