/**
 * Small helpers the change functions share: finding items in a plan, resolving typed names, and
 * deciding whether an item may sit in a grade (credit grades, course order).
 */
import { findCourse } from './build-plan-data.js';
import { matchName, normalizeName, type NameMatch } from './course-names.js';
import { orderViolations, violationKey, describeViolation } from './course-order.js';
import { t } from '../../i18n/t.js';
import { gradeLong, gradeName, listWords } from './grades.js';
import type { PlanData } from './plan-data-types.js';
import { PLAN_ROWS, type PlanContent, type PlanItem, type PlanRowId } from './plan-types.js';

export interface ItemAt {
  grade: number;
  row: PlanRowId;
  item: PlanItem;
}

export function itemsOf(plan: PlanContent): ItemAt[] {
  return plan.grades.flatMap((g) => PLAN_ROWS.flatMap((row) => g.rows[row].map((item) => ({ grade: g.grade, row, item }))));
}

export function occurrences(plan: PlanContent, name: string): ItemAt[] {
  const key = normalizeName(name);
  return itemsOf(plan).filter((i) => normalizeName(i.item.name) === key);
}

/**
 * Matches typed words against the names already in the plan. A near match is not used when the
 * words name another known course exactly ("Algebra I" is not a typo for "Algebra II").
 */
export function matchInPlan(plan: PlanContent, typed: string, data: PlanData): NameMatch {
  const names = [...new Set(itemsOf(plan).map((i) => i.item.name))];
  // Other ways to write a planned course or club ("PE", "chem", "Future Farmers of America").
  const aliases = (name: string) => findCourse(data, name)?.aliases ?? data.organizations.find((o) => o.name === name)?.aliases ?? [];
  const m = matchName(typed, names.map((name) => ({ name, aliases: aliases(name) })));
  if (m.kind === 'found' && m.how === 'typo') {
    const exactly = findCourse(data, typed);
    if (exactly && normalizeName(exactly.name) !== normalizeName(m.name)) return { kind: 'none' };
  }
  return m;
}

export type KnownThing =
  | { kind: 'known'; item: PlanItem; row: PlanRowId }
  | { kind: 'ambiguous'; names: string[] }
  | { kind: 'unknown' };

/** Matches typed words against the plan, the course catalog, organizations and activities. */
export function matchKnown(plan: PlanContent, data: PlanData, typed: string): KnownThing {
  const inPlan = itemsOf(plan);
  const candidates = [
    ...data.catalog.map((c) => ({ name: c.name, aliases: c.aliases })),
    ...data.organizations.map((o) => ({ name: o.name, aliases: o.aliases })),
    ...data.knownActivities.map((a) => ({ name: a.name })),
    ...inPlan.map((i) => ({ name: i.item.name })),
  ];
  const m = matchName(typed, candidates);
  if (m.kind === 'ambiguous') return m;
  if (m.kind === 'none') return { kind: 'unknown' };
  const course = findCourse(data, m.name);
  if (course) return { kind: 'known', item: { name: course.name, units: course.units, category: course.category }, row: course.row };
  const planned = inPlan.find((i) => i.item.name === m.name);
  if (planned) return { kind: 'known', item: { ...planned.item }, row: planned.row };
  const org = data.organizations.find((o) => o.name === m.name);
  if (org) return { kind: 'known', item: { name: org.name, units: 0, category: 'none' }, row: 'activities' };
  const act = data.knownActivities.find((a) => a.name === m.name)!;
  return { kind: 'known', item: { name: act.name, units: 0, category: 'none' }, row: act.row };
}

export function didYouMean(names: string[]): string {
  return t('plan.refuse.didYouMean', { names: listWords(names, 'or') });
}

export function cloneContent(plan: PlanContent): PlanContent {
  return structuredClone(plan);
}

export function gradeOf(plan: PlanContent, grade: number) {
  return plan.grades.find((g) => g.grade === grade);
}

/** A reason the grade is outside the plan, or undefined. */
export function outsidePlan(plan: PlanContent, grade: number): string | undefined {
  if (gradeOf(plan, grade)) return undefined;
  return t('plan.refuse.outsidePlan', { first: gradeLong(plan.firstGrade), grade: gradeLong(grade) });
}

export interface Placed {
  name: string;
  grade: number;
}

/**
 * Why `candidate` may not keep the items just placed (refusal reason), plus warnings for missing
 * earlier courses that the change caused. `verb` is "move to" or "go in".
 */
export function placementProblems(
  before: PlanContent,
  candidate: PlanContent,
  placed: Placed[],
  data: PlanData,
  verb: 'move to' | 'go in',
): { refusal?: string; warnings: string[] } {
  const old = new Set(orderViolations(before, data.requirements.order).map(violationKey));
  const fresh = orderViolations(candidate, data.requirements.order).filter((v) => !old.has(violationKey(v)));
  const touched = (n: string) => placed.find((p) => normalizeName(p.name) === normalizeName(n));
  for (const v of fresh) {
    if (!v.before) continue;
    const asAfter = touched(v.after.name);
    if (asAfter) {
      const key = verb === 'move to' ? 'plan.refuse.cantMoveAfter' : 'plan.refuse.cantGoAfter';
      return { refusal: t(key, { name: asAfter.name, grade: gradeName(asAfter.grade), before: v.before.name }), warnings: [] };
    }
    const asBefore = touched(v.before.name);
    if (asBefore) {
      return {
        refusal: t(verb === 'move to' ? 'plan.refuse.cantMoveBefore' : 'plan.refuse.cantGoBefore', {
          name: asBefore.name,
          grade: gradeName(asBefore.grade),
          after: v.after.name,
          afterGrade: gradeName(v.after.grade),
        }),
        warnings: [],
      };
    }
  }
  const { first, last } = data.requirements.creditGrades;
  for (const p of placed) {
    const units = gradeOf(candidate, p.grade)
      ? occurrences(candidate, p.name).find((o) => o.grade === p.grade)?.item.units ?? 0
      : 0;
    if (units > 0 && (p.grade < first || p.grade > last)) {
      return { refusal: t('plan.refuse.highSchoolOnly', { name: p.name, first: gradeName(first), last: gradeName(last) }), warnings: [] };
    }
  }
  return { warnings: missingWarnings(fresh.filter((v) => !v.before)) };
}

/** One "Heads up" per missing earlier course: "Geometry, Chemistry and Physics come after Algebra I, ...". */
function missingWarnings(missing: ReturnType<typeof orderViolations>): string[] {
  const byBefore = new Map<string, typeof missing>();
  for (const v of missing) {
    const key = v.rule.before.map(normalizeName).join('|');
    byBefore.set(key, [...(byBefore.get(key) ?? []), v]);
  }
  return [...byBefore.values()].map((vs) => {
    if (vs.length === 1) return t('plan.check.headsUp', { problem: describeViolation(vs[0]!) });
    const first = listWords(vs[0]!.rule.before, 'or');
    const key = vs[0]!.rule.before.length > 1 ? 'plan.check.headsUpManyAny' : 'plan.check.headsUpManyOne';
    return t(key, { afters: listWords(vs.map((v) => v.after.name)), first });
  });
}
