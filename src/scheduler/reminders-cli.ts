/**
 * `npm run reminders -- [--dry-run] [--date YYYY-MM-DD]`, as a function so it can be tested.
 * A dry run prints who would get what and why (id, name, kind, reason) and sends nothing. A real
 * run sends through the terminal's outbox only: Slack and Teams reminders are sent by the
 * scheduler inside those processes, which hold the platform credentials. Words: admin.reminders.*,
 * in the language of the run (WAYPOINT_LANGUAGE, English by default).
 */
import { ConsoleSender } from '../channels/console/console-sender.js';
import { localParts, zonedInstant, type ReviewPolicy } from '../domain/reminders/index.js';
import { t } from '../i18n/t.js';
import type { Store } from '../store/store.js';
import { compactIndexIfDue } from './compact-index.js';
import { listReminderFailures } from './reminder-claims.js';
import { rollOverSchoolYear } from './roll-over-school-year.js';
import { runReminderSweep } from './run-reminder-sweep.js';

export interface CliArgs {
  dryRun: boolean;
  date?: string;
}

/** How to run it, in the language of the run. */
export const remindersUsage = (): string => t('admin.reminders.usage');

export function parseCliArgs(argv: string[]): CliArgs | { error: string } {
  const out: CliArgs = { dryRun: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--dry-run') out.dryRun = true;
    else if (a === '--date' || a.startsWith('--date=')) {
      const v = a === '--date' ? argv[++i] : a.slice('--date='.length);
      if (!v || !isRealDay(v)) {
        return { error: t('admin.reminders.dateNeeded', { got: v ?? t('admin.reminders.nothingGiven') }) };
      }
      out.date = v;
    } else return { error: t('admin.reminders.unknownOption', { option: a }) };
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

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** "Mon 2025-09-22 07:00 America/Chicago": a moment on the policy's local clock. */
export function localTime(iso: string, policy: ReviewPolicy): string {
  const p = localParts(Date.parse(iso), policy.timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${t(`admin.reminders.day.${DAY_NAMES[p.weekday]}`)} ${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)} ${policy.timeZone}`;
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
    write(t('admin.reminders.dryRun', { when }));
    if (r.waitUntil) write(t('admin.reminders.wouldWait', { time: localTime(r.waitUntil, policy) }));
    write(t('admin.reminders.wouldGo', { count: r.wouldSend.length }));
    if (r.wouldSend.length > 0) write(t('admin.reminders.columns'));
    for (const w of r.wouldSend) write(`${w.userKey}\t${w.name}\t${w.kind}\t${w.reason}`);
  } else {
    const r = await runReminderSweep({ store, senders: [new ConsoleSender(store, () => now)], policy, now, maxSends: Number.MAX_SAFE_INTEGER });
    write(t('admin.reminders.sweep', { when }));
    if (r.waitUntil) {
      write(t('admin.reminders.quiet', { time: localTime(r.waitUntil, policy) }));
    } else {
      write(t('admin.reminders.sent', { sent: r.sent, failed: r.failed }));
      if (r.skipped > 0) write(t('admin.reminders.elsewhere', { count: r.skipped }));
    }
  }
  if (year.advanced + year.graduated > 0) {
    const students = t('admin.count.students', { count: year.advanced });
    write(t(onlyCount ? 'admin.reminders.yearWould' : 'admin.reminders.yearDone', { year: year.schoolYear, students, graduated: year.graduated }));
  }
  if (!args.dryRun) await compactIndexIfDue(store);
  const failures = await listReminderFailures(store);
  if (failures.length > 0) {
    write(t('admin.reminders.failures', { count: failures.length }));
    for (const f of failures) {
      const tries = t('admin.reminders.tries', { count: f.attempts });
      write([f.recipientKey, f.kind, tries, t(f.gaveUp ? 'admin.reminders.gaveUp' : 'admin.reminders.willRetry'), f.lastError].join('\t'));
    }
  }
}
