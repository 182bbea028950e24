import { beforeAll, describe, expect, it } from '@jest/globals';
import { applyPlanChange, type ApplyResult } from '../../../src/domain/plan/apply-plan-change.js';
import { checkPlan } from '../../../src/domain/plan/check-plan.js';
import { draftPlan } from '../../../src/domain/plan/draft-plan.js';
import { parsePlanChange } from '../../../src/domain/plan/parse-plan-change.js';
import { currentPlan } from '../../../src/domain/plan/plan-history.js';
import type { PlanData } from '../../../src/domain/plan/plan-data-types.js';
import type { Plan, PlanRowId } from '../../../src/domain/plan/plan-types.js';
import { BY, framework, loadPlanData, NOW } from './plan-fixtures.js';

let data: PlanData;
let draft: Plan;
beforeAll(async () => {
  data = await loadPlanData();
  draft = draftPlan({ framework, data, pathwayId: 'health-science.therapeutic-services', currentGrade: 7, now: NOW, by: BY });
});

const LATER = '2026-09-02T10:00:00.000Z';
function say(plan: Plan, words: string, by = BY): ApplyResult {
  const change = parsePlanChange(words);
  if (!change) throw new Error(`not understood: ${words}`);
  return applyPlanChange(plan, change, { now: LATER, by, data });
}
function ok(plan: Plan, words: string): Extract<ApplyResult, { ok: true }> {
  const r = say(plan, words);
  if (!r.ok) throw new Error(`refused "${words}": ${r.reason}`);
  return r;
}
const cell = (plan: Plan, grade: number, row: PlanRowId) =>
  currentPlan(plan).grades.find((g) => g.grade === grade)!.rows[row].map((i) => i.name);

describe('changing a plan in plain words', () => {
  it('moves a course, keeps the change as a new version, and undo brings the old plan back', () => {
    const moved = ok(draft, 'move Chemistry to 12th');
    expect(moved.confirmation).toBe('Moved Chemistry from 11th to 12th.');
    expect(cell(moved.plan, 12, 'science')).toContain('Chemistry');
    expect(cell(moved.plan, 11, 'science')).not.toContain('Chemistry');
    expect(moved.plan.versions).toHaveLength(2);
    expect(moved.plan.versions[1]).toMatchObject({ number: 2, at: LATER, by: BY, summary: 'Moved Chemistry from 11th to 12th.' });
    expect(draft.versions).toHaveLength(1);

    const undone = ok(moved.plan, 'undo');
    expect(undone.confirmation).toBe('I undid your last change (moved Chemistry from 11th to 12th).');
    expect(undone.plan.versions).toHaveLength(3);
    expect(currentPlan(undone.plan)).toEqual(currentPlan(draft));
  });

  it('forgives a typo in a course name', () => {
    expect(ok(draft, 'move chemistery to 12th').summary).toBe('Moved Chemistry from 11th to 12th.');
    expect(ok(draft, 'put algbra 2 in 12th').summary).toBe('Moved Algebra II from 11th to 12th.');
  });

  it('asks which one when a name could mean two courses', () => {
    const r = say(draft, 'move health occupations to 12th');
    expect(r).toMatchObject({ ok: false, reason: 'Did you mean Health Occupations I or Health Occupations II?', plan: draft });
    // "Algebra" on its own is the catalog's other name for Algebra I
    expect(ok(draft, 'move algebra to 8th').summary).toBe('Moved Algebra I from 9th to 8th.');
  });

  it('refuses an impossible move with the reason and leaves the plan unchanged', () => {
    const r = say(draft, 'move English IV to 7th');
    expect(r.ok).toBe(false);
    expect(r).toMatchObject({ reason: "English IV can't move to 7th: it comes after English III." });
    expect(r.plan).toBe(draft);
    expect(draft.versions).toHaveLength(1);
    expect(say(draft, 'move Algebra I to 11th')).toMatchObject({
      ok: false,
      reason: "Algebra I can't move to 11th: Geometry comes after it, and Geometry is in 10th.",
    });
    expect(say(draft, 'move Chemistry to the first year after high school')).toMatchObject({
      ok: false,
      reason: 'Chemistry is a high school class, so it belongs in 8th to 12th grade.',
    });
    expect(say(draft, 'move Chemistry to 6th')).toMatchObject({ ok: false, reason: expect.stringContaining('goes from 7th grade') });
  });

  it('swaps two courses that are both in the plan, and refuses a swap that breaks the order', () => {
    const r = ok(draft, 'swap Chemistry for Biology');
    expect(r.summary).toBe('Swapped Chemistry and Biology: Biology is now in 11th and Chemistry in 10th.');
    expect(cell(r.plan, 10, 'science')).toEqual(['Chemistry']);
    expect(checkPlan(r.plan, data.requirements)).toEqual([]);
    expect(say(draft, 'swap Geometry for Algebra I in 9th')).toMatchObject({
      ok: false,
      reason: "Geometry can't go in 9th: it comes after Algebra I.",
      plan: draft,
    });
  });

  it('swaps a course for a new one in the same place, and undo puts the old one back', () => {
    const r = ok(draft, 'swap Anatomy & Physiology for Physics in 12th');
    expect(r.summary).toBe('Swapped Anatomy & Physiology for Physics in 12th.');
    expect(cell(r.plan, 12, 'science')).toEqual(['Physics']);
    expect(currentPlan(ok(r.plan, 'undo').plan)).toEqual(currentPlan(draft));
  });

  it('swaps Geometry for Algebra I in 9th when the student never had Algebra I', () => {
    let p = ok(draft, 'remove Algebra I').plan;
    p = ok(p, 'move Geometry to 9th').plan;
    const r = ok(p, 'swap Geometry for Algebra I in 9th');
    expect(cell(r.plan, 9, 'math')).toEqual(['Algebra I']);
    expect(say(p, 'move Algebra I to 8th')).toMatchObject({ ok: false, reason: 'Algebra I isn\'t in your plan yet. To add it, say: add Algebra I in 8th.' });
  });

  it('refuses a swap "in 9th" when neither course is in 9th, instead of trading other grades', () => {
    const p = ok(draft, 'move Algebra I to 8th').plan;
    expect(say(p, 'swap Geometry for Algebra I in 9th')).toMatchObject({
      ok: false,
      reason: 'Neither Geometry nor Algebra I is in 9th: Geometry is in 10th and Algebra I in 8th. To change when you take one, say: move Algebra I to 9th.',
      plan: p,
    });
  });

  it('adds a student organization to one grade, or to every school year left', () => {
    const p = ok(draft, 'remove HOSA').plan;
    const one = ok(p, 'add HOSA in 10th');
    expect(one.confirmation).toBe('Added HOSA to Additional Activities in 10th grade.');
    expect(cell(one.plan, 10, 'activities')).toContain('HOSA');
    const all = ok(draft, 'add FFA');
    expect(all.summary).toBe('Added FFA to Additional Activities in 7th, 8th, 9th, 10th, 11th and 12th grade.');
    expect(currentPlan(ok(all.plan, 'undo').plan)).toEqual(currentPlan(draft));
  });

  it('an activity with no grade goes in the years left from the grade the student is in now, not the grade the plan was drafted in', () => {
    const change = parsePlanChange('add FFA')!;
    const r = applyPlanChange(draft, change, { now: LATER, by: BY, data, studentGrade: 10 });
    expect(r.ok && r.summary).toBe('Added FFA to Additional Activities in 10th, 11th and 12th grade.');
  });

  it('adds a known course into its own row and counts its units', () => {
    const r = ok(draft, 'add spanish 3 in 12th');
    expect(cell(r.plan, 12, 'other-courses')).toContain('Spanish III');
    expect(r.notes).toEqual([]);
    expect(say(draft, 'add Chemistry in 12th')).toMatchObject({ ok: false, reason: expect.stringContaining('already in your plan in 11th') });
    expect(say(draft, 'add Biology')).toMatchObject({ ok: false, reason: 'Which grade should Biology go in? For example: add Biology in 10th.' });
  });

  it('knows a planned course by its other names ("PE", "gym", "chem")', () => {
    expect(ok(draft, 'drop PE').summary).toMatch(/^Removed Physical Education from /);
    expect(ok(draft, 'remove gym in 10th').summary).toBe('Removed Physical Education from 10th grade.');
    expect(ok(draft, 'move chem to 12th').summary).toBe('Moved Chemistry from 11th to 12th.');
  });

  it('keeps "AP Biology" or "Biology II" as the student wrote it, instead of reading it as Biology', () => {
    for (const name of ['AP Biology', 'Biology II', 'Honors Chemistry']) {
      const r = ok(draft, `add ${name} in 12th`);
      expect(cell(r.plan, 12, 'other-courses')).toContain(name);
      expect(r.notes[0]).toBe(`I don't know "${name}", so I kept it just as you wrote it. It won't count toward graduation here, so ask your counselor how your school counts it.`);
    }
    expect(ok(draft, 'move chemistery to 12th').summary).toBe('Moved Chemistry from 11th to 12th.');
  });

  it('an activity or job experience a student adds goes in its own row, not in Other Courses', () => {
    const club = ok(draft, 'add robotics club in 10th');
    expect(cell(club.plan, 10, 'activities')).toContain('Robotics club');
    expect(cell(club.plan, 10, 'other-courses')).not.toContain('Robotics club');
    expect(cell(ok(draft, 'add vet clinic internship in 11th').plan, 11, 'work-based-learning')).toContain('vet clinic internship');
    expect(cell(ok(draft, 'add volunteering at the animal shelter in 9th').plan, 9, 'activities')).toContain('volunteering at the animal shelter');
    // a class we do not know still goes in Other Courses; a row the student names still wins
    expect(cell(ok(draft, 'add Latin in 12th').plan, 12, 'other-courses')).toContain('Latin');
    expect(cell(ok(draft, 'add chess club to other courses in 12th').plan, 12, 'other-courses')).toContain('chess club');
  });

  it('accepts a name it does not know, as written, and points it out only once', () => {
    const first = ok(draft, 'add Quiz Bowl to activities in 10th');
    expect(cell(first.plan, 10, 'activities')).toContain('Quiz Bowl');
    expect(first.notes).toHaveLength(1);
    expect(first.notes).toEqual(['I don\'t know "Quiz Bowl", so I kept it just as you wrote it.']);
    const second = ok(first.plan, 'add Quiz Bowl to activities in 11th');
    expect(second.notes).toEqual([]);
    const item = currentPlan(second.plan).grades.find((g) => g.grade === 11)!.rows.activities.find((i) => i.name === 'Quiz Bowl');
    expect(item).toMatchObject({ custom: true, units: 0 });
  });

  it('removes a course from every grade it is in, and undo restores it', () => {
    const r = ok(draft, 'remove band');
    expect(r.summary).toBe('Removed Middle School Band from 7th and 8th grade.');
    expect(cell(r.plan, 7, 'other-courses')).not.toContain('Middle School Band');
    expect(currentPlan(ok(r.plan, 'undo').plan)).toEqual(currentPlan(draft));
    expect(say(draft, 'remove underwater basket weaving')).toMatchObject({ ok: false, plan: draft });
  });

  it('warns when removing a course leaves a later one without it', () => {
    const r = ok(draft, 'remove Algebra I');
    expect(r.notes).toEqual(['Heads up: Geometry, Statistics and Chemistry come after Algebra I, but Algebra I is not in your plan.']);
    expect(ok(draft, 'remove English II').notes).toEqual(['Heads up: English III comes after English II, but English II is not in your plan.']);
  });

  it('"drop spanish" takes out every level of Spanish in the plan; naming a level takes out only that one', () => {
    const all = ok(draft, 'drop spanish');
    expect(all.summary).toBe('Removed Spanish I and Spanish II from 10th and 11th grade.');
    expect(all.notes).toEqual([]);
    expect(cell(all.plan, 11, 'other-courses')).not.toContain('Spanish II');
    expect(ok(draft, 'drop spanish in 11th').summary).toBe('Removed Spanish II from 11th grade.');
    const one = ok(draft, 'drop Spanish I');
    expect(one.summary).toBe('Removed Spanish I from 10th grade.');
    expect(one.notes).toEqual(['Heads up: Spanish II comes after Spanish I, but Spanish I is not in your plan.']);
  });

  it('sets the goal after high school, and undo clears it again', () => {
    const r = ok(draft, "my goal is a bachelor's in engineering");
    expect(currentPlan(r.plan).goal).toBe("a bachelor's in engineering");
    expect(r.confirmation).toBe("Set the goal after high school to: a bachelor's in engineering.");
    expect(currentPlan(ok(r.plan, 'undo').plan).goal).toBe('');
  });

  it('undoes changes one at a time, newest first, until the draft', () => {
    const a = ok(draft, 'move Chemistry to 12th').plan;
    const b = ok(a, 'add FFA in 10th').plan;
    const u1 = ok(b, 'undo').plan;
    expect(currentPlan(u1)).toEqual(currentPlan(a));
    const u2 = ok(u1, 'undo').plan;
    expect(currentPlan(u2)).toEqual(currentPlan(draft));
    const u3 = say(u2, 'undo');
    expect(u3).toMatchObject({ ok: false, reason: expect.stringContaining('nothing to undo') });
    expect(u2.versions.map((v) => v.summary)).toEqual([
      expect.stringContaining('Drafted a plan for Therapeutic Services'),
      'Moved Chemistry from 11th to 12th.',
      'Added FFA to Additional Activities in 10th grade.',
      'Undid: added FFA to Additional Activities in 10th grade',
      'Undid: moved Chemistry from 11th to 12th',
    ]);
  });

  it('keeps who made each change', () => {
    const r = applyPlanChange(draft, { kind: 'set-goal', goal: 'nursing' }, { now: LATER, by: 'slack:U-counselor', data });
    expect(r.ok && r.plan.versions[1]!.by).toBe('slack:U-counselor');
  });
});
