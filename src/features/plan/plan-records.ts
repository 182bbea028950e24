/**
 * Where the plan feature keeps things in the store:
 *   "plans"      id = student's user key: the Plan record (versions, reviews). Counselor, family
 *                and reminder features read it from here.
A change waiting for yes or no, a review going on and a goal being typed are the plan flow's state
 * (flows/plan.ts), kept in the session like every conversation.
 */
import type { CounselorRecord, StudentLinks } from '../../domain/people.js';
import type { Plan } from '../../domain/plan/index.js';
import type { Store } from '../../store/store.js';

export const PLANS = 'plans';

/** A proposed change older than this is not applied by a late "yes". */
export const PROPOSAL_MAX_AGE_MS = 60 * 60 * 1000;

export function loadPlan(store: Store, userKey: string): Promise<Plan | undefined> {
  return store.get<Plan>(PLANS, userKey);
}

export function savePlan(store: Store, userKey: string, plan: Plan): Promise<void> {
  return store.put(PLANS, userKey, plan);
}

/** The school of the student's first counselor, when a counselor has linked them. */
export async function schoolOf(store: Store, userKey: string): Promise<string | undefined> {
  const links = await store.get<StudentLinks>('student-links', userKey);
  for (const key of links?.counselorKeys ?? []) {
    const school = (await store.get<CounselorRecord>('counselors', key))?.school?.trim();
    if (school) return school;
  }
  return undefined;
}
