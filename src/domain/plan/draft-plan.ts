/**
 * Drafts a Personal Plan of Study for one pathway: the shared academic core adapted to the
 * cluster, the cluster's career education, work-based learning, activities and student
 * organizations (with pathway overrides), and postsecondary options. Pure.
 */
import type { Framework } from '../framework-types.js';
import { findCourse } from './build-plan-data.js';
import { normalizeName } from './course-names.js';
import { DEFAULT_LANGUAGE, withLanguage } from '../../i18n/language.js';
import { t } from '../../i18n/t.js';
import { gradeName } from './grades.js';
import type { CoreAdaptation, PlanData } from './plan-data-types.js';
import {
  LAST_GRADE,
  OPTION_GROUPS,
  PLAN_ROWS,
  type GradePlan,
  type Plan,
  type PlanContent,
  type PlanItem,
  type PlanRowId,
  type PostsecondaryOptions,
} from './plan-types.js';

export interface DraftPlanInput {
  framework: Framework;
  data: PlanData;
  pathwayId: string;
  /** The student's grade now, 6..12. Students past 9th also get 9th.. filled in to correct. */
  currentGrade: number;
  /** ISO 8601 time. */
  now: string;
  /** User key of who asked for the draft. */
  by: string;
}

/** The first grade column a plan has for a student in `currentGrade`. */
export function firstPlanGrade(currentGrade: number): number {
  return Math.min(currentGrade, 9);
}

export function draftPlanContent(input: Omit<DraftPlanInput, 'now' | 'by'>): PlanContent {
  const { framework, data, pathwayId, currentGrade } = input;
  if (!Number.isInteger(currentGrade) || currentGrade < 6 || currentGrade > 12) {
    throw new RangeError(`currentGrade must be a whole number from 6 to 12, not ${currentGrade}`);
  }
  const cluster = framework.clusters.find((c) => c.pathways.some((p) => p.id === pathwayId));
  if (!cluster) throw new RangeError(`unknown pathway "${pathwayId}"`);
  const template = data.templates[cluster.id];
  if (!template) throw new RangeError(`no plan template for cluster "${cluster.id}"`);
  const override = template.pathways[pathwayId] ?? {};
  const adaptations: CoreAdaptation[] = [...template.coreAdaptations, ...(override.coreAdaptations ?? [])];
  const organizations = (override.organizations ?? template.organizations).map(
    (n) => data.organizations.find((o) => normalizeName(o.name) === normalizeName(n))!,
  );

  const course = (name: string): PlanItem => {
    const c = findCourse(data, name);
    return c ? { name: c.name, units: c.units, category: c.category } : { name, units: 0, category: 'none' };
  };
  const activity = (name: string): PlanItem => ({ name, units: 0, category: 'none' });

  const firstGrade = firstPlanGrade(currentGrade);
  const grades: GradePlan[] = [];
  for (let g = firstGrade; g <= LAST_GRADE; g++) {
    const key = String(g);
    const names = {} as Record<PlanRowId, string[]>;
    for (const row of PLAN_ROWS) names[row] = [...(data.core.grades[key]?.[row] ?? [])];
    for (const a of adaptations) {
      if ('replace' in a) {
        for (const row of PLAN_ROWS) {
          names[row] = names[row].map((n) => (normalizeName(n) === normalizeName(a.replace) ? a.with : n));
        }
      } else if (a.grade === g) {
        names[a.row].push(a.add);
      }
    }
    names['career-education'] = [...(override.careerEducation?.[key] ?? template.careerEducation[key] ?? [])];
    names['work-based-learning'] = [...(override.workBasedLearning?.[key] ?? template.workBasedLearning[key] ?? [])];
    names.activities = [
      ...(g <= 12 ? organizations.filter((o) => g >= o.fromGrade).map((o) => o.name) : []),
      ...(override.activities?.[key] ?? template.activities[key] ?? []),
    ];
    const rows = {} as Record<PlanRowId, PlanItem[]>;
    for (const row of PLAN_ROWS) {
      const make = row === 'work-based-learning' || row === 'activities' ? activity : course;
      rows[row] = names[row].map(make);
    }
    grades.push({ grade: g, rows });
  }

  const options = {} as PostsecondaryOptions;
  for (const group of OPTION_GROUPS) {
    options[group] = [...(override.postsecondaryOptions?.[group] ?? template.postsecondaryOptions[group])];
  }

  return {
    frameworkId: framework.id,
    pathId: cluster.pathId,
    clusterId: cluster.id,
    pathwayId,
    currentGrade,
    firstGrade,
    grades,
    goal: '',
    goalSuggestions: [...(override.goalSuggestions ?? template.goalSuggestions)],
    options,
    flaggedNames: [],
  };
}

/** Drafts a new plan record: version 1, no reviews, goal empty until the student chooses. */
export function draftPlan(input: DraftPlanInput): Plan {
  const plan = draftPlanContent(input);
  const pathway = input.framework.clusters.flatMap((c) => c.pathways).find((p) => p.id === input.pathwayId)!;
  return {
    schemaVersion: 1,
    versions: [
      {
        number: 1,
        at: input.now,
        by: input.by,
        // Stored with the version: always in English.
        summary: withLanguage(DEFAULT_LANGUAGE, () => t('plan.changes.drafted', { pathway: pathway.name, grade: gradeName(plan.firstGrade) })),
        plan,
      },
    ],
    reviews: [],
  };
}
