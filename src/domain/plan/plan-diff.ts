/**
 * What is different between two moments of a plan, in the same one-line words the changes use
 * ("Moved Chemistry from 11th to 12th."). A change that was later undone leaves no line, so a
 * review lists what really changed, not every step on the way. Pure.
 */
import { normalizeName } from './course-names.js';
import { t } from '../../i18n/t.js';
import { gradeName, gradesWhere } from './grades.js';
import { PLAN_ROWS, rowLabel, type PlanContent, type PlanRowId } from './plan-types.js';

interface Spot {
  grade: number;
  row: PlanRowId;
  name: string;
}

function spots(plan: PlanContent): Map<string, Spot[]> {
  const out = new Map<string, Spot[]>();
  for (const g of plan.grades) {
    for (const row of PLAN_ROWS) {
      for (const item of g.rows[row]) {
        const key = normalizeName(item.name);
        out.set(key, [...(out.get(key) ?? []), { grade: g.grade, row, name: item.name }]);
      }
    }
  }
  return out;
}

/** `a` minus `b`, matching spots by grade (one for one). */
function minus(a: Spot[], b: Spot[]): Spot[] {
  const left = [...b];
  return a.filter((s) => {
    const i = left.findIndex((t) => t.grade === s.grade);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

const where = gradesWhere;

/** One line per difference, earliest grade first; the goal last. Empty when the plans match. */
export function planDifferences(before: PlanContent, after: PlanContent): string[] {
  const was = spots(before);
  const now = spots(after);
  const added: Spot[][] = [];
  const removed: Spot[][] = [];
  const lines: { grade: number; text: string }[] = [];
  for (const key of new Set([...was.keys(), ...now.keys()])) {
    const a = was.get(key) ?? [];
    const b = now.get(key) ?? [];
    const gone = minus(a, b);
    const came = minus(b, a);
    if (gone.length === 1 && came.length === 1) {
      lines.push({ grade: came[0]!.grade, text: t('plan.changes.moved', { name: came[0]!.name, from: gradeName(gone[0]!.grade), to: gradeName(came[0]!.grade) }) });
      continue;
    }
    if (came.length > 0) added.push(came);
    if (gone.length > 0) removed.push(gone);
  }
  // One thing out and one thing in, in the same grade and row: a swap.
  for (const out of [...removed]) {
    if (out.length !== 1) continue;
    const spot = out[0]!;
    const inn = added.find((s) => s.length === 1 && s[0]!.grade === spot.grade && s[0]!.row === spot.row);
    if (!inn) continue;
    removed.splice(removed.indexOf(out), 1);
    added.splice(added.indexOf(inn), 1);
    lines.push({ grade: spot.grade, text: t('plan.changes.swappedFor', { old: spot.name, new: inn[0]!.name, grade: gradeName(spot.grade) }) });
  }
  for (const s of added) {
    lines.push({ grade: s[0]!.grade, text: t('plan.changes.added', { name: s[0]!.name, row: rowLabel(s[0]!.row), where: where(s.map((x) => x.grade)) }) });
  }
  for (const s of removed) lines.push({ grade: s[0]!.grade, text: t('plan.changes.removed', { names: s[0]!.name, where: where(s.map((x) => x.grade)) }) });
  const out = lines.sort((x, y) => x.grade - y.grade).map((l) => l.text);
  if (before.goal !== after.goal) {
    out.push(after.goal ? t('plan.changes.setGoal', { goal: after.goal }).replace(/\.\.$/, '.') : t('plan.changes.clearedGoal'));
  }
  return out;
}
