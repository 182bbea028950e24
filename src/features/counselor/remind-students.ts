/**
 * A counselor's "remind everyone who is overdue" (or another group): each student gets a friendly
 * DM through their channel's proactive sender, with a button to start their review. The counselor
 * gets a count of what was sent and what failed.
 */
import type { ProactiveSender, QuestionReply, Reply } from '../../domain/messages.js';
import { REVIEW_REMINDER_QUESTION, START_REVIEW_CHOICE } from '../../domain/reminders/index.js';
import type { Store } from '../../store/store.js';
import { sendTo } from '../people/notify.js';
import { audit } from '../people/audit.js';
import { forgetRow } from './caseload-row-cache.js';
import { COUNSELOR_REMINDERS, type LastReminder, type StudentRow } from './caseload-rows.js';
import type { StudentGroup } from './caseload-summary.js';

function firstName(name: string | undefined): string | undefined {
  return name?.trim().split(/\s+/)[0]?.slice(0, 40) || undefined;
}

/** What one student gets: a short nudge and a "Start my review" button. */
export function counselorReminder(row: Pick<StudentRow, 'name' | 'hasPlan'>): Reply[] {
  const hi = firstName(row.name) ? `Hi ${firstName(row.name)}!` : 'Hi!';
  const body = row.hasPlan
    ? `${hi} Your counselor asked me to remind you to check in on your Plan of Study (your map of classes and activities). It takes about 5 minutes, and changing your plan is normal.`
    : `${hi} Your counselor asked me to remind you to start your Plan of Study (your map of classes and activities). It takes about 10 minutes, and you can change it any time.`;
  const question: QuestionReply = {
    kind: 'question',
    questionId: REVIEW_REMINDER_QUESTION,
    text: body,
    choices: [{ id: START_REVIEW_CHOICE, label: row.hasPlan ? 'Start my review' : 'Start my plan' }],
  };
  return [question];
}

export interface RemindResult {
  sent: string[];
  failed: string[];
  /** Already reminded by a counselor in the last REMIND_AGAIN_HOURS: not sent again. */
  skipped: string[];
}

export { COUNSELOR_REMINDERS };
export const REMIND_AGAIN_HOURS = 24;

/**
 * Sends to each row, a few at a time; a student whose channel has no sender here counts as failed.
 * A student a counselor already reminded in the last day is skipped, so a second tap (or two
 * counselors with the same student) never sends the same nudge twice.
 */
export async function remindStudents(
  rows: Pick<StudentRow, 'key' | 'name' | 'hasPlan'>[],
  senders: readonly ProactiveSender[],
  record: { store: Store; now: Date; by: string },
): Promise<RemindResult> {
  const result: RemindResult = { sent: [], failed: [], skipped: [] };
  const since = record.now.getTime() - REMIND_AGAIN_HOURS * 60 * 60 * 1000;
  const BATCH = 8;
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    await Promise.all(
      batch.map(async (r) => {
        const last = await record.store.get<LastReminder>(COUNSELOR_REMINDERS, r.key);
        if (last && Date.parse(last.at) > since) return void result.skipped.push(r.key);
        if (!(await sendTo(senders, r.key, counselorReminder(r)))) return void result.failed.push(r.key);
        await noteReminderSent(record.store, r.key, record.by, record.now);
        result.sent.push(r.key);
      }),
    );
  }
  return result;
}

export const GROUP_WORDS: Record<StudentGroup, string> = {
  all: 'everyone on your list',
  'no-choice': 'students with no Path, Cluster or Pathway yet',
  'no-plan': 'students with no plan',
  'no-review': 'students with no review this school year',
  overdue: 'students who are overdue',
};

export function remindSummary(group: StudentGroup, r: RemindResult): string {
  const total = r.sent.length + r.failed.length + r.skipped.length;
  if (total === 0) return `Nobody to remind right now: I found no ${GROUP_WORDS[group].replace('everyone on your list', 'students on your list')}.`;
  const skipped = r.skipped.length > 0 ? `, ${r.skipped.length} skipped` : '';
  const failed = r.failed.length > 0 ? ` ${r.failed.length} could not be sent (they may use a channel that isn't running here, or delivery failed).` : '';
  const why = r.skipped.length > 0 ? ` Skipped: already reminded in the last ${REMIND_AGAIN_HOURS} hours.` : '';
  return `Reminders to ${GROUP_WORDS[group]}: ${r.sent.length} sent, ${r.failed.length} failed${skipped}.${failed}${why}`;
}

/** Keeps when a counselor's reminder reached a student (for "skip if reminded today" and the CSV), audited. */
export async function noteReminderSent(store: Store, studentKey: string, by: string, now: Date): Promise<void> {
  await store.put<LastReminder>(COUNSELOR_REMINDERS, studentKey, { at: now.toISOString(), by });
  forgetRow(store, studentKey);
  await audit(store, { at: now.toISOString(), by, action: 'reminder-sent', subject: studentKey });
}
