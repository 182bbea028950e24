/**
 * Where the plan feature keeps things in the store:
 *   "plans"      id = student's user key: the Plan record (versions, reviews). Counselor, family
 *                and reminder features read it from here.
 *   "plan-chat"  id = student's user key: a change waiting for yes/no, and a review in progress.
 */
import type { CounselorRecord, StudentLinks } from '../../domain/people.js';
import type { Plan, PlanChange } from '../../domain/plan/index.js';
import type { Store } from '../../store/store.js';

export const PLANS = 'plans';
export const PLAN_CHAT = 'plan-chat';

/** A proposed change older than this is not applied by a late "yes". */
export const PROPOSAL_MAX_AGE_MS = 60 * 60 * 1000;

export interface PlanChatState {
  userKey: string;
  /** A change shown to the student and waiting for their yes or no. */
  proposal?: { change: PlanChange; at: string; version: number };
  /** Set while "review my plan" waits for the student to finish. */
  reviewStartedAt?: string;
}

export function loadPlan(store: Store, userKey: string): Promise<Plan | undefined> {
  return store.get<Plan>(PLANS, userKey);
}

export function savePlan(store: Store, userKey: string, plan: Plan): Promise<void> {
  return store.put(PLANS, userKey, plan);
}

export async function loadChatState(store: Store, userKey: string): Promise<PlanChatState> {
  return (await store.get<PlanChatState>(PLAN_CHAT, userKey)) ?? { userKey };
}

export async function saveChatState(store: Store, state: PlanChatState): Promise<void> {
  if (!state.proposal && !state.reviewStartedAt) {
    if ((await store.get(PLAN_CHAT, state.userKey)) !== undefined) await store.delete(PLAN_CHAT, state.userKey);
    return;
  }
  await store.put(PLAN_CHAT, state.userKey, state);
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
