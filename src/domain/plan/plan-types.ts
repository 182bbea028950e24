/**
 * The Personal Plan of Study record and the shapes of the plan data files. Everything here is
 * plain JSON so the engine can store a Plan as one record (and its old versions as archive chunks).
 *
 * Grades are numbers: 6..12 are school grades, 13 and 14 are the first and second years after
 * high school.
 */
import { t } from '../../i18n/t.js';

/** The rows of a plan, in the order they are shown. */
export const PLAN_ROWS = [
  'english',
  'math',
  'science',
  'social-studies',
  'career-education',
  'other-courses',
  'work-based-learning',
  'activities',
] as const;
export type PlanRowId = (typeof PLAN_ROWS)[number];

/** A row's heading in the turn's language ("Additional Activities"). */
export function rowLabel(row: PlanRowId): string {
  return t(`plan.rows.${row}`);
}

export const FIRST_GRADE = 6;
export const LAST_GRADE = 14;

/** One thing in one cell of the plan: a course, a work-based learning step or an activity. */
export interface PlanItem {
  name: string;
  /** High school units (credits) this item earns; 0 for activities, middle school and college. */
  units: number;
  /** Requirement category it counts toward ("english", "science", ...), or "none". */
  category: string;
  /** True when the student typed a name we did not know: kept as written, counts no units. */
  custom?: boolean;
}

export interface GradePlan {
  grade: number;
  rows: Record<PlanRowId, PlanItem[]>;
}

export const OPTION_GROUPS = ['areaCareerCenter', 'communityCollege', 'fourYear', 'other'] as const;
export type OptionGroupId = (typeof OPTION_GROUPS)[number];

/** An option group's heading in the turn's language ("Area career center"). */
export function optionGroupLabel(group: OptionGroupId): string {
  return t(`plan.optionGroups.${group}`);
}

export type PostsecondaryOptions = Record<OptionGroupId, string[]>;

/** The whole plan at one moment (what each version stores). */
export interface PlanContent {
  frameworkId: string;
  pathId: string;
  clusterId: string;
  pathwayId: string;
  /** The student's grade when the plan was drafted. */
  currentGrade: number;
  /** First grade column (the current grade, or 9 for students already in high school). */
  firstGrade: number;
  /** One entry per grade, firstGrade..14, in order. */
  grades: GradePlan[];
  /** The postsecondary goal the student chose; "" until they choose. */
  goal: string;
  /** Ideas for a goal, from the template; shown while the goal is empty. */
  goalSuggestions: string[];
  options: PostsecondaryOptions;
  /** Names the student typed that we did not know and already pointed out (flag once). */
  flaggedNames: string[];
}

export interface PlanVersion {
  /** 1 for the draft, then 2, 3, ... */
  number: number;
  /** ISO 8601 time. */
  at: string;
  /** User key of who made it ("console:sam"). */
  by: string;
  /** One line: what this version changed. */
  summary: string;
  /** Version this one was built on (undo goes back to it); absent for the draft. */
  base?: number;
  /** For an undo: the version whose content was restored. */
  restores?: number;
  plan: PlanContent;
}

export interface PlanReview {
  at: string;
  by: string;
  /** The version that was current when the review was recorded. */
  version: number;
  /** One line per change made since the previous review (or since the draft). */
  changesSinceLastReview: string[];
}

/**
 * The stored record: one per student. It stays small however long the history grows: it holds the
 * draft (version 1, always first) and the newest versions; versions 2..archivedThrough live in
 * chunks of 20 in the "plan-archive" collection (see plan-archive.ts). A record saved before the
 * archive existed has every version inline and no archivedThrough; it is trimmed on its next save.
 * A Plan in memory may also hold archived versions read back for an undo or a review.
 */
export interface Plan {
  schemaVersion: 1;
  versions: PlanVersion[];
  reviews: PlanReview[];
  /** Versions up to this number (except the draft) are in the archive, not here. 0 or absent: none. */
  archivedThrough?: number;
}

/** One chunk of a plan's old versions: numbers (chunk-1)*20+1 .. chunk*20. Written once, never changed. */
export interface PlanArchiveChunk {
  schemaVersion: 1;
  chunk: number;
  versions: PlanVersion[];
}

/** Facts shown above a plan (chat views, PDF). Build with planHeader(). */
export interface PlanHeader {
  name?: string;
  school?: string;
  goal: string;
  path: string;
  cluster: string;
  pathway: string;
  lastReviewedAt?: string;
}
