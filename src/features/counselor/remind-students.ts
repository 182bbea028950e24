/**
 * A counselor's "remind everyone who is overdue" (or another group): each student gets a friendly
 * DM through their channel's proactive sender, in the student's own language, with a button to
 * start their review. The counselor gets a count of what was sent and what failed.
 */
import type { ProactiveSender, QuestionReply, Reply } from '../../domain/messages.js';
import { REVIEW_REMINDER_QUESTION, START_REVIEW_CHOICE } from '../../domain/reminders/index.js';
import { hello } from '../../domain/reminders/reminder-messages.js';
import { t } from '../../i18n/t.js';
import type { Store } from '../../store/store.js';
import { sayTo } from '../people/notify.js';
import { audit } from '../people/audit.js';
import { forgetRow } from './caseload-row-cache.js';
import { COUNSELOR_REMINDERS, type LastReminder, type StudentRow } from './caseload-rows.js';

/** What one student gets, in the language being spoken: a short nudge and a "Start my review" button. */
export function counselorReminder(row: Pick<StudentRow, 'name' | 'hasPlan'>): Reply[] {
  const question: QuestionReply = {
    kind: 'question',
    questionId: REVIEW_REMINDER_QUESTION,
    text: t(row.hasPlan ? 'counselor.remind.toStudent.review' : 'counselor.remind.toStudent.start', { hi: hello(row.name) }),
    choices: [{ id: START_REVIEW_CHOICE, label: t(row.hasPlan ? 'reminders.student.startReview' : 'counselor.remind.toStudent.startPlan') }],
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
        // In the student's language, whoever the counselor is.
        if (!(await sayTo(senders, record.store, r.key, () => counselorReminder(r)))) return void result.failed.push(r.key);
        await noteReminderSent(record.store, r.key, record.by, record.now);
        result.sent.push(r.key);
      }),
    );
  }
  return result;
}


/** Keeps when a counselor's reminder reached a student (for "skip if reminded today" and the CSV), audited. */
export async function noteReminderSent(store: Store, studentKey: string, by: string, now: Date): Promise<void> {
  await store.put<LastReminder>(COUNSELOR_REMINDERS, studentKey, { at: now.toISOString(), by });
  forgetRow(store, studentKey);
  await audit(store, { at: now.toISOString(), by, action: 'reminder-sent', subject: studentKey });
}
