/**
 * Where a student stands with the whole plan policy (data/review-policy.json): a counselor meeting
 * in each review window, and a plan review each school year. The one status counselors see, the
 * same in chat, in the caseload CSV and in reports: `planStatus(...).code`, in words with
 * PLAN_STATUS_WORDS.
 *
 * - A student tapping "looks right" is a plan review, never a counselor meeting.
 * - A counselor meeting is also a plan review (the counselor went over the plan with the student).
 * - Overdue: the last window that closed this school year had no meeting (a window that closed
 *   before the plan was drafted is not missed; any meeting since it opened makes up for it), or no
 *   review at all in the whole of last school year.
 * - Meetings are kept by window id ("2026-27-fall"), so a new school year starts clean.
 *
 * reviewStatus (review-status.ts) stays the student's own side: whether their check-in is due.
 */
import { t } from '../../i18n/t.js';
import type { ReviewPolicy } from './review-policy.js';
import { reviewStatus, type PlanReviewDates, type ReviewStatus } from './review-status.js';
import { schoolCalendar, type ReviewWindow, type SchoolCalendar } from './school-calendar.js';

/** The parts of a MeetingRecord (src/domain/meetings.ts) the rules read; a MeetingRecord fits. */
export interface MeetingDates {
  meetings: ReadonlyArray<{ at: string; windowId?: string }>;
}

/** Most pressing first. */
export type PlanStatusCode =
  | 'graduated'
  | 'no-pathway'
  | 'no-plan'
  | 'overdue'
  | 'not-met-this-window'
  | 'met-this-window'
  | 'up-to-date';

const CODES: readonly PlanStatusCode[] = ['graduated', 'no-pathway', 'no-plan', 'overdue', 'not-met-this-window', 'met-this-window', 'up-to-date'];

/**
 * The words for each code, in the language being spoken (reminders.status.* in the catalogs): chat
 * lists, the student view, the CSV and reports all use these.
 */
export const PLAN_STATUS_WORDS: Readonly<Record<PlanStatusCode, string>> = Object.defineProperties(
  {} as Record<PlanStatusCode, string>,
  Object.fromEntries(CODES.map((code) => [code, { get: () => t(`reminders.status.${code}`), enumerable: true }])),
);

export type PlanOverdueReason =
  /** A review window this school year closed with no counselor meeting recorded for it. */
  | { because: 'missed-meeting'; window: ReviewWindow; since: string }
  /** No plan review (by the student or at a meeting) in the whole of last school year. */
  | { because: 'no-review-last-year'; since: string };

export interface PlanStatus {
  code: PlanStatusCode;
  /** "2026-27" */
  schoolYear: string;
  /** The student's own side: their check-in per window (drafting and meetings do not change it). */
  review: ReviewStatus;
  /** A plan review this school year: the student's own, or at a counselor meeting. */
  reviewedThisSchoolYear: boolean;
  /** The window meetings count for now: the open one, else the last one closed this school year. */
  meetingWindow?: ReviewWindow;
  /** A counselor meeting is recorded for meetingWindow. */
  metThisWindow: boolean;
  /** Windows closed this school year (after the plan was drafted) with no meeting for them, oldest first. */
  missedWindows: ReviewWindow[];
  /** Why the student is overdue (code "overdue" only). */
  overdue?: PlanOverdueReason;
}

export interface PlanStatusInput {
  plan?: PlanReviewDates | undefined;
  meetings?: MeetingDates | undefined;
  /** False when the student has chosen no Path, Cluster or Pathway yet (leave out when unknown). */
  hasPathway?: boolean;
  /** True for a student who finished 12th grade (isGraduated in src/domain/profile.ts). */
  graduated?: boolean;
}

/** The latest valid time in the list (NaN: none), as reviewStatus, planStatus and the reminders read them. */
export function latestMs(times: ReadonlyArray<{ at: string }>): number {
  let best = NaN;
  for (const t of times) {
    const ms = Date.parse(t.at);
    if (!Number.isNaN(ms) && !(ms <= best)) best = ms;
  }
  return best;
}

function hasMeetingFor(meetings: MeetingDates | undefined, windowId: string): boolean {
  return meetings?.meetings.some((m) => m.windowId === windowId) ?? false;
}

/** Whether a counselor meeting is recorded for this window ("2026-27-fall"). */
export const metInWindowOf = hasMeetingFor;

/**
 * Why a student with a plan is overdue under the policy, or undefined. `review` is the student's
 * reviewStatus at `now` with the same calendar. (Cheap: the reminder sweep runs it per student.)
 */
export function overdueReason(review: ReviewStatus, meetings: MeetingDates | undefined, calendar: SchoolCalendar, now: number): PlanOverdueReason | undefined {
  if (review.draftedAt === undefined) return undefined;
  const drafted = Date.parse(review.draftedAt);
  if (Number.isNaN(drafted)) return undefined;
  const lastMeeting = meetings && meetings.meetings.length > 0 ? latestMs(meetings.meetings) : NaN;
  const lastReview = review.lastReviewAt === undefined ? NaN : Date.parse(review.lastReviewAt);
  let lastTouch = drafted;
  if (lastReview > lastTouch) lastTouch = lastReview;
  if (lastMeeting > lastTouch) lastTouch = lastMeeting;
  if (lastTouch < calendar.previousYearStartsAt) return { because: 'no-review-last-year', since: new Date(calendar.startsAt).toISOString() };
  // Only the last closed window makes a student overdue, and any meeting since it opened makes up
  // for it (as with the student's own reviews): a counselor can always bring a student back on track.
  let lastClosed: ReviewWindow | undefined;
  for (const w of calendar.windows) if (w.endsAt <= now) lastClosed = w;
  if (!lastClosed || drafted >= lastClosed.endsAt || lastMeeting >= lastClosed.opensAt || hasMeetingFor(meetings, lastClosed.id)) return undefined;
  return { because: 'missed-meeting', window: lastClosed, since: new Date(lastClosed.endsAt).toISOString() };
}

/** One student's status at `now`. Pass a `calendar` from schoolCalendar when checking many students. */
export function planStatus(
  input: PlanStatusInput,
  policy: ReviewPolicy,
  now: Date,
  calendar: SchoolCalendar = schoolCalendar(policy, now),
): PlanStatus {
  const t = now.getTime();
  const review = reviewStatus(input.plan, policy, now, calendar);
  const lastMeeting = latestMs(input.meetings?.meetings ?? []);
  let meetingWindow: ReviewWindow | undefined;
  const closed: ReviewWindow[] = [];
  for (const w of calendar.windows) {
    if (w.endsAt <= t) {
      closed.push(w);
      meetingWindow = w;
    } else if (w.opensAt <= t) meetingWindow = w;
  }
  const status: PlanStatus = {
    code: 'up-to-date',
    schoolYear: calendar.schoolYear,
    review,
    reviewedThisSchoolYear: review.reviewedThisSchoolYear || lastMeeting >= calendar.startsAt,
    metThisWindow: meetingWindow !== undefined && hasMeetingFor(input.meetings, meetingWindow.id),
    missedWindows: [],
    ...(meetingWindow ? { meetingWindow } : {}),
  };
  if (input.graduated) return { ...status, code: 'graduated' };
  const drafted = review.draftedAt === undefined ? NaN : Date.parse(review.draftedAt);
  if (Number.isNaN(drafted)) return { ...status, code: input.hasPathway === false ? 'no-pathway' : 'no-plan' };

  status.missedWindows = closed.filter((w) => drafted < w.endsAt && !hasMeetingFor(input.meetings, w.id));
  const overdue = overdueReason(review, input.meetings, calendar, t);
  if (overdue) status.overdue = overdue;
  const open = meetingWindow !== undefined && meetingWindow.endsAt > t;
  status.code = overdue ? 'overdue' : open ? (status.metThisWindow ? 'met-this-window' : 'not-met-this-window') : 'up-to-date';
  return status;
}

/** The status words for a student: planStatus(...).code in the counselor's words. */
export function planStatusWords(status: Pick<PlanStatus, 'code'>): string {
  return PLAN_STATUS_WORDS[status.code];
}
