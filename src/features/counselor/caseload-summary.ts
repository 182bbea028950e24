/**
 * The caseload in numbers (counselors get numbers first, then actions) and as a list. Pure over
 * the rows.
 */
import type { QuestionReply, Reply } from '../../domain/messages.js';
import type { StudentRow } from './caseload-rows.js';

export const CASELOAD_Q = 'caseload:actions';
export const ACTIVE_DAYS = 30;

export type StudentGroup = 'all' | 'no-choice' | 'no-plan' | 'no-review' | 'overdue';

export function inGroup(r: StudentRow, g: StudentGroup): boolean {
  switch (g) {
    case 'all':
      return true;
    case 'no-choice':
      return r.noChoice;
    case 'no-plan':
      return !r.hasPlan;
    case 'no-review':
      return r.hasPlan && !r.status.reviewedThisSchoolYear;
    case 'overdue':
      return r.status.code === 'overdue';
  }
}

export interface CaseloadCounts {
  students: number;
  noChoice: number;
  noPlan: number;
  /** Has a plan, but no review recorded since this school year started. */
  noReview: number;
  overdue: number;
  /** No counselor meeting recorded for this review window (open, or the last one closed). */
  notMet: number;
  /** Chatted in the last ACTIVE_DAYS days. */
  active: number;
  /** The latest chat of any student. */
  lastActivity?: string;
  schoolYear?: string;
}

export function countCaseload(rows: StudentRow[], now: Date): CaseloadCounts {
  const since = now.getTime() - ACTIVE_DAYS * 24 * 60 * 60 * 1000;
  const latest = rows.map((r) => r.lastActivity).filter((t): t is string => Boolean(t)).sort().pop();
  return {
    students: rows.length,
    noChoice: rows.filter((r) => inGroup(r, 'no-choice')).length,
    noPlan: rows.filter((r) => inGroup(r, 'no-plan')).length,
    noReview: rows.filter((r) => inGroup(r, 'no-review')).length,
    overdue: rows.filter((r) => inGroup(r, 'overdue')).length,
    notMet: rows.filter((r) => r.meetingWindow !== undefined && !r.metThisWindow).length,
    active: rows.filter((r) => r.lastActivity && Date.parse(r.lastActivity) >= since).length,
    ...(latest ? { lastActivity: latest } : {}),
    ...(rows[0] ? { schoolYear: rows[0].review.schoolYear } : {}),
  };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function summaryReplies(c: CaseloadCounts): Reply[] {
  const lines = [
    `${plural(c.students, 'student', 'students')} on your list.`,
    `${c.noChoice} with no Path, Cluster or Pathway yet.`,
    `${c.noPlan} with no plan.`,
    `${c.noReview} with a plan but no review this school year${c.schoolYear ? ` (${c.schoolYear})` : ''}.`,
    `${c.overdue} overdue for a review.`,
    `${c.notMet} not met with you this review window.`,
    `${c.active} chatted with me in the last ${ACTIVE_DAYS} days${c.lastActivity ? ` (latest: ${c.lastActivity.slice(0, 10)})` : ''}.`,
  ];
  return [{ kind: 'text', text: lines.join('\n') }, caseloadActions(c)];
}

/** The buttons after the numbers (and after the list, without "Show list"). */
export function caseloadActions(c: Pick<CaseloadCounts, 'overdue'>, afterList = false): QuestionReply {
  return {
    kind: 'question',
    questionId: CASELOAD_Q,
    text: c.overdue > 0 ? `Send a reminder to the ${plural(c.overdue, 'overdue student', 'overdue students')}?` : 'What next?',
    choices: [
      ...(c.overdue > 0 ? [{ id: 'remind-overdue', label: `Send reminders to the overdue (${c.overdue})` }] : []),
      ...(afterList ? [] : [{ id: 'show-list', label: 'Show list' }]),
      { id: 'csv', label: 'Download CSV' },
    ],
  };
}
