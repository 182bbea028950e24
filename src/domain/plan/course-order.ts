/**
 * Course order: "Geometry comes after Algebra I". Finds where a plan breaks the order rules. Used by
 * the checker (to report) and by changes (to refuse a move that would break the order).
 */
import { normalizeName } from './course-names.js';
import { t } from '../../i18n/t.js';
import { gradeName, listWords } from './grades.js';
import type { OrderRule } from './plan-data-types.js';
import type { PlanContent } from './plan-types.js';

export interface OrderViolation {
  rule: OrderRule;
  after: { name: string; grade: number };
  /** The earliest of the rule's "before" courses in the plan; absent when none is in the plan. */
  before?: { name: string; grade: number };
}

/** Earliest grade of each course in the plan, by normalized name. */
export function courseGrades(plan: PlanContent): Map<string, { name: string; grade: number }> {
  const at = new Map<string, { name: string; grade: number }>();
  for (const g of plan.grades) {
    for (const items of Object.values(g.rows)) {
      for (const item of items) {
        const key = normalizeName(item.name);
        if (!at.has(key)) at.set(key, { name: item.name, grade: g.grade });
      }
    }
  }
  return at;
}

export function orderViolations(plan: PlanContent, rules: OrderRule[]): OrderViolation[] {
  const at = courseGrades(plan);
  const out: OrderViolation[] = [];
  for (const rule of rules) {
    const after = at.get(normalizeName(rule.after));
    if (!after) continue;
    const befores = rule.before
      .map((b) => at.get(normalizeName(b)))
      .filter((b): b is { name: string; grade: number } => !!b)
      .sort((a, b) => a.grade - b.grade);
    const before = befores[0];
    if (!before) out.push({ rule, after });
    else if (before.grade >= after.grade) out.push({ rule, after, before });
  }
  return out;
}

/** "Algebra II comes after Geometry. Right now Geometry is in 11th and Algebra II is in 10th." */
export function describeViolation(v: OrderViolation): string {
  const first = listWords(v.rule.before, 'or');
  if (!v.before) {
    return t(v.rule.before.length > 1 ? 'plan.check.missingAny' : 'plan.check.missingOne', { after: v.after.name, first });
  }
  if (v.before.grade === v.after.grade) {
    return t('plan.check.bothInGrade', { after: v.after.name, before: v.before.name, grade: gradeName(v.after.grade) });
  }
  return t('plan.check.outOfOrder', {
    after: v.after.name,
    before: v.before.name,
    beforeGrade: gradeName(v.before.grade),
    afterGrade: gradeName(v.after.grade),
  });
}

/** A stable key so two lists of violations can be compared. */
export function violationKey(v: OrderViolation): string {
  return `${normalizeName(v.rule.after)}<${v.rule.before.map(normalizeName).join('|')}:${v.before ? 'order' : 'missing'}`;
}
