/**
 * The once-only record of reminders. Before sending, a process claims the reminder's key with
 * putIfAbsent in "reminders-sent": only one process (or one sweep) can win it, so a restart, a
 * second process or a retry never sends it twice. After the send the record says "sent".
 *
 * A failed send is recorded in "reminder-failures" (attempts, last error) and its claim is
 * released (deleted), so a later sweep claims it again and retries. After MAX_ATTEMPTS failures
 * the claim is kept with state "failed": no more retries, and the failure stays on record for the
 * counselor digest and `npm run reminders`. A successful retry removes the failure record.
 */
import type { Reminder } from '../domain/reminders/index.js';
import type { Store } from '../store/store.js';

export const SENT = 'reminders-sent';
export const FAILURES = 'reminder-failures';
export const MAX_ATTEMPTS = 5;

export interface SentRecord {
  key: string;
  kind: Reminder['kind'];
  recipientKey: string;
  state: 'sending' | 'sent' | 'failed';
  claimedAt: string;
  sentAt?: string;
  attempts: number;
}

export interface FailureRecord {
  key: string;
  kind: Reminder['kind'];
  recipientKey: string;
  /** The students the reminder was about (the student, or a counselor's overdue students). */
  studentKeys: string[];
  attempts: number;
  /** Short technical reason (no names, no message text). */
  lastError: string;
  lastAt: string;
  gaveUp: boolean;
}

function studentKeysOf(r: Reminder): string[] {
  return r.kind === 'counselor-digest' ? r.overdueStudentKeys : [r.studentKey];
}

/** True when this process won the reminder and must send it now. */
export function claimReminder(store: Store, r: Reminder, now: Date): Promise<boolean> {
  const record: SentRecord = { key: r.key, kind: r.kind, recipientKey: r.recipientKey, state: 'sending', claimedAt: now.toISOString(), attempts: 1 };
  return store.putIfAbsent<SentRecord>(SENT, r.key, record);
}

/** `mayHaveFailed: false` (no failure record for this key when the sweep began) skips that read. */
export async function markSent(store: Store, r: Reminder, now: Date, mayHaveFailed = true): Promise<void> {
  const failure = mayHaveFailed ? await store.get<FailureRecord>(FAILURES, r.key) : undefined;
  const record: SentRecord = {
    key: r.key, kind: r.kind, recipientKey: r.recipientKey, state: 'sent',
    claimedAt: now.toISOString(), sentAt: now.toISOString(), attempts: (failure?.attempts ?? 0) + 1,
  };
  await store.put<SentRecord>(SENT, r.key, record);
  if (failure) await store.delete(FAILURES, r.key);
}

/** Records a failed send and releases the claim for a retry (or keeps it as "failed" after the last try). */
export async function recordFailure(store: Store, r: Reminder, error: unknown, now: Date): Promise<FailureRecord> {
  const before = await store.get<FailureRecord>(FAILURES, r.key);
  const attempts = (before?.attempts ?? 0) + 1;
  const gaveUp = attempts >= MAX_ATTEMPTS;
  const failure: FailureRecord = {
    key: r.key, kind: r.kind, recipientKey: r.recipientKey, studentKeys: studentKeysOf(r), attempts,
    lastError: shortError(error), lastAt: now.toISOString(), gaveUp,
  };
  await store.put<FailureRecord>(FAILURES, r.key, failure);
  if (gaveUp) {
    const claim = await store.get<SentRecord>(SENT, r.key);
    await store.put<SentRecord>(SENT, r.key, {
      key: r.key, kind: r.kind, recipientKey: r.recipientKey, state: 'failed',
      claimedAt: claim?.claimedAt ?? now.toISOString(), attempts,
    });
  } else {
    await store.delete(SENT, r.key);
  }
  return failure;
}

function shortError(error: unknown): string {
  const e = error as { code?: unknown; name?: unknown; message?: unknown } | undefined;
  const code = typeof e?.code === 'string' || typeof e?.code === 'number' ? ` ${e.code}` : '';
  const name = typeof e?.name === 'string' ? e.name : 'Error';
  return `${name}${code}`.slice(0, 120);
}

/** Every recorded delivery failure (retrying or given up), for counselors and admins. */
export async function listReminderFailures(store: Store): Promise<FailureRecord[]> {
  return (await store.list<FailureRecord>(FAILURES)).map((r) => r.value);
}
