/**
 * The few facts the facts index keeps per record, cut from the full record when it is saved:
 * enough for a sweep over every student (reminders) without reading every student's files.
 */

/** plans: when the plan was first drafted and when it was reviewed. */
export interface PlanFacts {
  drafted?: string;
  reviews: string[];
}

/** profiles: role, name, grade, and what the school-year rollover reads (src/domain/school-year-rollover.ts). */
export interface ProfileFacts {
  role?: string;
  displayName?: string;
  /** The language the person chose ("es"); English when absent. */
  language?: string;
  /** A family member asked for reminders about their student's check-ins. */
  familyReminders?: boolean;
  grade?: number;
  gradeSetAt?: string;
  gradeSchoolYear?: string;
  graduatedIn?: string;
}

/** meetings: when counselor meetings happened and the review window each counts for. */
export interface MeetingFacts {
  meetings: { at: string; windowId?: string }[];
}

/** student-links: the student's counselors, and their school when known (a counselor at another school never sees them). */
export interface StudentLinkFacts {
  counselorKeys: string[];
  /** Linked family members (absent when none). */
  familyKeys?: string[];
  school?: string;
}

/** caseloads: the counselor's students. */
export interface CaseloadFacts {
  studentKeys: string[];
}

/** counselors: only that the record exists. */
export type CounselorFacts = Record<string, never>;

/** reminders-sent: the once-only claim of a reminder, and when it was sent. */
export interface SentFacts {
  state?: string;
  sentAt?: string;
}

export interface FactsByCollection {
  plans: PlanFacts;
  profiles: ProfileFacts;
  'student-links': StudentLinkFacts;
  caseloads: CaseloadFacts;
  counselors: CounselorFacts;
  'reminders-sent': SentFacts;
  meetings: MeetingFacts;
}

export type IndexedCollection = keyof FactsByCollection;

export const INDEXED_COLLECTIONS: readonly IndexedCollection[] = ['plans', 'profiles', 'student-links', 'caseloads', 'counselors', 'reminders-sent', 'meetings'];

export function isIndexed(collection: string): collection is IndexedCollection {
  return (INDEXED_COLLECTIONS as readonly string[]).includes(collection);
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const atOf = (v: unknown): string | undefined => {
  const at = (v as { at?: unknown } | null | undefined)?.at;
  return typeof at === 'string' ? at : undefined;
};

/** The facts of one stored record (a value of any shape: missing fields give empty facts). */
export function factsOf<C extends IndexedCollection>(collection: C, value: unknown): FactsByCollection[C];
export function factsOf(collection: IndexedCollection, value: unknown): FactsByCollection[IndexedCollection] {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  switch (collection) {
    case 'plans': {
      const versions = Array.isArray(v.versions) ? v.versions : [];
      const drafted = versions.length > 0 ? atOf(versions[0]) : undefined;
      const reviews = (Array.isArray(v.reviews) ? v.reviews : []).map(atOf).filter((a): a is string => a !== undefined);
      return drafted === undefined ? { reviews } : { drafted, reviews };
    }
    case 'profiles': {
      const out: ProfileFacts = {};
      if (typeof v.role === 'string') out.role = v.role;
      if (typeof v.displayName === 'string') out.displayName = v.displayName;
      if (typeof v.language === 'string') out.language = v.language;
      if (v.familyReminders === true) out.familyReminders = true;
      if (typeof v.grade === 'number') out.grade = v.grade;
      for (const k of ['gradeSetAt', 'gradeSchoolYear', 'graduatedIn'] as const) if (typeof v[k] === 'string') out[k] = v[k] as string;
      return out;
    }
    case 'student-links': {
      const family = strings(v.familyKeys);
      return {
        counselorKeys: strings(v.counselorKeys),
        ...(family.length > 0 ? { familyKeys: family } : {}),
        ...(typeof v.school === 'string' ? { school: v.school } : {}),
      };
    }
    case 'caseloads':
      return { studentKeys: strings(v.studentKeys) };
    case 'counselors':
      return {};
    case 'reminders-sent': {
      const out: SentFacts = {};
      if (typeof v.state === 'string') out.state = v.state;
      if (typeof v.sentAt === 'string') out.sentAt = v.sentAt;
      return out;
    }
    case 'meetings': {
      const meetings: MeetingFacts['meetings'] = [];
      for (const m of Array.isArray(v.meetings) ? v.meetings : []) {
        const at = atOf(m);
        if (at === undefined) continue;
        const windowId = (m as { windowId?: unknown }).windowId;
        meetings.push(typeof windowId === 'string' ? { at, windowId } : { at });
      }
      return { meetings };
    }
  }
}
