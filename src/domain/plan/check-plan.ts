/**
 * Checks a plan against graduation requirements (units by category, electives, total) and course
 * order, and says each problem in plain words. Pure.
 */
import { DEFAULT_LANGUAGE } from '../../i18n/language.js';
import { t, tIn } from '../../i18n/t.js';
import { describeViolation, orderViolations } from './course-order.js';
import type { Requirements } from './plan-data-types.js';
import { currentPlan } from './plan-history.js';
import type { Plan, PlanContent } from './plan-types.js';
import { listWords } from './grades.js';

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

/** "You have 2 of the 3 ... units you need": the key for one unit or more (0.5 reads "unit" too). */
function unitsKey(base: string, need: number): string {
  return need <= 1 ? `${base}One` : base;
}

/** Missouri's requirement categories have words in the catalogs (plan.categories.<id>). */
const CATEGORY_WORDS = new Set(['english', 'math', 'science', 'social-studies', 'fine-arts', 'practical-arts', 'physical-education', 'health', 'personal-finance']);

/**
 * A category's label in the turn's language. Only a label that is the one the catalog has in English
 * is translated: a district's own label (data/districts) is said as the district wrote it.
 */
function categoryLabel(c: { id: string; label: string }): string {
  if (!CATEGORY_WORDS.has(c.id)) return c.label;
  const key = `plan.categories.${c.id}`;
  return tIn(DEFAULT_LANGUAGE)(key) === c.label ? t(key) : c.label;
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
        message: t(unitsKey('plan.check.units', c.units), { have: formatUnits(have), need: formatUnits(c.units), category: categoryLabel(c) }),
      });
    } else {
      electives += have - c.units;
    }
  }
  if (electives < requirements.electiveUnits) {
    problems.push({
      kind: 'electives',
      message: t(unitsKey('plan.check.electives', requirements.electiveUnits), { have: formatUnits(electives), need: formatUnits(requirements.electiveUnits) }),
    });
  }
  if (total < requirements.totalUnits) {
    problems.push({
      kind: 'total-units',
      message: t('plan.check.total', { have: formatUnits(total), need: formatUnits(requirements.totalUnits) }),
    });
  }
  for (const v of orderViolations(content, requirements.order)) {
    problems.push({ kind: v.before ? 'course-order' : 'missing-course', course: v.after.name, message: describeViolation(v) });
  }
  return problems;
}

/**
 * What graduating takes, in one sentence: "at least 24 credits: 4 English Language Arts, 3 math,
 * ... and 7 electives" (for a student without a plan yet, or who asks in general).
 */
export function requirementsSentence(requirements: Requirements): string {
  const parts = requirements.categories.map((c) => t('plan.say.unitsOf', { units: formatUnits(c.units), label: categoryLabel(c) }));
  if (requirements.electiveUnits > 0) parts.push(t('plan.say.electives', { units: formatUnits(requirements.electiveUnits) }));
  return t('plan.say.graduationNeeds', { total: formatUnits(requirements.totalUnits), list: listWords(parts) });
}
