import { beforeAll, describe, expect, it } from '@jest/globals';
import { checkPlan } from '../../../src/domain/plan/check-plan.js';
import { draftPlanContent } from '../../../src/domain/plan/draft-plan.js';
import type { PlanData } from '../../../src/domain/plan/plan-data-types.js';
import type { PlanContent, PlanRowId } from '../../../src/domain/plan/plan-types.js';
import { framework, loadPlanData } from './plan-fixtures.js';

let data: PlanData;
let base: PlanContent;
beforeAll(async () => {
  data = await loadPlanData();
  base = draftPlanContent({ framework, data, pathwayId: 'stem.engineering-and-technology', currentGrade: 9 });
});

type Edit = (p: PlanContent) => void;
const cell = (p: PlanContent, grade: number, row: PlanRowId) => p.grades.find((g) => g.grade === grade)!.rows[row];
const drop = (grade: number, row: PlanRowId, name: string): Edit => (p) => {
  const c = cell(p, grade, row);
  c.splice(c.findIndex((i) => i.name === name), 1);
};
const put = (grade: number, row: PlanRowId, name: string, units = 1, category = 'elective'): Edit => (p) => {
  cell(p, grade, row).push({ name, units, category });
};
const move = (from: number, to: number, row: PlanRowId, name: string): Edit => (p) => {
  const item = cell(p, from, row).find((i) => i.name === name)!;
  drop(from, row, name)(p);
  cell(p, to, row).push(item);
};

const table: [string, Edit[], string[]][] = [
  ['the drafted plan', [], []],
  ['one science class short', [drop(11, 'science', 'Chemistry'), drop(12, 'science', 'Physics')], [
    'You have 2 of the 3 science units you need.',
    'You have 23.5 of the 24 units you need to graduate.',
  ]],
  ['no fine arts', [drop(9, 'other-courses', 'Art I')], ['You have 0 of the 1 fine arts unit you need.']],
  ['no health', [drop(9, 'other-courses', 'Health')], ['You have 0 of the 0.5 health unit you need.']],
  ['a half unit of physical education', [drop(9, 'other-courses', 'Physical Education'), drop(12, 'other-courses', 'Weight Training')], [
    'You have 0.5 of the 1 physical education unit you need.',
  ]],
  ['Algebra I and Algebra II traded places', [move(11, 9, 'math', 'Algebra II'), move(9, 11, 'math', 'Algebra I')], [
    'Geometry comes after Algebra I. Right now Algebra I is in 11th and Geometry is in 10th.',
    'Algebra II comes after Geometry. Right now Geometry is in 10th and Algebra II is in 9th.',
    'Chemistry comes after Algebra I. Right now both are in 11th.',
  ]],
  ['English II after English III', [move(10, 12, 'english', 'English II')], [
    'English III comes after English II. Right now English II is in 12th and English III is in 11th.',
  ]],
  ['no Algebra I at all', [drop(9, 'math', 'Algebra I')], [
    'Geometry comes after Algebra I, but Algebra I is not in your plan.',
    'Chemistry comes after Algebra I, but Algebra I is not in your plan.',
    'Physics comes after Algebra I, but Algebra I is not in your plan.',
  ]],
  ['too few units overall and too few electives', [
    drop(10, 'other-courses', 'Spanish I'), drop(11, 'other-courses', 'Spanish II'), drop(12, 'math', 'Pre-Calculus'),
    drop(12, 'social-studies', 'American Government'), drop(12, 'science', 'Physics'), drop(12, 'career-education', 'Engineering Design and Development'),
  ], ['You have 2.5 of the 7 elective units you need.', 'You have 19.5 of the 24 units you need to graduate.']],
  ['college classes do not count as high school units', [drop(12, 'english', 'English IV'), put(13, 'english', 'English IV', 1, 'english')], [
    'You have 3 of the 4 English Language Arts units you need.',
  ]],
];

describe('checking a plan against Missouri requirements', () => {
  it.each(table)('%s', (_label, edits, expected) => {
    const plan = structuredClone(base);
    for (const e of edits) e(plan);
    expect(checkPlan(plan, data.requirements).map((p) => p.message)).toEqual(expected);
  });

  it('counts a course moved into 8th grade as a high school unit', () => {
    const plan = draftPlanContent({ framework, data, pathwayId: 'stem.engineering-and-technology', currentGrade: 8 });
    move(9, 8, 'math', 'Algebra I')(plan);
    expect(checkPlan(plan, data.requirements)).toEqual([]);
  });
});
