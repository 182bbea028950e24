import { beforeAll, describe, expect, it } from '@jest/globals';
import { applyPlanChange } from '../../../src/domain/plan/apply-plan-change.js';
import { checkPlan } from '../../../src/domain/plan/check-plan.js';
import { draftPlan, draftPlanContent } from '../../../src/domain/plan/draft-plan.js';
import { parsePlanChange } from '../../../src/domain/plan/parse-plan-change.js';
import type { PlanData } from '../../../src/domain/plan/plan-data-types.js';
import { appendVersion, changesSinceLastReview, lastReviewedAt, recordReview } from '../../../src/domain/plan/plan-history.js';
import type { Plan } from '../../../src/domain/plan/plan-types.js';
import {
  changeReply,
  optionsReply,
  planHeader,
  problemsReply,
  reviewReplies,
  showGradeReply,
  showPlanReplies,
} from '../../../src/domain/plan/plan-views.js';
import { BY, framework, loadPlanData, NOW } from './plan-fixtures.js';

let data: PlanData;
let draft: Plan;
beforeAll(async () => {
  data = await loadPlanData();
  draft = draftPlan({ framework, data, pathwayId: 'health-science.therapeutic-services', currentGrade: 9, now: NOW, by: BY });
});
const apply = (plan: Plan, words: string, now: string) => {
  const r = applyPlanChange(plan, parsePlanChange(words)!, { now, by: BY, data });
  if (!r.ok) throw new Error(r.reason);
  return r.plan;
};

describe('reviewing a plan', () => {
  it('records who reviewed it, when, and what changed since the last review', () => {
    expect(lastReviewedAt(draft)).toBeUndefined();
    let plan = apply(draft, 'move Chemistry to 12th', '2026-09-10T10:00:00.000Z');
    plan = apply(plan, 'add FFA in 10th', '2026-09-11T10:00:00.000Z');
    expect(changesSinceLastReview(plan)).toEqual(['Added FFA to Additional Activities in 10th grade.', 'Moved Chemistry from 11th to 12th.']);

    const reviewed = recordReview(plan, { now: '2026-10-01T14:00:00.000Z', by: 'console:counselor' });
    expect(reviewed.reviews).toEqual([
      {
        at: '2026-10-01T14:00:00.000Z',
        by: 'console:counselor',
        version: 3,
        changesSinceLastReview: ['Added FFA to Additional Activities in 10th grade.', 'Moved Chemistry from 11th to 12th.'],
      },
    ]);
    expect(lastReviewedAt(reviewed)).toBe('2026-10-01T14:00:00.000Z');
    expect(changesSinceLastReview(reviewed)).toEqual([]);

    const later = apply(reviewed, 'remove FFA', '2026-11-01T10:00:00.000Z');
    expect(changesSinceLastReview(later)).toEqual(['Removed FFA from 10th grade.']);
    const second = recordReview(later, { now: '2027-03-01T10:00:00.000Z', by: BY });
    expect(second.reviews[1]!.changesSinceLastReview).toEqual(['Removed FFA from 10th grade.']);
  });

  it('walks through what changed, this year and next', () => {
    const plan = recordReview(apply(draft, 'move Chemistry to 12th', NOW), { now: '2026-10-01T14:00:00.000Z', by: BY });
    const replies = reviewReplies(apply(plan, 'add FFA in 10th', NOW), planHeader(plan, framework));
    expect(replies[0]).toEqual({ kind: 'text', text: 'Your last review was on Oct 1, 2026. Since then:\n- Added FFA to Additional Activities in 10th grade.' });
    expect(replies.slice(1).map((r) => r.kind === 'plan' && r.grades)).toEqual([['9th'], ['10th']]);
  });
});

describe('what changed since the last review', () => {
  it('lists what really changed: an undone change, or one taken back by hand, leaves no line', () => {
    let plan = apply(draft, 'move Chemistry to 12th', NOW);
    plan = apply(plan, 'my goal is a bachelor\'s in nursing', NOW);
    plan = apply(plan, 'undo', NOW);
    plan = apply(plan, 'add FFA in 10th', NOW);
    plan = apply(plan, 'remove FFA', NOW);
    expect(plan.versions).toHaveLength(6);
    expect(changesSinceLastReview(plan)).toEqual(['Moved Chemistry from 11th to 12th.']);
    plan = apply(plan, 'move Chemistry to 11th', NOW);
    expect(changesSinceLastReview(plan)).toEqual([]);
    expect(reviewReplies(plan, planHeader(plan, framework))[0]).toEqual({ kind: 'text', text: 'This is your first review. Your plan is as it was drafted.' });
  });

  it('says a swap, an addition to several years, a removal and the goal in the words the changes use', () => {
    let plan = apply(draft, 'swap Statistics for Calculus in 12th', NOW);
    plan = apply(plan, 'add FFA', NOW);
    plan = apply(plan, 'remove Art I', NOW);
    plan = apply(plan, 'my goal is a bachelor\'s in nursing', NOW);
    expect(changesSinceLastReview(plan)).toEqual([
      'Added FFA to Additional Activities in 9th, 10th, 11th and 12th grade.',
      'Removed Art I from 9th grade.',
      'Swapped Statistics for Calculus in 12th.',
      "Set the goal after high school to: a bachelor's in nursing.",
    ]);
  });

  it('says a new draft for another pathway in one line, with the goal if it changed', () => {
    const goal = apply(draft, 'my goal is a bachelor\'s in nursing', NOW);
    const other = draftPlanContent({ framework, data, pathwayId: 'agriculture.plant-systems', currentGrade: 9 });
    const redrafted = appendVersion(goal, other, { now: NOW, by: BY, summary: 'Made a new draft for Plant Systems.' });
    // the new draft has no goal yet, and the draft it is compared with had none either
    expect(changesSinceLastReview(redrafted)).toEqual(['Made a new draft for Plant Systems.']);
    expect(changesSinceLastReview(apply(redrafted, 'my goal is horticulture', NOW))).toEqual([
      'Made a new draft for Plant Systems.',
      'Set the goal after high school to: horticulture.',
    ]);
    expect(changesSinceLastReview(apply(redrafted, 'undo', NOW))).toEqual(["Set the goal after high school to: a bachelor's in nursing."]);
  });

  it('shows a long list as the first few changes and how many more', () => {
    let plan = draft;
    for (const words of ['add Choir in 9th', 'add Band in 10th', 'add Creative Writing in 11th', 'add Psychology in 11th', 'add Economics in 12th', 'add Speech and Debate in 12th']) {
      plan = apply(plan, words, NOW);
    }
    const intro = reviewReplies(plan, planHeader(plan, framework))[0]!;
    expect(intro.kind === 'text' && intro.text.split('\n')).toEqual([
      'This is your first review. Since the draft:',
      '- Added Choir to Other Courses in 9th grade.',
      '- Added Band to Other Courses in 10th grade.',
      '- Added Psychology to Social Studies in 11th grade.',
      '- Added Creative Writing to Other Courses in 11th grade.',
      '- and 2 more',
    ]);
  });
});

describe('showing a plan in the chat', () => {
  it('shows the whole plan once: this year first and marked, then one short line for each other year', () => {
    const replies = showPlanReplies(draft, planHeader(draft, framework, { name: 'Sam' }));
    const tables = replies.filter((r) => r.kind === 'plan');
    expect(tables).toHaveLength(1);
    const all = tables[0]!;
    if (all.kind !== 'plan') throw new Error('expected a plan table');
    expect(all).toMatchObject({ grades: ['9th', '10th', '11th', '12th', 'After HS 1', 'After HS 2'], thisYearIndex: 0 });
    expect(all.rows.map((r) => r.label)).toEqual([
      'English', 'Math', 'Science', 'Social Studies', 'Career Education', 'Other Courses', 'Work-Based Learning', 'Additional Activities',
    ]);
    expect(all.rows[1]!.cells.slice(0, 3)).toEqual(['Algebra I', 'Geometry', 'Algebra II']);
    // the header facts come once; this year reads in full, every other year is one short line
    expect(all.fields).toContainEqual({ label: 'Career Pathway', value: 'Therapeutic Services' });
    expect(all.fields).toContainEqual({ label: 'Goal after high school', value: 'Not chosen yet' });
    expect(all.text).toContain('Student: Sam');
    const lines = all.text.split('\n');
    expect(lines).toContain('This year: 9th grade');
    expect(lines).toContain('Math: Algebra I');
    expect(lines).toContain('11th: English III, Algebra II, Chemistry, U.S. History, Health Occupations I, Spanish II, Personal Finance. Activities: HOSA.');
    expect(lines.filter((l) => l.startsWith('9th:'))).toEqual([]);
    expect(lines.filter((l) => /^(10th|11th|12th|After HS 1|After HS 2):/.test(l))).toHaveLength(5);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(280);
    expect(replies.some((r) => r.kind === 'text' && r.text.includes('my goal is'))).toBe(true);
  });

  it('uses the grade the student is in now for "this year"', () => {
    const [all] = showPlanReplies(draft, planHeader(draft, framework), { studentGrade: 11 });
    expect(all).toMatchObject({ thisYearIndex: 2 });
    expect(all!.text).toContain('This year: 11th grade');
  });

  it('"review my plan" marks this year only, not next year', () => {
    const tables = reviewReplies(draft, planHeader(draft, framework), { studentGrade: 9 }).filter((r) => r.kind === 'plan');
    expect(tables.map((r) => (r.kind === 'plan' ? [r.grades, r.thisYearIndex] : []))).toEqual([[['9th'], 0], [['10th'], undefined]]);
  });

  it('shows one grade row by row, or says plainly when that grade is not in the plan', () => {
    const tenth = showGradeReply(draft, 10);
    expect(tenth).toMatchObject({ kind: 'plan', title: '10th grade', grades: ['10th'], fields: [] });
    expect(tenth.text.split('\n').slice(0, 3)).toEqual(['10th grade', 'English: English II', 'Math: Geometry']);
    expect(tenth.text).toMatch(/^Work-Based Learning: Service learning/m);
    expect(showGradeReply(draft, 13)).toMatchObject({ title: '1st year after high school', grades: ['After HS 1'] });
    expect(showGradeReply(draft, 7)).toEqual({ kind: 'text', text: 'Your plan goes from 9th grade to 2 years after high school, so it has no 7th grade.' });
  });

  it('lists the options after high school in their four groups', () => {
    const card = optionsReply(draft);
    expect(card.fields.map((f) => f.label)).toEqual([
      'Area career center', 'Community college or technical school', 'Four-year college or university', 'Other: apprenticeship, military, on-the-job training',
    ]);
    expect(card.text).toMatch(/Certified nursing assistant/);
  });

  it('says check results and change answers in plain words', () => {
    expect(problemsReply(checkPlan(draft, data.requirements)).text).toBe('Your plan has every class you need to graduate, in an order that works.');
    const moved = applyPlanChange(draft, parsePlanChange('move Chemistry to 12th')!, { now: NOW, by: BY, data });
    expect(changeReply(moved).text).toBe('Moved Chemistry from 11th to 12th. Say "undo" to take it back.');
    const refused = applyPlanChange(draft, parsePlanChange('move English IV to 9th')!, { now: NOW, by: BY, data });
    expect(changeReply(refused).text).toBe("English IV can't move to 9th: it comes after English III. Your plan is unchanged.");
    const bad = apply(draft, 'remove Art I', NOW);
    expect(problemsReply(checkPlan(bad, data.requirements)).text).toBe('I see 1 thing to fix:\n- You have 0 of the 1 fine arts unit you need.');
  });
});
