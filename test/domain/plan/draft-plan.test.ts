import { beforeAll, describe, expect, it } from '@jest/globals';
import { checkPlan } from '../../../src/domain/plan/check-plan.js';
import { draftPlan } from '../../../src/domain/plan/draft-plan.js';
import { currentPlan } from '../../../src/domain/plan/plan-history.js';
import type { PlanData } from '../../../src/domain/plan/plan-data-types.js';
import { PLAN_ROWS, type PlanContent } from '../../../src/domain/plan/plan-types.js';
import { allPathways, BY, framework, loadPlanData, NOW } from './plan-fixtures.js';

let data: PlanData;
beforeAll(async () => {
  data = await loadPlanData();
});

const names = (c: PlanContent, grade: number, row: (typeof PLAN_ROWS)[number]) =>
  c.grades.find((g) => g.grade === grade)!.rows[row].map((i) => i.name);
const everything = (c: PlanContent) => c.grades.flatMap((g) => PLAN_ROWS.flatMap((r) => g.rows[r].map((i) => i.name)));

describe('drafting a plan', () => {
  it('covers all 78 pathways', () => {
    expect(allPathways).toHaveLength(78);
  });

  it.each(allPathways.map((p) => [p.pathway.id]))('%s drafted from 7th grade is complete and passes the check', (pathwayId) => {
    const plan = draftPlan({ framework, data, pathwayId, currentGrade: 7, now: NOW, by: BY });
    const c = currentPlan(plan);
    expect(c.grades.map((g) => g.grade)).toEqual([7, 8, 9, 10, 11, 12, 13, 14]);
    for (const g of c.grades) for (const row of PLAN_ROWS) expect([g.grade, row, g.rows[row].length > 0]).toEqual([g.grade, row, true]);
    for (const group of Object.values(c.options)) expect(group.length).toBeGreaterThan(0);
    expect(c.goal).toBe('');
    expect(c.goalSuggestions.length).toBeGreaterThan(0);
    expect(checkPlan(plan, data.requirements)).toEqual([]);
    expect(plan.versions).toHaveLength(1);
    expect(plan.versions[0]).toMatchObject({ number: 1, at: NOW, by: BY });
  });

  it('passes the check from every starting grade, 6 to 12, for every pathway', () => {
    for (const { pathway } of allPathways) {
      for (let grade = 6; grade <= 12; grade++) {
        const plan = draftPlan({ framework, data, pathwayId: pathway.id, currentGrade: grade, now: NOW, by: BY });
        expect([pathway.id, grade, checkPlan(plan, data.requirements)]).toEqual([pathway.id, grade, []]);
      }
    }
  });

  it('starts at the current grade in middle school and at 9th for students already in high school', () => {
    const at = (g: number) => currentPlan(draftPlan({ framework, data, pathwayId: 'stem.engineering-and-technology', currentGrade: g, now: NOW, by: BY }));
    expect(at(6).firstGrade).toBe(6);
    expect(at(8).grades[0]!.grade).toBe(8);
    expect(at(11).firstGrade).toBe(9);
    expect(at(11).currentGrade).toBe(11);
  });

  it('refuses a grade outside 6 to 12 and an unknown pathway', () => {
    expect(() => draftPlan({ framework, data, pathwayId: 'stem.science-and-math', currentGrade: 5, now: NOW, by: BY })).toThrow(RangeError);
    expect(() => draftPlan({ framework, data, pathwayId: 'stem.nope', currentGrade: 7, now: NOW, by: BY })).toThrow(/unknown pathway/);
  });

  it('gives Health Science / Therapeutic Services health occupations, Anatomy & Physiology, HOSA and nursing and therapy options', () => {
    const c = currentPlan(draftPlan({ framework, data, pathwayId: 'health-science.therapeutic-services', currentGrade: 7, now: NOW, by: BY }));
    expect(names(c, 11, 'career-education').join(' ')).toMatch(/Health Occupations/);
    expect(names(c, 12, 'career-education').join(' ')).toMatch(/Health Occupations/);
    expect(everything(c)).toContain('Anatomy & Physiology');
    for (const g of [9, 10, 11, 12]) expect(names(c, g, 'activities')).toContain('HOSA');
    const options = Object.values(c.options).flat().join(' | ');
    expect(options).toMatch(/certified nursing assistant/i);
    expect(options).toMatch(/associate's degree in nursing/i);
    expect(options).toMatch(/physical therap/i);
  });

  it('gives Agriculture / Plant Systems agricultural science, FFA, supervised agricultural experience and horticulture and ag business options', () => {
    const c = currentPlan(draftPlan({ framework, data, pathwayId: 'agriculture.plant-systems', currentGrade: 7, now: NOW, by: BY }));
    expect(names(c, 9, 'career-education')).toContain('Agricultural Science I');
    expect(names(c, 10, 'career-education')).toContain('Agricultural Science II');
    for (const g of [7, 8, 9, 10, 11, 12]) expect(names(c, g, 'activities')).toContain('FFA');
    expect(names(c, 10, 'work-based-learning').join(' ')).toMatch(/supervised agricultural experience/i);
    expect(everything(c)).toContain('Environmental Science');
    const options = Object.values(c.options).flat().join(' | ');
    expect(options).toMatch(/horticulture/i);
    expect(options).toMatch(/agricultural business/i);
  });

  it('drafts Plant Systems and Animal Systems differently', () => {
    const plant = currentPlan(draftPlan({ framework, data, pathwayId: 'agriculture.plant-systems', currentGrade: 9, now: NOW, by: BY }));
    const animal = currentPlan(draftPlan({ framework, data, pathwayId: 'agriculture.animal-systems', currentGrade: 9, now: NOW, by: BY }));
    expect(names(plant, 11, 'career-education')).toEqual(['Horticulture I']);
    expect(names(animal, 11, 'career-education')).toEqual(['Animal Science']);
    expect(animal.options.communityCollege.join(' ')).toMatch(/veterinary technology/);
  });
});
