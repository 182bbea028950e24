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

function latest(times: ReadonlyArray<{ at: string }>): number | undefined {
  let max: number | undefined;
  for (const t of times) {
    const ms = Date.parse(t.at);
    if (!Number.isNaN(ms) && (max === undefined || ms > max)) max = ms;
  }
  return max;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** One student's review status at `now`. */
export function reviewStatus(
  plan: PlanReviewDates | undefined,
  policy: ReviewPolicy,
  now: Date,
  calendar: SchoolCalendar = schoolCalendar(policy, now),
): ReviewStatus {
  const t = now.getTime();
  const open = calendar.windows.find((w) => w.opensAt <= t && t < w.endsAt);
  const nextWindow = calendar.windows.find((w) => w.opensAt > t);
  const base = { schoolYear: calendar.schoolYear, ...(nextWindow ? { nextWindow } : {}) };
  const drafted = plan ? draftTime(plan.versions) : undefined;
  if (!plan || drafted === undefined) {
    return { ...base, state: 'no-plan', reviewedThisSchoolYear: false, ...(open ? { openWindow: { ...open, reviewed: false } } : {}) };
  }
  const lastReview = latest(plan.reviews);
  const lastTouch = Math.max(drafted, lastReview ?? -Infinity);
  const facts = {
    ...base,
    draftedAt: iso(drafted),
    ...(lastReview !== undefined ? { lastReviewAt: iso(lastReview) } : {}),
    reviewedThisSchoolYear: lastReview !== undefined && lastReview >= calendar.startsAt,
    ...(open ? { openWindow: { ...open, reviewed: lastTouch >= open.opensAt } } : {}),
  };

  let overdue: OverdueReason | undefined;
  if (lastTouch < calendar.previousYearStartsAt) {
    overdue = { because: 'no-review-last-year', since: iso(calendar.startsAt) };
  } else {
    const closed = calendar.windows.filter((w) => w.endsAt <= t).pop();
    if (closed && drafted < closed.endsAt && lastTouch < closed.opensAt) {
      overdue = { because: 'missed-window', window: closed, since: iso(closed.endsAt) };
    }
  }
  if (overdue) return { ...facts, state: 'overdue', overdue };
  if (open) return { ...facts, state: facts.openWindow!.reviewed ? 'reviewed' : 'due' };
  return { ...facts, state: 'up-to-date' };
}

/** When the plan was drafted: the first version's time. */
function draftTime(versions: ReadonlyArray<{ at: string }>): number | undefined {
  const first = versions[0];
  if (!first) return undefined;
  const ms = Date.parse(first.at);
  return Number.isNaN(ms) ? undefined : ms;
}
