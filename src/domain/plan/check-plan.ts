/**
 * Checks a plan against graduation requirements (units by category, electives, total) and course
 * order, and says each problem in plain words. Pure.
 */
import { describeViolation, orderViolations } from './course-order.js';
import type { Requirements } from './plan-data-types.js';
import { currentPlan } from './plan-history.js';
import type { Plan, PlanContent } from './plan-types.js';

export interface PlanProblem {
  kind: 'units' | 'electives' | 'total-units' | 'course-order' | 'missing-course';
  message: string;
  /** Requirement category for unit problems. */
  category?: string;
  /** The course that is out of order or missing its earlier course. */
  course?: string;
}

export function formatUnits(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

function unitWord(n: number): string {
  return n <= 1 ? 'unit' : 'units';
}

/** Units per requirement category, counting only credit grades (high school). */
export function unitsByCategory(plan: PlanContent, requirements: Pick<Requirements, 'creditGrades'>): Map<string, number> {
  const sums = new Map<string, number>();
  for (const g of plan.grades) {
    if (g.grade < requirements.creditGrades.first || g.grade > requirements.creditGrades.last) continue;
    for (const items of Object.values(g.rows)) {
      for (const item of items) {
        if (item.units > 0) sums.set(item.category, (sums.get(item.category) ?? 0) + item.units);
      }
    }
  }
  return sums;
}

export function checkPlan(plan: Plan | PlanContent, requirements: Requirements): PlanProblem[] {
  const content = 'versions' in plan ? currentPlan(plan) : plan;
  const problems: PlanProblem[] = [];
  const sums = unitsByCategory(content, requirements);
  const required = new Set(requirements.categories.map((c) => c.id));
  let electives = 0;
  let total = 0;
  for (const [cat, units] of sums) {
    total += units;
    if (!required.has(cat)) electives += units;
  }
  for (const c of requirements.categories) {
    const have = sums.get(c.id) ?? 0;
    if (have < c.units) {
      problems.push({
        kind: 'units',
        category: c.id,
        message: `You have ${formatUnits(have)} of the ${formatUnits(c.units)} ${c.label} ${unitWord(c.units)} you need.`,
      });
    } else {
      electives += have - c.units;
    }
  }
  if (electives < requirements.electiveUnits) {
    problems.push({
      kind: 'electives',
      message: `You have ${formatUnits(electives)} of the ${formatUnits(requirements.electiveUnits)} elective ${unitWord(requirements.electiveUnits)} you need.`,
    });
  }
  if (total < requirements.totalUnits) {
    problems.push({
      kind: 'total-units',
      message: `You have ${formatUnits(total)} of the ${formatUnits(requirements.totalUnits)} units you need to graduate.`,
    });
  }
  for (const v of orderViolations(content, requirements.order)) {
    problems.push({ kind: v.before ? 'course-order' : 'missing-course', course: v.after.name, message: describeViolation(v) });
  }
  return problems;
}
