import { beforeAll, describe, expect, it } from '@jest/globals';
import { DataFileError } from '../../../src/data-files/read-json-file.js';
import { applyPlanChange } from '../../../src/domain/plan/apply-plan-change.js';
import { checkPlan } from '../../../src/domain/plan/check-plan.js';
import { draftPlan } from '../../../src/domain/plan/draft-plan.js';
import { parsePlanChange } from '../../../src/domain/plan/parse-plan-change.js';
import type { PlanData } from '../../../src/domain/plan/plan-data-types.js';
import type { Plan } from '../../../src/domain/plan/plan-types.js';
import { readPlanData } from '../../../src/data-files/read-plan-data-files.js';
import { BY, DATA_DIR, framework, loadPlanData, NOW } from './plan-fixtures.js';

let state: PlanData;
let district: PlanData;
beforeAll(async () => {
  state = await loadPlanData();
  district = await loadPlanData('example-district');
});

const change = (plan: Plan, words: string, data: PlanData) => applyPlanChange(plan, parsePlanChange(words)!, { now: NOW, by: BY, data });

describe('a district with its own requirements and course list', () => {
  it('is chosen by name, with no code change', () => {
    expect(district.districtId).toBe('example-district');
    expect(district.requirements.totalUnits).toBe(26);
    expect(state.requirements.totalUnits).toBe(24);
  });

  it("checks a plan against the district's own rules", () => {
    const plan = draftPlan({ framework, data: district, pathwayId: 'health-science.therapeutic-services', currentGrade: 8, now: NOW, by: BY });
    expect(checkPlan(plan, state.requirements)).toEqual([]);
    expect(checkPlan(plan, district.requirements).map((p) => p.message)).toEqual(['You have 0 of the 1 computer science unit you need.']);

    const added = change(plan, 'add AP CSP in 10th', district);
    expect(added).toMatchObject({ ok: true, notes: [], summary: 'Added Computer Science Principles to Other Courses in 10th grade.' });
    expect(checkPlan(added.plan, district.requirements)).toEqual([]);
  });

  it("knows the district's courses, which the state list alone does not", () => {
    const plan = draftPlan({ framework, data: state, pathwayId: 'health-science.therapeutic-services', currentGrade: 8, now: NOW, by: BY });
    const r = change(plan, 'add Mandarin I in 10th', state);
    expect(r.ok && r.notes[0]).toMatch(/I don't know "Mandarin I"/);
    const d = change(plan, 'add Mandarin I in 10th', district);
    expect(d).toMatchObject({ ok: true, notes: [] });
    expect(change(d.plan, 'add Mandarin II in 9th', district)).toMatchObject({ ok: false, reason: "Mandarin II can't go in 9th: it comes after Mandarin I." });
  });

  it('names the file when a district file is missing or the name is unsafe', async () => {
    await expect(readPlanData({ dataDir: DATA_DIR, framework, district: 'no-such-district' })).rejects.toThrow(/no-such-district\.json/);
    await expect(readPlanData({ dataDir: DATA_DIR, framework, district: '../secrets' })).rejects.toBeInstanceOf(DataFileError);
  });
});
