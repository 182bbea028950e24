/**
 * Which reminders should go out at `now`: a first reminder when a window is open and the student
 * has not reviewed since it opened (a counselor meeting in the window counts as the check-in); a
 * second one `secondReminderAfterDays` after the first if still not reviewed (only while the window
 * is open); one "make your plan" reminder per window to a student in grades 8-12 with no plan yet
 * (whether or not they are on a caseload); and a weekly digest to each counselor listing their
 * overdue students (planStatus: a missed counselor meeting, or no review last year). Graduated
 * students get nothing and are never listed. Reminders already sent (their key is in `sent`) are
 * left out.
 */
import { addDays, isoDate, weekdayOf } from './local-time.js';
import type { ReviewPolicy } from './review-policy.js';
import { metInWindowOf, overdueReason, type MeetingDates } from './plan-status.js';
import { reviewStatus, type PlanReviewDates } from './review-status.js';
import { schoolCalendar, type ReviewWindow } from './school-calendar.js';

export interface StudentForReminders {
  studentKey: string;
  plan?: PlanReviewDates;
  /** Counselors with this student on their caseload. */
  counselorKeys?: readonly string[];
  /** Counselor meetings (a MeetingRecord fits). */
  meetings?: MeetingDates;
  /** The student's grade: a student with no plan gets a "make your plan" reminder in grades 8-12. */
  grade?: number;
  /** Finished 12th grade: no reminders, never in a digest. */
  graduated?: boolean;
}

export type ReminderKind = 'first' | 'second' | 'make-plan' | 'counselor-digest';

/** Grades whose students are reminded to make a plan when they have none (a plan is due by the end of 8th). */
export const MAKE_PLAN_GRADES = { from: 8, to: 12 } as const;

export interface StudentReminder {
  /** `${studentKey}|${windowId}|${kind}`: recorded when sent, so it never goes twice. */
  key: string;
  kind: 'first' | 'second' | 'make-plan';
  recipientKey: string;
  studentKey: string;
  window: ReviewWindow;
  /** Why, in plain words with dates (for logs and the dry run; no names). */
  reason: string;
}

export interface DigestReminder {
  /** `${counselorKey}|week-${digestDay}|counselor-digest` */
  key: string;
  kind: 'counselor-digest';
  recipientKey: string;
  counselorKey: string;
  /** Local date of this week's digest day, "2025-09-15". */
  weekOf: string;
  overdueStudentKeys: string[];
  reason: string;
}

export type Reminder = StudentReminder | DigestReminder;

/** What was already sent: `has` for any claimed key, `sentAt` (ISO) once a send succeeded. */
export interface SentReminders {
  has(key: string): boolean;
  sentAt(key: string): string | undefined;
}

export const NOTHING_SENT: SentReminders = { has: () => false, sentAt: () => undefined };

export function reminderKey(subjectKey: string, periodId: string, kind: ReminderKind): string {
  return `${subjectKey}|${periodId}|${kind}`;
}

/** Local date of the most recent digest day on or before today. */
export function digestWeekOf(policy: ReviewPolicy, now: Date): string {
  const today = schoolCalendar(policy, now).today;
  return isoDate(addDays(today, -((weekdayOf(today) - policy.counselorDigestDay + 7) % 7)));
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function remindersDue(
  students: Iterable<StudentForReminders>,
  policy: ReviewPolicy,
  now: Date,
  sent: SentReminders = NOTHING_SENT,
): Reminder[] {
  const calendar = schoolCalendar(policy, now);
  const out: Reminder[] = [];
  const overdueByCounselor = new Map<string, string[]>();
  const secondAfter = policy.secondReminderAfterDays * DAY_MS;

  for (const s of students) {
    if (s.graduated) continue;
    const status = reviewStatus(s.plan, policy, now, calendar);
    const w = status.openWindow;
    if (w && status.state === 'no-plan') {
      const key = reminderKey(s.studentKey, w.id, 'make-plan');
      const g = s.grade;
      if (g !== undefined && g >= MAKE_PLAN_GRADES.from && g <= MAKE_PLAN_GRADES.to && !sent.has(key)) {
        out.push({
          key, kind: 'make-plan', recipientKey: s.studentKey, studentKey: s.studentKey, window: w,
          reason: `${w.label} window ${w.firstDay} to ${w.lastDay} is open; grade ${g}, no plan yet`,
        });
      }
    }
    // A counselor meeting in the window counts as the student's check-in.
    if (w && !w.reviewed && status.state !== 'no-plan' && !metInWindowOf(s.meetings, w.id)) {
      const first = reminderKey(s.studentKey, w.id, 'first');
      const second = reminderKey(s.studentKey, w.id, 'second');
      const span = `${w.label} window ${w.firstDay} to ${w.lastDay}`;
      if (!sent.has(first)) {
        out.push({
          key: first, kind: 'first', recipientKey: s.studentKey, studentKey: s.studentKey, window: w,
          reason: `${span} is open; no review since it opened`,
        });
      } else if (!sent.has(second)) {
        const firstAt = sent.sentAt(first);
        const firstMs = firstAt === undefined ? NaN : Date.parse(firstAt);
        if (now.getTime() - firstMs >= secondAfter) {
          out.push({
            key: second, kind: 'second', recipientKey: s.studentKey, studentKey: s.studentKey, window: w,
            reason: `first reminder sent ${firstAt!.slice(0, 10)}; still no review after ${policy.secondReminderAfterDays} days (${span})`,
          });
        }
      }
    }
    // Overdue as counselors see it (planStatus): a missed counselor meeting, or no review last year.
    if (s.counselorKeys?.length && overdueReason(status, s.meetings, calendar, now.getTime())) {
      for (const c of s.counselorKeys ?? []) {
        let list = overdueByCounselor.get(c);
        if (!list) overdueByCounselor.set(c, (list = []));
        list.push(s.studentKey);
      }
    }
  }

  const weekOf = digestWeekOf(policy, now);
  for (const [counselorKey, overdueStudentKeys] of overdueByCounselor) {
    const key = reminderKey(counselorKey, `week-${weekOf}`, 'counselor-digest');
    if (sent.has(key)) continue;
    out.push({
      key, kind: 'counselor-digest', recipientKey: counselorKey, counselorKey, weekOf, overdueStudentKeys,
      reason: `weekly digest (week of ${weekOf}): ${overdueStudentKeys.length} overdue student${overdueStudentKeys.length === 1 ? '' : 's'}`,
    });
  }
  return out;
}
