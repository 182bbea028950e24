/**
 * What "what's due" needs about one student, read from the store: name, grade, plan and review
 * status. Callers check access first (src/features/people/links.ts).
 */
import type { Plan } from '../../domain/plan/index.js';
import type { Profile } from '../../domain/profile.js';
import { reviewStatus, type ReviewPolicy, type ReviewStatus } from '../../domain/reminders/index.js';
import type { Store } from '../../store/store.js';

/** Collection of Plan records, id = student's user key (written by the plan feature). */
export const PLANS = 'plans';

export interface StudentFacts {
  key: string;
  name?: string;
  grade?: number;
  plan?: Plan;
  review?: ReviewStatus;
}

function usablePlan(value: Plan | undefined): Plan | undefined {
  return value && Array.isArray(value.versions) && value.versions.length > 0 ? value : undefined;
}

export async function loadStudentFacts(store: Store, key: string, policy: ReviewPolicy, now: Date): Promise<StudentFacts> {
  const [profile, stored] = await Promise.all([store.get<Profile>('profiles', key), store.get<Plan>(PLANS, key)]);
  const plan = usablePlan(stored);
  const name = profile?.displayName?.trim();
  return {
    key,
    ...(name ? { name } : {}),
    ...(profile?.grade !== undefined ? { grade: profile.grade } : {}),
    ...(plan ? { plan } : {}),
    review: reviewStatus(plan, policy, now),
  };
}
