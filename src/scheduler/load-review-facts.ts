/**
 * Reads what a reminder sweep needs from the store, and no more: every plan's dates (draft and
 * reviews; the plan content is dropped at once), counselor meeting dates, students' grades (and
 * who graduated), students in grades 8-12 with no plan, and caseloads of authorised counselors.
 *
 * With the facts index (an IndexedStore), all of it comes from the folded index: no record file
 * is read, and the students are made one at a time as a sweep goes through them. Without it (a
 * plain store), every plan, profile and meeting record is read. Both give the same facts.
 */
import type { Caseload } from '../domain/people.js';
import { MEETINGS, type MeetingRecord } from '../domain/meetings.js';
import type { Profile } from '../domain/profile.js';
import { MAKE_PLAN_GRADES, type MeetingDates, type PlanReviewDates, type StudentForReminders } from '../domain/reminders/index.js';
import type { IndexedFacts } from '../store/facts-log.js';
import { FactsTable } from '../store/facts-table.js';
import type { CaseloadFacts, CounselorFacts, MeetingFacts, PlanFacts, ProfileFacts } from '../store/record-facts.js';
import { factsIndexOf } from '../store/indexed-store.js';
import type { Store } from '../store/store.js';

export interface ReviewFacts {
  /**
   * One entry per stored plan (a plan is only ever kept for a student), and per student in grades
   * 8-12 with none. From the facts index, made one at a time as they are iterated (each iteration
   * reads the index anew), so a sweep over a million students never holds a million of them.
   */
  students: Iterable<StudentForReminders>;
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
  const { plans, profiles, meetings, caseloads: caseloadFacts, counselors } = index;
  if (plans instanceof FactsTable && profiles instanceof FactsTable && meetings instanceof FactsTable && caseloadFacts instanceof FactsTable && counselors instanceof FactsTable) {
    return fromTables(index, plans, profiles, meetings, caseloadFacts, counselors);
  }
  const caseloads = new Map<string, string[]>();
  const counselorsOf = new Map<string, string[]>();
  for (const [id, { studentKeys }] of caseloadFacts) {
    if (!counselors.has(id)) continue;
    caseloads.set(id, studentKeys);
    for (const s of studentKeys) {
      let list = counselorsOf.get(s);
      if (!list) counselorsOf.set(s, (list = []));
      list.push(id);
    }
  }
  function* students(): Generator<StudentForReminders> {
    for (const [id, p] of plans) {
      const plan: PlanReviewDates = { versions: p.drafted === undefined ? [] : [{ at: p.drafted }], reviews: p.reviews.map((at) => ({ at })) };
      yield withStudentFacts({ studentKey: id, plan, counselorKeys: counselorsOf.get(id) ?? [] }, profiles.get(id), meetings.get(id));
    }
    for (const [id, p] of profiles) {
      if (!plans.has(id) && needsPlanReminder(p)) yield withStudentFacts({ studentKey: id, counselorKeys: counselorsOf.get(id) ?? [] }, p, meetings.get(id));
    }
  }
  return { students: { [Symbol.iterator]: students }, caseloads, index };
}

/**
 * The same from the index's columns: students made from a few facts read by row (no whole facts
 * objects), and each student's counselors found by key slot, not by a map of a million keys.
 */
function fromTables(
  index: IndexedFacts,
  plans: FactsTable<PlanFacts>,
  profiles: FactsTable<ProfileFacts>,
  meetings: FactsTable<MeetingFacts>,
  caseloadFacts: FactsTable<CaseloadFacts>,
  counselors: FactsTable<CounselorFacts>,
): ReviewFacts {
  const keys = profiles.keyTable;
  const caseloads = new Map<string, string[]>();
  // The counselors of each student, by key slot: the first (+1) in an array, the others beside it.
  const first = new Int32Array(keys.size);
  const more = new Map<number, number[]>();
  for (const row of caseloadFacts.rows()) {
    const counselorSlot = caseloadFacts.slotOfRow(row);
    const id = keys.key(counselorSlot);
    if (!counselors.has(id)) continue;
    const studentKeys: string[] = [];
    caseloadFacts.eachListedSlot(row, 'studentKeys', (slot) => {
      studentKeys.push(keys.key(slot));
      if (slot >= first.length) return; // a key added since (an odd record's): no plan or profile row of the snapshot
      if (first[slot] === 0) first[slot] = counselorSlot + 1;
      else {
        let list = more.get(slot);
        if (!list) more.set(slot, (list = []));
        list.push(counselorSlot);
      }
    });
    caseloads.set(id, studentKeys);
  }
  // A student with one counselor shares that counselor's list (made once); nobody changes it.
  const alone = new Map<number, readonly string[]>();
  const none: readonly string[] = [];
  const counselorsOf = (slot: number): readonly string[] => {
    const c = slot < first.length ? first[slot]! : 0;
    if (c === 0) return none;
    const others = more.get(slot);
    if (!others) {
      let list = alone.get(c);
      if (!list) alone.set(c, (list = [keys.key(c - 1)]));
      return list;
    }
    return [keys.key(c - 1), ...others.map((o) => keys.key(o))];
  };
  const draftedMs = plans.msReader('drafted');
  const lastReviewMs = plans.msReader('reviews');
  const drafted = plans.reader('drafted');
  const reviews = plans.reader('reviews');
  const role = profiles.reader('role');
  const grade = profiles.reader('grade');
  const graduatedIn = profiles.reader('graduatedIn');
  const meetingList = meetings.reader('meetings');
  /** The student's grade and meetings, as withStudentFacts adds them. */
  const finish = (s: StudentForReminders, slot: number, profileRow: number): StudentForReminders => {
    if (profileRow >= 0) {
      const g = grade(profileRow) as number | undefined;
      if (g !== undefined) s.grade = g;
      if (graduatedIn(profileRow) !== undefined) s.graduated = true;
    }
    const m = meetings.rowOfSlot(slot);
    if (meetings.hasRow(m)) {
      const list = meetingList(m) as MeetingFacts['meetings'];
      if (list.length > 0) s.meetings = { meetings: list };
    }
    return s;
  };
  function* students(): Generator<StudentForReminders> {
    for (const row of plans.rows()) {
      const slot = plans.slotOfRow(row);
      const s: StudentForReminders = { studentKey: keys.key(slot), counselorKeys: counselorsOf(slot) };
      const ms = draftedMs(row);
      if (ms !== undefined) {
        // Times as numbers, as the columns keep them: nothing to parse.
        s.draftedMs = ms;
        s.lastReviewMs = lastReviewMs(row)!;
      } else {
        const d = drafted(row) as string | undefined;
        s.plan = { versions: d === undefined ? [] : [{ at: d }], reviews: ((reviews(row) as string[] | undefined) ?? []).map((at) => ({ at })) };
      }
      const p = profiles.rowOfSlot(slot);
      yield finish(s, slot, profiles.hasRow(p) ? p : -1);
    }
    for (const row of profiles.rows()) {
      const slot = profiles.slotOfRow(row);
      if (plans.hasRow(plans.rowOfSlot(slot))) continue;
      const p = { role: role(row) as string | undefined, grade: grade(row) as number | undefined, graduatedIn: graduatedIn(row) as string | undefined };
      if (needsPlanReminder(p)) yield finish({ studentKey: keys.key(slot), counselorKeys: counselorsOf(slot) }, slot, row);
    }
  }
  return { students: { [Symbol.iterator]: students }, caseloads, index };
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
  const profiles = index?.profiles;
  if (profiles instanceof FactsTable) {
    // Three facts read by row: no whole profile made per name (a dry run names every recipient).
    const name = profiles.reader('displayName');
    const role = profiles.reader('role');
    const language = profiles.reader('language');
    for (const k of userKeys) {
      if (out.has(k)) continue;
      const row = profiles.rowOfId(k);
      if (!profiles.hasRow(row)) {
        out.set(k, { name: k });
        continue;
      }
      const lang = language(row) as string | undefined;
      out.set(k, { name: (name(row) as string | undefined)?.trim() || k, role: role(row) as string | undefined, ...(lang ? { language: lang } : {}) });
    }
    return out;
  }
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
