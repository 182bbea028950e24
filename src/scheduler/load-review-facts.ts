/**
 * Reads what a reminder sweep needs from the store, and no more: every plan's dates (draft and
 * reviews; the plan content is dropped at once), counselor meeting dates, students' grades (and
 * who graduated), students in grades 8-12 with no plan, and caseloads of authorised counselors.
 *
 * With the facts index (an IndexedStore), all of it comes from the folded index: no record file
 * is read. Without it (a plain store), every plan, profile and meeting record is read. Both give
 * the same facts.
 */
import type { Caseload } from '../domain/people.js';
import { MEETINGS, type MeetingRecord } from '../domain/meetings.js';
import type { Profile } from '../domain/profile.js';
import { MAKE_PLAN_GRADES, type MeetingDates, type PlanReviewDates, type StudentForReminders } from '../domain/reminders/index.js';
import type { IndexedFacts } from '../store/facts-log.js';
import { factsIndexOf } from '../store/indexed-store.js';
import type { Store } from '../store/store.js';

export interface ReviewFacts {
  /** One entry per stored plan (a plan is only ever kept for a student), and per student in grades 8-12 with none. */
  students: StudentForReminders[];
  /** Counselor key -> their students, for authorised counselors only. */
  caseloads: Map<string, string[]>;
  /** The folded facts index, when the store keeps one (names, roles, reminder claims). */
  index?: IndexedFacts;
}

export async function loadReviewFacts(store: Store): Promise<ReviewFacts> {
  const indexed = factsIndexOf(store);
  return indexed ? reviewFactsFromIndex(await indexed.facts()) : readReviewFacts(store);
}

/** Review facts from the folded index: the same answer as reading every record, without the reads. */
export function reviewFactsFromIndex(index: IndexedFacts): ReviewFacts {
  const caseloads = new Map<string, string[]>();
  const counselorsOf = new Map<string, string[]>();
  for (const [id, { studentKeys }] of index.caseloads) {
    if (!index.counselors.has(id)) continue;
    caseloads.set(id, studentKeys);
    for (const s of studentKeys) {
      let list = counselorsOf.get(s);
      if (!list) counselorsOf.set(s, (list = []));
      list.push(id);
    }
  }
  const students: StudentForReminders[] = [];
  for (const [id, p] of index.plans) {
    const plan: PlanReviewDates = { versions: p.drafted === undefined ? [] : [{ at: p.drafted }], reviews: p.reviews.map((at) => ({ at })) };
    students.push(withStudentFacts({ studentKey: id, plan, counselorKeys: counselorsOf.get(id) ?? [] }, index.profiles.get(id), index.meetings.get(id)));
  }
  for (const [id, p] of index.profiles) {
    if (!index.plans.has(id) && needsPlanReminder(p)) {
      students.push(withStudentFacts({ studentKey: id, counselorKeys: counselorsOf.get(id) ?? [] }, p, index.meetings.get(id)));
    }
  }
  return { students, caseloads, index };
}

interface GradeFacts {
  role?: string;
  grade?: number;
  graduatedIn?: string;
}

/** A student with no plan who is reminded to make one. */
function needsPlanReminder(p: Partial<GradeFacts>): boolean {
  return p.role === 'student' && p.graduatedIn === undefined && p.grade !== undefined && p.grade >= MAKE_PLAN_GRADES.from && p.grade <= MAKE_PLAN_GRADES.to;
}

function withStudentFacts(s: StudentForReminders, p: Partial<GradeFacts> | undefined, m: MeetingDates | undefined): StudentForReminders {
  if (p?.grade !== undefined) s.grade = p.grade;
  if (p?.graduatedIn !== undefined) s.graduated = true;
  if (m && m.meetings.length > 0) s.meetings = m;
  return s;
}

interface StoredPlanDates {
  versions?: { at: string }[];
  reviews?: { at: string }[];
}

/** The slow way: every plan file is read. */
async function readReviewFacts(store: Store): Promise<ReviewFacts> {
  const [planIds, caseloadRecords, counselorIds, profiles, meetingRecords] = await Promise.all([
    store.ids('plans'),
    store.list<Caseload>('caseloads'),
    store.ids('counselors'),
    store.list<Profile>('profiles'),
    store.list<MeetingRecord>(MEETINGS),
  ]);
  const profileOf = new Map(profiles.map((r) => [r.id, r.value]));
  const meetingsOf = new Map(meetingRecords.map((r) => [r.id, { meetings: (r.value.meetings ?? []).map((m) => ({ at: m.at, ...(m.windowId ? { windowId: m.windowId } : {}) })) }]));
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
      students.push(withStudentFacts({ studentKey: id, plan, counselorKeys: counselorsOf.get(id) ?? [] }, profileOf.get(id), meetingsOf.get(id)));
    }
  }
  const withPlan = new Set(planIds);
  for (const [id, p] of profileOf) {
    if (!withPlan.has(id) && needsPlanReminder(p)) students.push(withStudentFacts({ studentKey: id, counselorKeys: counselorsOf.get(id) ?? [] }, p, meetingsOf.get(id)));
  }
  return { students, caseloads };
}

/** Display names (or the user key when there is none) for a few user keys, with their roles. */
export interface NameFacts {
  name: string;
  role?: string;
  /** The language they chose ("es"); English when absent. */
  language?: string;
}

export async function loadNames(store: Store, userKeys: Iterable<string>, index?: IndexedFacts): Promise<Map<string, NameFacts>> {
  const out = new Map<string, NameFacts>();
  const keys = [...new Set(userKeys)];
  if (index) {
    for (const k of keys) {
      const p = index.profiles.get(k);
      out.set(k, { name: p?.displayName?.trim() || k, ...(p ? { role: p.role } : {}), ...(p?.language ? { language: p.language } : {}) });
    }
    return out;
  }
  const BATCH = 64;
  for (let i = 0; i < keys.length; i += BATCH) {
    await Promise.all(
      keys.slice(i, i + BATCH).map(async (k) => {
        const p = await store.get<Profile>('profiles', k);
        out.set(k, { name: p?.displayName?.trim() || k, ...(p ? { role: p.role } : {}), ...(p?.language ? { language: p.language } : {}) });
      }),
    );
  }
  return out;
}
