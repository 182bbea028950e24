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
import { latestMs, metInWindowOf, type MeetingDates } from './plan-status.js';
import type { PlanReviewDates } from './review-status.js';
import { schoolCalendar, type ReviewWindow, type SchoolCalendar } from './school-calendar.js';

export interface StudentForReminders {
  studentKey: string;
  plan?: PlanReviewDates;
  /**
   * The plan's times as epoch ms, when the caller has them as numbers (the facts index keeps them
   * so): used instead of `plan`, with no parsing. draftedMs NaN: a plan with no draft, as no plan.
   */
  draftedMs?: number;
  /** The latest review's time (NaN: none), with draftedMs. */
  lastReviewMs?: number;
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

/**
 * Works each student out on numbers, one at a time (the students may be made as they are
 * iterated): the same rules as reviewStatus (review-status.ts) for the student's own check-in and
 * overdueReason (plan-status.ts) for the digest, without making a status object per student. The
 * words of a reminder's reason are made once per window and grade.
 */
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
  const t = now.getTime();
  let open: ReviewWindow | undefined;
  let closed: ReviewWindow | undefined;
  for (const w of calendar.windows) {
    if (w.endsAt <= t) closed = w;
    else if (w.opensAt <= t) open = w;
  }
  const span = open ? `${open.label} window ${open.firstDay} to ${open.lastDay}` : '';
  const firstReason = `${span} is open; no review since it opened`;
  const makePlanReasons = new Map<number, string>();
  const makePlanReason = (g: number) => {
    let r = makePlanReasons.get(g);
    if (r === undefined) makePlanReasons.set(g, (r = `${open!.label} window ${open!.firstDay} to ${open!.lastDay} is open; grade ${g}, no plan yet`));
    return r;
  };
  // The window as reviewStatus gives it (each reminder's is this same object: nobody changes it).
  const openWindow = open ? { ...open, reviewed: false } : undefined;

  for (const s of students) {
    if (s.graduated) continue;
    let drafted: number;
    let lastReview: number;
    if (s.draftedMs !== undefined) {
      drafted = s.draftedMs;
      lastReview = s.lastReviewMs ?? NaN;
    } else {
      const at = s.plan?.versions[0]?.at;
      drafted = at === undefined ? NaN : Date.parse(at);
      lastReview = s.plan ? latestMs(s.plan.reviews) : NaN;
    }
    const noPlan = Number.isNaN(drafted);
    // Reviewed (or drafted) since the open window opened: the student's own check-in is done.
    const lastTouch = lastReview > drafted ? lastReview : drafted;
    if (open && noPlan) {
      const key = reminderKey(s.studentKey, open.id, 'make-plan');
      const g = s.grade;
      if (g !== undefined && g >= MAKE_PLAN_GRADES.from && g <= MAKE_PLAN_GRADES.to && !sent.has(key)) {
        out.push({ key, kind: 'make-plan', recipientKey: s.studentKey, studentKey: s.studentKey, window: openWindow!, reason: makePlanReason(g) });
      }
    }
    // A counselor meeting in the window counts as the student's check-in.
    if (open && !noPlan && !(lastTouch >= open.opensAt) && !metInWindowOf(s.meetings, open.id)) {
      const first = reminderKey(s.studentKey, open.id, 'first');
      if (!sent.has(first)) {
        out.push({ key: first, kind: 'first', recipientKey: s.studentKey, studentKey: s.studentKey, window: openWindow!, reason: firstReason });
      } else {
        const second = reminderKey(s.studentKey, open.id, 'second');
        if (!sent.has(second)) {
          const firstAt = sent.sentAt(first);
          const firstMs = firstAt === undefined ? NaN : Date.parse(firstAt);
          if (t - firstMs >= secondAfter) {
            out.push({
              key: second, kind: 'second', recipientKey: s.studentKey, studentKey: s.studentKey, window: openWindow!,
              reason: `first reminder sent ${firstAt!.slice(0, 10)}; still no review after ${policy.secondReminderAfterDays} days (${span})`,
            });
          }
        }
      }
    }
    // Overdue as counselors see it (planStatus): a missed counselor meeting, or no review last year.
    if (s.counselorKeys?.length && !noPlan && overdue(drafted, lastReview, s.meetings, calendar, closed)) {
      for (const c of s.counselorKeys) {
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

/**
 * overdueReason (plan-status.ts) on numbers, for a student with a drafted plan: no review (or
 * meeting) at all last school year, or the last window closed this school year had no meeting
 * since it opened (unless it closed before the plan was drafted).
 */
function overdue(drafted: number, lastReview: number, meetings: MeetingDates | undefined, calendar: SchoolCalendar, lastClosed: ReviewWindow | undefined): boolean {
  const lastMeeting = meetings && meetings.meetings.length > 0 ? latestMs(meetings.meetings) : NaN;
  let lastTouch = drafted;
  if (lastReview > lastTouch) lastTouch = lastReview;
  if (lastMeeting > lastTouch) lastTouch = lastMeeting;
  if (lastTouch < calendar.previousYearStartsAt) return true;
  return !(!lastClosed || drafted >= lastClosed.endsAt || lastMeeting >= lastClosed.opensAt || metInWindowOf(meetings, lastClosed.id));
}
