/**
 * A counselor's "remind everyone who is overdue" (or another group): each student gets a friendly
 * DM through their channel's proactive sender, with a button to start their review. The counselor
 * gets a count of what was sent and what failed.
 */
import type { ProactiveSender, QuestionReply, Reply } from '../../domain/messages.js';
import { REVIEW_REMINDER_QUESTION, START_REVIEW_CHOICE } from '../../domain/reminders/index.js';
import { sendTo } from '../people/notify.js';
import type { StudentRow } from './caseload-rows.js';
import type { StudentGroup } from './caseload-summary.js';

function firstName(name: string | undefined): string | undefined {
  return name?.trim().split(/\s+/)[0]?.slice(0, 40) || undefined;
}

/** What one student gets: a short nudge and a "Start my review" button. */
export function counselorReminder(row: StudentRow): Reply[] {
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
}

/** Sends to each row, a few at a time; a student whose channel has no sender here counts as failed. */
export async function remindStudents(rows: StudentRow[], senders: readonly ProactiveSender[]): Promise<RemindResult> {
  const result: RemindResult = { sent: [], failed: [] };
  const BATCH = 8;
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const ok = await Promise.all(batch.map((r) => sendTo(senders, r.key, counselorReminder(r))));
    batch.forEach((r, j) => (ok[j] ? result.sent : result.failed).push(r.key));
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
  const total = r.sent.length + r.failed.length;
  if (total === 0) return `Nobody to remind right now: I found no ${GROUP_WORDS[group].replace('everyone on your list', 'students on your list')}.`;
  const failed = r.failed.length > 0 ? ` ${r.failed.length} could not be sent (they may use a channel that isn't running here, or delivery failed).` : '';
  return `Reminders to ${GROUP_WORDS[group]}: ${r.sent.length} sent, ${r.failed.length} failed.${failed}`;
}
