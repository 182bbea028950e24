/**
 * What "what's due" and "is he ok" need about one student, read from the store: name, grade,
 * plan, counselor meetings and where the student stands. Callers check access first
 * (src/features/people/links.ts).
 *
 * A student hears about their own check-in (reviewStatus). A family member hears the whole policy
 * the counselor sees (planStatus: a counselor meeting in each review window, a review each year),
 * so "what's due" for a parent says the meeting is still to come even after the student tapped
 * "looks right".
 */
import { MEETINGS, type MeetingRecord } from '../../domain/meetings.js';
import type { Plan } from '../../domain/plan/index.js';
import { isGraduated, type Profile } from '../../domain/profile.js';
import { planStatus, type PlanStatus, type ReviewPolicy, type ReviewStatus } from '../../domain/reminders/index.js';
import { schoolCalendar } from '../../domain/reminders/school-calendar.js';
import type { Store } from '../../store/store.js';

/** Collection of Plan records, id = student's user key (written by the plan feature). */
export const PLANS = 'plans';

export interface StudentFacts {
  key: string;
  name?: string;
  grade?: number;
  plan?: Plan;
  /** The student's own check-in. */
  review?: ReviewStatus;
  /** The whole policy, counselor meetings included (what counselors see). */
  status?: PlanStatus;
  /** Counselor meetings this school year, oldest first (ISO instants). */
  meetingsThisYear: string[];
}

function usablePlan(value: Plan | undefined): Plan | undefined {
  return value && Array.isArray(value.versions) && value.versions.length > 0 ? value : undefined;
}

export async function loadStudentFacts(store: Store, key: string, policy: ReviewPolicy, now: Date): Promise<StudentFacts> {
  const [profile, stored, meetings] = await Promise.all([
    store.get<Profile>('profiles', key),
    store.get<Plan>(PLANS, key),
    store.get<MeetingRecord>(MEETINGS, key),
  ]);
  const plan = usablePlan(stored);
  const name = profile?.displayName?.trim();
  const calendar = schoolCalendar(policy, now);
  const status = planStatus(
    { ...(plan ? { plan } : {}), ...(meetings ? { meetings } : {}), ...(profile?.choice ? { hasPathway: !!profile.choice.pathwayId } : {}), graduated: isGraduated(profile) },
    policy,
    now,
    calendar,
  );
  return {
    key,
    ...(name ? { name } : {}),
    ...(profile?.grade !== undefined ? { grade: profile.grade } : {}),
    ...(plan ? { plan } : {}),
    review: status.review,
    status,
    meetingsThisYear: (meetings?.meetings ?? [])
      .filter((m) => m.schoolYear === calendar.schoolYear)
      .map((m) => m.at)
      .sort(),
  };
}

/**
 * The review line a family member hears, from the whole policy: a window with no counselor
 * meeting yet is "due" (meet by the window's last day), a meeting in it is "reviewed", a missed
 * window is "overdue". Without a plan, or for a graduate, the student's own status stands.
 */
export function familyReview(facts: StudentFacts): ReviewStatus | undefined {
  const { review, status } = facts;
  if (!review || !status) return review;
  const window = status.meetingWindow;
  switch (status.code) {
    case 'overdue':
      return { ...review, state: 'overdue' };
    case 'not-met-this-window':
      return window ? { ...review, state: 'due', openWindow: { ...window, reviewed: false } } : review;
    case 'met-this-window':
      return window ? { ...review, state: 'reviewed', openWindow: { ...window, reviewed: true } } : review;
    case 'up-to-date':
      return { ...review, state: 'up-to-date' };
    default:
      return review;
  }
}
