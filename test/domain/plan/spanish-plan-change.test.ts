import { beforeAll, describe, expect, it } from '@jest/globals';
import { applyPlanChange, type ApplyResult } from '../../../src/domain/plan/apply-plan-change.js';
import { draftPlan } from '../../../src/domain/plan/draft-plan.js';
import { parsePlanChange } from '../../../src/domain/plan/parse-plan-change.js';
import { currentPlan } from '../../../src/domain/plan/plan-history.js';
import type { PlanData } from '../../../src/domain/plan/plan-data-types.js';
import type { Plan, PlanRowId } from '../../../src/domain/plan/plan-types.js';
import { withLanguage } from '../../../src/i18n/language.js';
import { BY, framework, loadPlanData, NOW } from './plan-fixtures.js';

let data: PlanData;
let draft: Plan;
beforeAll(async () => {
  data = await loadPlanData();
  draft = draftPlan({ framework, data, pathwayId: 'health-science.therapeutic-services', currentGrade: 9, now: NOW, by: BY });
});

function change(plan: Plan, words: string): Extract<ApplyResult, { ok: true }> {
  const parsed = parsePlanChange(words);
  if (!parsed) throw new Error(`not understood: ${words}`);
  const r = withLanguage('es', () => applyPlanChange(plan, parsed, { now: '2026-09-02T10:00:00.000Z', by: BY, data }));
  if (!r.ok) throw new Error(`refused "${words}": ${r.reason}`);
  return r;
}
const cell = (plan: Plan, grade: number, row: PlanRowId) => currentPlan(plan).grades.find((g) => g.grade === grade)!.rows[row].map((i) => i.name);

describe('a student changes the plan in Spanish', () => {
  it('reads add, remove, move and swap the way a Spanish speaker types them, with Spanish grade words', () => {
    expect(parsePlanChange('agrega club de robótica en 10')).toEqual({ kind: 'add', name: 'club de robótica', grade: 10 });
    expect(parsePlanChange('añade FFA en 10.º grado')).toEqual({ kind: 'add', name: 'FFA', grade: 10 });
    expect(parsePlanChange('por favor quita coro del 9')).toEqual({ kind: 'remove', name: 'coro', grade: 9 });
    expect(parsePlanChange('pasa química de 11.º a 12.º')).toEqual({ kind: 'move', name: 'química', fromGrade: 11, toGrade: 12 });
    expect(parsePlanChange('mueve química al duodécimo grado')).toEqual({ kind: 'move', name: 'química', toGrade: 12 });
    expect(parsePlanChange('cambia arte por banda en 11')).toEqual({ kind: 'swap', take: 'arte', put: 'banda', grade: 11 });
  });

  it('knows the usual classes by their Spanish names ("química" is Chemistry) and answers in Spanish', () => {
    const moved = change(draft, 'mueve química a 12');
    expect(cell(moved.plan, 12, 'science')).toContain('Chemistry');
    expect(moved.confirmation).toMatch(/Chemistry/);
    expect(moved.confirmation).not.toMatch(/\bMoved\b/);
    const removed = change(draft, 'quita educación física');
    expect(currentPlan(removed.plan).grades.flatMap((g) => Object.values(g.rows).flat().map((i) => i.name))).not.toContain('Physical Education');
  });

  it('puts a club a student adds with Spanish words in the activities row', () => {
    expect(cell(change(draft, 'agrega club de robótica en 10').plan, 10, 'activities')).toContain('club de robótica');
  });

  it('is not fooled by Spanish that is not a plan change', () => {
    for (const words of ['quiero ser enfermera', 'cambiar idioma', 'hola', 'qué clases tomo el próximo año']) expect(parsePlanChange(words)).toBeUndefined();
  });
});

describe('a change said back in Spanish', () => {
  it('names a template activity in Spanish, and keeps the English version line in English', () => {
    const added = change(draft, 'agrega job shadowing: a nurse or therapist en 10');
    expect(added.confirmation).not.toMatch(/Job shadowing/);
    const removed = change(draft, 'quita HOSA en 9');
    expect(removed.confirmation).toMatch(/HOSA/);
  });
});
