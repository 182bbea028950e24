/**
 * Reads what a reminder sweep needs from the store, and no more: every plan's dates (draft and
 * reviews; the plan content is dropped at once), and caseloads of authorised counselors. Names are
 * read later, only for the people who get a message.
 */
import type { Caseload } from '../domain/people.js';
import type { Profile } from '../domain/profile.js';
import type { PlanReviewDates, StudentForReminders } from '../domain/reminders/index.js';
import type { Store } from '../store/store.js';

export interface ReviewFacts {
  /** One entry per stored plan (a plan is only ever kept for a student). */
  students: StudentForReminders[];
  /** Counselor key -> their students, for authorised counselors only. */
  caseloads: Map<string, string[]>;
}

interface StoredPlanDates {
  versions?: { at: string }[];
  reviews?: { at: string }[];
}

export async function loadReviewFacts(store: Store): Promise<ReviewFacts> {
  const [planIds, caseloadRecords, counselorIds] = await Promise.all([
    store.ids('plans'),
    store.list<Caseload>('caseloads'),
    store.ids('counselors'),
  ]);
  const authorised = new Set(counselorIds);
  const caseloads = new Map<string, string[]>();
  const counselorsOf = new Map<string, string[]>();
  for (const { id, value } of caseloadRecords) {
    if (!authorised.has(id)) continue;
    const keys = value.studentKeys ?? [];
    caseloads.set(id, keys);
    for (const s of keys) {
      let list = counselorsOf.get(s);
      if (!list) counselorsOf.set(s, (list = []));
      list.push(id);
    }
  }
  // Plans are read in batches and cut down to their dates at once, so a sweep never holds every
  // full plan in memory.
  const students: StudentForReminders[] = [];
  const BATCH = 256;
  for (let i = 0; i < planIds.length; i += BATCH) {
    const part = await Promise.all(planIds.slice(i, i + BATCH).map(async (id) => ({ id, value: await store.get<StoredPlanDates>('plans', id) })));
    for (const { id, value } of part) {
      if (!value) continue;
      const first = value.versions?.[0];
      const plan: PlanReviewDates = {
        versions: first ? [{ at: first.at }] : [],
        reviews: (value.reviews ?? []).map((r) => ({ at: r.at })),
      };
      students.push({ studentKey: id, plan, counselorKeys: counselorsOf.get(id) ?? [] });
    }
  }
  return { students, caseloads };
}

/** Display names (or the user key when there is none) for a few user keys, with their roles. */
export async function loadNames(store: Store, userKeys: Iterable<string>): Promise<Map<string, { name: string; role?: string }>> {
  const out = new Map<string, { name: string; role?: string }>();
  const keys = [...new Set(userKeys)];
  const BATCH = 64;
  for (let i = 0; i < keys.length; i += BATCH) {
    await Promise.all(
      keys.slice(i, i + BATCH).map(async (k) => {
        const p = await store.get<Profile>('profiles', k);
        out.set(k, { name: p?.displayName?.trim() || k, ...(p ? { role: p.role } : {}) });
      }),
    );
  }
  return out;
}
