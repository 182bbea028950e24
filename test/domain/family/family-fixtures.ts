/** The real family data files, and small hand-made plans and review statuses for the family tests. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFamilyQuestions, parseGradeActions } from '../../../src/domain/family/index.js';
import { PLAN_ROWS, type GradePlan, type Plan, type PlanItem, type PlanRowId } from '../../../src/domain/plan/index.js';
import { parseReviewPolicy, type ReviewStatus } from '../../../src/domain/reminders/index.js';

const read = (file: string) => JSON.parse(readFileSync(path.resolve('data', file), 'utf8')) as unknown;

export const GRADE_ACTIONS_JSON = read('grade-actions.json') as { bands: Record<string, unknown>[] };
export const gradeActions = parseGradeActions(GRADE_ACTIONS_JSON, 'data/grade-actions.json');
export const FAMILY_QUESTIONS_JSON = read('family-questions.json') as { questions: Record<string, unknown>[] };
export const familyQuestions = parseFamilyQuestions(FAMILY_QUESTIONS_JSON, 'data/family-questions.json');
export const reviewPolicy = parseReviewPolicy(read('review-policy.json'), 'data/review-policy.json', 'America/Chicago');

export const ALL_GRADES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14];

const item = (name: string, category = 'none'): PlanItem => ({ name, units: 0, category });

/** A plan from `firstGrade` to 14 whose cells name their grade: "English 9", "Job shadow day (9)". */
export function makePlan(firstGrade = 6, opts: { goal?: string; draftedAt?: string; reviews?: string[] } = {}): Plan {
  const grades: GradePlan[] = [];
  for (let g = firstGrade; g <= 14; g++) {
    const rows = Object.fromEntries(PLAN_ROWS.map((r) => [r, [] as PlanItem[]])) as Record<PlanRowId, PlanItem[]>;
    rows.english = [item(`English ${g}`, 'english')];
    rows.math = [item(`Math ${g}`, 'math')];
    rows['work-based-learning'] = g >= 9 ? [item(`Job shadow day (${g})`)] : [];
    rows.activities = g >= 9 ? [item(`FFA (${g})`)] : [];
    grades.push({ grade: g, rows });
  }
  const at = opts.draftedAt ?? '2026-08-20T15:00:00.000Z';
  return {
    schemaVersion: 1,
    versions: [
      {
        number: 1,
        at,
        by: 'console:jordan',
        summary: 'Drafted the plan.',
        plan: {
          frameworkId: 'missouri',
          pathId: 'natural-resources-agriculture',
          clusterId: 'agriculture',
          pathwayId: 'animal-systems',
          currentGrade: firstGrade,
          firstGrade,
          grades,
          goal: opts.goal ?? '',
          goalSuggestions: [],
          options: { areaCareerCenter: [], communityCollege: [], fourYear: [], other: [] },
          flaggedNames: [],
        },
      },
    ],
    reviews: (opts.reviews ?? []).map((r) => ({ at: r, by: 'console:jordan', version: 1, changesSinceLastReview: [] })),
  };
}

/** A review status as reviewStatus() would give it, for one state. */
export function status(state: ReviewStatus['state'], extra: Partial<ReviewStatus> = {}): ReviewStatus {
  return { state, schoolYear: '2026-27', reviewedThisSchoolYear: false, ...extra };
}

export const FALL = { id: '2026-27-fall', label: 'fall', firstDay: '2026-09-15', lastDay: '2026-11-15', opensAt: 0, endsAt: 0 };
export const SPRING = { id: '2026-27-spring', label: 'spring', firstDay: '2027-02-01', lastDay: '2027-04-15', opensAt: 0, endsAt: 0 };
