/**
 * Where the plan feature keeps things in the store:
 *   "plans"        id = student's user key: the Plan record (the draft, the newest versions,
 *                  reviews). Counselor, family and reminder features read it from here.
 *   "plan-archive" id = `${userKey}#${chunk}`: older versions, 20 to a chunk, written once
 *                  (src/domain/plan/plan-archive.ts decides what moves out).
 * A change waiting for yes or no, a review going on and a goal being typed are the plan flow's state
 * (flows/plan.ts), kept in the session like every conversation.
 */
import type { CounselorRecord, StudentLinks } from '../../domain/people.js';
import type { Plan, PlanArchiveChunk, PlanVersion } from '../../domain/plan/index.js';
import { chunksToRead, splitForArchive, withArchivedVersions } from '../../domain/plan/plan-archive.js';
import { ArchivedVersionNeeded } from '../../domain/plan/plan-history.js';
import type { Store } from '../../store/store.js';

export const PLANS = 'plans';
export const PLAN_ARCHIVE = 'plan-archive';

/** A proposed change older than this is not applied by a late "yes". */
export const PROPOSAL_MAX_AGE_MS = 60 * 60 * 1000;

const chunkId = (userKey: string, chunk: number): string => `${userKey}#${chunk}`;

/** The plan record: the draft, the newest versions and the reviews (enough for every view). */
export function loadPlan(store: Store, userKey: string): Promise<Plan | undefined> {
  return store.get<Plan>(PLANS, userKey);
}

/**
 * Saves a plan. Versions that move out go to the archive first, then the trimmed record is
 * written: a save that stops in between leaves a chunk the next save writes again, the same.
 */
export async function savePlan(store: Store, userKey: string, plan: Plan): Promise<void> {
  const { record, chunks } = splitForArchive(plan);
  for (const c of chunks) await store.put(PLAN_ARCHIVE, chunkId(userKey, c.chunk), c);
  await store.put(PLANS, userKey, record);
}

/** `plan` with every archived version from number `from` on read back in. */
export async function withVersionsFrom(store: Store, userKey: string, plan: Plan, from: number): Promise<Plan> {
  const chunks: PlanArchiveChunk[] = [];
  for (const chunk of chunksToRead(plan, from)) {
    const stored = await store.get<PlanArchiveChunk>(PLAN_ARCHIVE, chunkId(userKey, chunk));
    if (!stored || !Array.isArray(stored.versions)) {
      throw new Error(`The plan archive record ${PLAN_ARCHIVE}/${chunkId(userKey, chunk)} is missing or empty, so old plan versions can't be read.`);
    }
    chunks.push(stored);
  }
  return chunks.length ? withArchivedVersions(plan, chunks) : plan;
}

/** Every version of the student's plan from number `from` on (all by default), oldest first. */
export async function loadPlanVersions(store: Store, userKey: string, from = 1): Promise<PlanVersion[]> {
  const plan = await loadPlan(store, userKey);
  if (!plan) return [];
  return (await withVersionsFrom(store, userKey, plan, from)).versions.filter((v) => v.number >= from);
}

/**
 * Runs `use` (undo, a review, ...) on the plan, reading back archived versions it asks for
 * (ArchivedVersionNeeded) until it has what it needs. Most of the time nothing is read.
 */
export async function withPlanHistory<T>(store: Store, userKey: string, plan: Plan, use: (plan: Plan) => T): Promise<T> {
  let inHand = plan;
  for (;;) {
    try {
      return use(inHand);
    } catch (err) {
      if (!(err instanceof ArchivedVersionNeeded)) throw err;
      const more = await withVersionsFrom(store, userKey, inHand, err.version);
      if (!more.versions.some((v) => v.number === err.version)) {
        throw new Error(`Version ${err.version} of the plan of ${userKey} is not in ${PLAN_ARCHIVE}, so old plan versions can't be read.`);
      }
      inHand = more;
    }
  }
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
