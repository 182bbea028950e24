/**
 * One reminder sweep: read plan dates and caseloads, work out which reminders are due (pure
 * domain), then for each: claim its key (once-only across processes), send it through the
 * recipient's channel, and record the result. Outside allowed hours (quiet hours, weekends) a real
 * sweep sends nothing and says when it may next send. A dry run sends and records nothing.
 */
import type { ProactiveSender, Reply } from '../domain/messages.js';
import {
  counselorDigestReplies,
  makePlanReminderReplies,
  nextAllowedTime,
  remindersDue,
  studentReminderReplies,
  type Reminder,
  type ReviewPolicy,
  type SentReminders,
} from '../domain/reminders/index.js';
import type { Store } from '../store/store.js';
import { loadNames, loadReviewFacts, type ReviewFacts } from './load-review-facts.js';
import { recoverStaleClaims } from './recover-stale-claims.js';
import { sendFamilyCopies } from './family-reminder-copies.js';
import { withLanguage } from '../i18n/language.js';
import { FAILURES, SENT, claimReminder, markSent, recordFailure, type FailureRecord, type SentRecord } from './reminder-claims.js';

export interface SweepLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface SweepOptions {
  store: Store;
  /** One sender per channel; a reminder for a channel with no sender here is left for another process. */
  senders: ProactiveSender[];
  policy: ReviewPolicy;
  now?: Date;
  logger?: SweepLogger;
  dryRun?: boolean;
  /** At most this many sends per sweep; the rest go in the next sweep. */
  maxSends?: number;
  /** Sends in flight at once. */
  concurrency?: number;
}

export interface WouldSend {
  userKey: string;
  name: string;
  kind: Reminder['kind'];
  reason: string;
}

export interface SweepResult {
  sent: number;
  /** Copies to family members who asked for reminders (not counted in `sent`). */
  familyCopies: number;
  failed: number;
  /** Due but not sent by this sweep: no sender for the channel here, claimed elsewhere, or over maxSends. */
  skipped: number;
  /** Dry run: everything that would be sent. */
  wouldSend: WouldSend[];
  /** Set when now is in quiet hours or a weekend: the first moment reminders may go out. */
  waitUntil?: string;
}

const silent: SweepLogger = { info: () => undefined, warn: () => undefined };

export function channelOf(userKey: string): { channel: string; userId: string } {
  const i = userKey.indexOf(':');
  return i < 0 ? { channel: '', userId: userKey } : { channel: userKey.slice(0, i), userId: userKey.slice(i + 1) };
}

/** Sent lookup from the claimed ids; sentAt values are read on demand (second reminders only). */
async function dueReminders(store: Store, facts: ReviewFacts, policy: ReviewPolicy, now: Date) {
  const sentFacts = facts.index?.sent;
  if (sentFacts) {
    // From the facts index: every claim and its send time, without reading the claims folder.
    const lookup: SentReminders = {
      has: (k) => sentFacts.has(k),
      sentAt: (k) => {
        const f = sentFacts.get(k);
        return f?.state === 'sent' ? f.sentAt : undefined;
      },
    };
    return remindersDue(facts.students, policy, now, lookup);
  }
  const claimed = new Set(await store.ids(SENT));
  const sentAt = new Map<string, string | undefined>();
  const wanted: string[] = [];
  const lookup: SentReminders = {
    has: (k) => claimed.has(k),
    sentAt: (k) => {
      if (sentAt.has(k)) return sentAt.get(k);
      wanted.push(k);
      return undefined;
    },
  };
  let due = remindersDue(facts.students, policy, now, lookup);
  if (wanted.length > 0) {
    await inBatches(wanted, 64, async (k) => {
      const r = await store.get<SentRecord>(SENT, k);
      sentAt.set(k, r?.state === 'sent' ? r.sentAt : undefined);
    });
    due = remindersDue(facts.students, policy, now, lookup);
  }
  return due;
}

export async function runReminderSweep(o: SweepOptions): Promise<SweepResult> {
  const now = o.now ?? new Date();
  const log = o.logger ?? silent;
  const allowedAt = nextAllowedTime(now, o.policy);
  const waitUntil = allowedAt.getTime() > now.getTime() ? allowedAt.toISOString() : undefined;
  const result: SweepResult = { sent: 0, familyCopies: 0, failed: 0, skipped: 0, wouldSend: [], ...(waitUntil ? { waitUntil } : {}) };
  if (waitUntil && !o.dryRun) return result;
  if (!o.dryRun) await recoverStaleClaims(o.store, now, log); // a sweep killed mid-way left claims "sending"

  const facts = await loadReviewFacts(o.store);
  const due = await dueReminders(o.store, facts, o.policy, now);
  const senders = new Map(o.senders.map((s) => [s.channel as string, s]));
  const sendable = o.dryRun ? due : due.filter((r) => senders.has(channelOf(r.recipientKey).channel));
  const batch = o.dryRun ? sendable : sendable.slice(0, o.maxSends ?? 2000);
  result.skipped = due.length - batch.length;

  const failures = new Map<string, number>();
  if (batch.some((r) => r.kind === 'counselor-digest')) {
    for (const { value } of await o.store.list<FailureRecord>(FAILURES)) {
      if (value.kind === 'counselor-digest') continue;
      for (const s of value.studentKeys) failures.set(s, (failures.get(s) ?? 0) + 1);
    }
  }
  // Failure records at the start: a send of any other key skips reading one (see the end).
  const failed = o.dryRun || batch.length === 0 ? new Set<string>() : new Set(await o.store.ids(FAILURES));
  const sentNow: string[] = [];
  const names = await loadNames(o.store, namesNeeded(batch), facts.index);
  const nameOf = (k: string) => names.get(k)?.name ?? k;

  if (o.dryRun) {
    result.wouldSend = batch.map((r) => ({ userKey: r.recipientKey, name: nameOf(r.recipientKey), kind: r.kind, reason: r.reason }));
    return result;
  }

  await inBatches(batch, o.concurrency ?? 8, async (r) => {
    const role = names.get(r.recipientKey)?.role;
    if (r.kind !== 'counselor-digest' && role !== undefined && role !== 'student') {
      result.skipped++;
      return;
    }
    if (!(await claimReminder(o.store, r, now))) {
      result.skipped++;
      return;
    }
    const { channel, userId } = channelOf(r.recipientKey);
    try {
      // Written in the recipient's language (their profile's; English when they chose none).
      const language = names.get(r.recipientKey)?.language === 'es' ? 'es' : 'en';
      await senders.get(channel)!.send(userId, withLanguage(language, () => messageFor(r, nameOf, facts.caseloads, failures)));
      await markSent(o.store, r, now, failed.has(r.key));
      sentNow.push(r.key);
      result.sent++;
      log.info({ key: r.key, kind: r.kind }, 'reminder sent');
      if (r.kind !== 'counselor-digest') {
        const name = nameOf(r.studentKey);
        const to = (key: string) => {
          const c = channelOf(key);
          const sender = senders.get(c.channel);
          return sender ? { sender, userId: c.userId } : undefined;
        };
        result.familyCopies += await sendFamilyCopies(o.store, r, name === r.studentKey ? undefined : name, { senderFor: to, index: facts.index }, now, log);
      }
    } catch (err) {
      result.failed++;
      const f = await recordFailure(o.store, r, err, now);
      log.warn({ key: r.key, kind: r.kind, attempts: f.attempts, gaveUp: f.gaveUp, error: f.lastError }, 'reminder not delivered');
    }
  });
  // A failure another process recorded during this sweep for a key sent here after all: clear it.
  if (sentNow.length > 0) {
    const sent = new Set(sentNow.filter((k) => !failed.has(k)));
    for (const id of await o.store.ids(FAILURES)) if (sent.has(id)) await o.store.delete(FAILURES, id);
  }
  log.info({ sent: result.sent, failed: result.failed, skipped: result.skipped }, 'reminder sweep done');
  return result;
}


const DIGEST_NAMES = 10;

function namesNeeded(batch: Reminder[]): string[] {
  const keys: string[] = [];
  for (const r of batch) {
    keys.push(r.recipientKey);
    if (r.kind === 'counselor-digest') keys.push(...r.overdueStudentKeys.slice(0, DIGEST_NAMES));
  }
  return keys;
}

function messageFor(r: Reminder, nameOf: (k: string) => string, caseloads: Map<string, string[]>, failures: Map<string, number>): Reply[] {
  if (r.kind !== 'counselor-digest') {
    const name = nameOf(r.studentKey);
    const first = name === r.studentKey ? undefined : name;
    return r.kind === 'make-plan' ? makePlanReminderReplies(r.window, first) : studentReminderReplies(r.kind, r.window, first);
  }
  const shown = r.overdueStudentKeys.slice(0, DIGEST_NAMES).map(nameOf);
  const names = [...shown, ...r.overdueStudentKeys.slice(DIGEST_NAMES)];
  const failed = (caseloads.get(r.counselorKey) ?? []).reduce((n, s) => n + (failures.get(s) ?? 0), 0);
  return counselorDigestReplies(names, failed);
}

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}
