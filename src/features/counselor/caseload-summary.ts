/**
 * The caseload in numbers (counselors get numbers first, then actions) and as a list. Pure over
 * the rows.
 */
import type { QuestionReply, Reply } from '../../domain/messages.js';
import { t } from '../../i18n/t.js';
import type { StudentRow } from './caseload-rows.js';
import { dateWords } from '../../i18n/date-words.js';

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

export function summaryReplies(c: CaseloadCounts): Reply[] {
  const lines = [
    t('counselor.list.onYourList', { count: c.students }),
    t('counselor.summary.noChoice', { n: c.noChoice }),
    t('counselor.summary.noPlan', { n: c.noPlan }),
    c.schoolYear ? t('counselor.summary.noReviewIn', { n: c.noReview, year: c.schoolYear }) : t('counselor.summary.noReview', { n: c.noReview }),
    t('counselor.summary.overdue', { n: c.overdue }),
    t('counselor.summary.notMet', { n: c.notMet }),
    c.lastActivity
      ? t('counselor.summary.activeLatest', { count: c.active, days: ACTIVE_DAYS, latest: dateWords(c.lastActivity) })
      : t('counselor.summary.active', { count: c.active, days: ACTIVE_DAYS }),
  ];
  return [{ kind: 'text', text: lines.join('\n') }, caseloadActions(c)];
}

/** The buttons after the numbers (and after the list, without "Show list"). */
export function caseloadActions(c: Pick<CaseloadCounts, 'overdue'>, afterList = false): QuestionReply {
  return {
    kind: 'question',
    questionId: CASELOAD_Q,
    text: c.overdue > 0 ? t('counselor.summary.remindOverdue', { count: c.overdue }) : t('counselor.whatNext'),
    choices: [
      ...(c.overdue > 0 ? [{ id: 'remind-overdue', label: t('counselor.summary.remindOverdueButton', { n: c.overdue }) }] : []),
      ...(afterList ? [] : [{ id: 'show-list', label: t('counselor.summary.showList') }]),
      { id: 'csv', label: t('counselor.list.csv') },
    ],
  };
}
