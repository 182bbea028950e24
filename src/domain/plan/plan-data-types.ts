/**
 * Shapes of the plan data files (data/plans/, data/requirements/, data/districts/) after parsing,
 * and of PlanData: everything drafting, checking and changing a plan needs, built by
 * buildPlanData().
 */
import type { OptionGroupId, PlanRowId } from './plan-types.js';

/** A course in a catalog (core sequence, cluster template or district file). */
export interface CourseDef {
  name: string;
  units: number;
  /** Requirement category ("english", "fine-arts", "world-language", ...). */
  category: string;
  /** Row it goes in when a student adds it. */
  row: PlanRowId;
  aliases: string[];
  /** Can be in the plan more than once (Band, Physical Education). */
  repeatable: boolean;
}

export interface CourseInput {
  name: string;
  units: number;
  category: string;
  row?: PlanRowId;
  aliases?: string[];
  repeatable?: boolean;
}

export interface OrganizationDef {
  name: string;
  aliases: string[];
  /** First grade it is drafted in. */
  fromGrade: number;
}

/** "grade" -> row -> names. Grade keys are "6".."14". */
export type GradeCells = Record<string, Partial<Record<PlanRowId, string[]>>>;
/** "grade" -> names, for one row. */
export type GradeList = Record<string, string[]>;

export interface OrderRule {
  /** Course(s) that must come first; any one of them is enough. */
  before: string[];
  after: string;
}

export interface CoreSequence {
  file: string;
  courses: CourseInput[];
  organizations: OrganizationDef[];
  grades: GradeCells;
}

export type CoreAdaptation =
  | { replace: string; with: string }
  | { add: string; grade: number; row: PlanRowId };

export interface PathwayOverride {
  careerEducation?: GradeList;
  workBasedLearning?: GradeList;
  activities?: GradeList;
  organizations?: string[];
  postsecondaryOptions?: Partial<Record<OptionGroupId, string[]>>;
  goalSuggestions?: string[];
  coreAdaptations?: CoreAdaptation[];
}

export interface ClusterTemplate {
  file: string;
  clusterId: string;
  courses: CourseInput[];
  careerEducation: GradeList;
  workBasedLearning: GradeList;
  activities: GradeList;
  organizations: string[];
  postsecondaryOptions: Record<OptionGroupId, string[]>;
  goalSuggestions: string[];
  coreAdaptations: CoreAdaptation[];
  order: OrderRule[];
  pathways: Record<string, PathwayOverride>;
}

export interface RequirementCategory {
  id: string;
  /** Used in sentences: "You have 2 of the 3 science units you need." */
  label: string;
  units: number;
}

export interface Requirements {
  file: string;
  id: string;
  name: string;
  totalUnits: number;
  electiveUnits: number;
  categories: RequirementCategory[];
  /** Grades whose units count toward graduation; credit courses must sit in them. */
  creditGrades: { first: number; last: number };
  order: OrderRule[];
}

export interface District {
  file: string;
  id: string;
  name: string;
  requirements: Partial<Omit<Requirements, 'file' | 'order' | 'id'>> & { order?: OrderRule[] };
  catalog: CourseInput[];
}

/** Everything the plan functions need, validated and cross-checked. */
export interface PlanData {
  core: CoreSequence;
  templates: Record<string, ClusterTemplate>;
  /** Effective rules: state (or district) requirements plus template course order. */
  requirements: Requirements;
  /** Every known course by normalized name (district entries win). */
  catalog: CourseDef[];
  organizations: OrganizationDef[];
  /** Known non-course names (work-based learning, activities) with their row. */
  knownActivities: { name: string; row: PlanRowId }[];
  districtId?: string;
}
