/**
 * Where one student's plan stands with its reviews: no plan, reviewed in the window that is open,
 * due (a window is open and the plan was not reviewed since it opened), overdue (a window this
 * school year closed without a review since it opened, or no review at all last school year), or
 * up to date (no window open and nothing owed).
 *
 * Drafting a plan counts as meeting about it: a plan drafted inside a window needs no other
 * review in that window, and a window that closed before the plan existed is not missed. A late
 * review (after a window closed) makes up for the missed window.
 */
import type { ReviewPolicy } from './review-policy.js';
import { schoolCalendar, type ReviewWindow, type SchoolCalendar } from './school-calendar.js';

/** The parts of a Plan record the review rules read (a full Plan fits). */
export interface PlanReviewDates {
  /** versions[0].at is when the plan was drafted. */
  versions: ReadonlyArray<{ at: string }>;
  reviews: ReadonlyArray<{ at: string }>;
}

export type ReviewState = 'no-plan' | 'reviewed' | 'due' | 'overdue' | 'up-to-date';

export type OverdueReason =
  | { because: 'missed-window'; window: ReviewWindow; since: string }
  | { because: 'no-review-last-year'; since: string };

export interface ReviewStatus {
  state: ReviewState;
  /** "2025-26" */
  schoolYear: string;
  draftedAt?: string;
  /** Latest recorded review (drafting is not a review). */
  lastReviewAt?: string;
  /** A recorded review since this school year started: what counselors count. */
  reviewedThisSchoolYear: boolean;
  /** The window open now, and whether the plan was reviewed (or drafted) since it opened. */
  openWindow?: ReviewWindow & { reviewed: boolean };
  /** Why the plan is overdue (state "overdue" only). */
  overdue?: OverdueReason;
  /** The next window to open this school year, if any. */
  nextWindow?: ReviewWindow;
}

/** The latest valid time in the list: its ms and the string as stored. */
function latest(times: ReadonlyArray<{ at: string }>): { ms: number; at: string } | undefined {
  let best: { ms: number; at: string } | undefined;
  for (const t of times) {
    const ms = Date.parse(t.at);
    if (!Number.isNaN(ms) && (best === undefined || ms > best.ms)) best = { ms, at: t.at };
  }
  return best;
}

/** One student's review status at `now`. Pass a `calendar` from schoolCalendar when checking many students. */
export function reviewStatus(
  plan: PlanReviewDates | undefined,
  policy: ReviewPolicy,
  now: Date,
  calendar: SchoolCalendar = schoolCalendar(policy, now),
): ReviewStatus {
  const t = now.getTime();
  let open: ReviewWindow | undefined;
  let nextWindow: ReviewWindow | undefined;
  let closed: ReviewWindow | undefined;
  for (const w of calendar.windows) {
    if (w.endsAt <= t) closed = w;
    else if (w.opensAt <= t) open = w;
    else if (!nextWindow) nextWindow = w;
  }
  const status: ReviewStatus = { state: 'no-plan', schoolYear: calendar.schoolYear, reviewedThisSchoolYear: false };
  if (nextWindow) status.nextWindow = nextWindow;
  const draftAt = plan?.versions[0]?.at;
  const drafted = draftAt === undefined ? NaN : Date.parse(draftAt);
  if (!plan || Number.isNaN(drafted)) {
    if (open) status.openWindow = { ...open, reviewed: false };
    return status;
  }
  const lastReview = latest(plan.reviews);
  const lastTouch = lastReview && lastReview.ms > drafted ? lastReview.ms : drafted;
  status.draftedAt = draftAt;
  if (lastReview) {
    status.lastReviewAt = lastReview.at;
    status.reviewedThisSchoolYear = lastReview.ms >= calendar.startsAt;
  }
  if (open) status.openWindow = { ...open, reviewed: lastTouch >= open.opensAt };

  if (lastTouch < calendar.previousYearStartsAt) {
    status.overdue = { because: 'no-review-last-year', since: new Date(calendar.startsAt).toISOString() };
  } else if (closed && drafted < closed.endsAt && lastTouch < closed.opensAt) {
    status.overdue = { because: 'missed-window', window: closed, since: new Date(closed.endsAt).toISOString() };
  }
  status.state = status.overdue ? 'overdue' : open ? (status.openWindow!.reviewed ? 'reviewed' : 'due') : 'up-to-date';
  return status;
}

