/**
 * One student's plan status in a few words, the same in the chat list, the student view and the
 * CSV. Most pressing first: no plan, overdue for a review, no counselor meeting this window, a
 * review due now, reviewed, up to date.
 */
import type { StudentRow } from './caseload-rows.js';

export type StudentStatus = 'no-plan' | 'overdue' | 'not-met' | 'due' | 'reviewed' | 'up-to-date';

export const STATUS_WORDS: Record<StudentStatus, string> = {
  'no-plan': 'no plan',
  overdue: 'overdue',
  'not-met': 'not met this window',
  due: 'review due',
  reviewed: 'reviewed',
  'up-to-date': 'up to date',
};

type StatusFacts = Pick<StudentRow, 'hasPlan' | 'review' | 'metThisWindow' | 'meetingWindow'>;

export function statusOf(r: StatusFacts): StudentStatus {
  if (!r.hasPlan) return 'no-plan';
  if (r.review.state === 'overdue') return 'overdue';
  if (r.meetingWindow && !r.metThisWindow) return 'not-met';
  if (r.review.state === 'due') return 'due';
  if (r.review.state === 'reviewed') return 'reviewed';
  return 'up-to-date';
}

export const statusWords = (r: StatusFacts): string => STATUS_WORDS[statusOf(r)];
