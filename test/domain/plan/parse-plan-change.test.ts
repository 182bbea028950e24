import { describe, expect, it } from '@jest/globals';
import { matchName, normalizeName } from '../../../src/domain/plan/course-names.js';
import { parseGrade } from '../../../src/domain/plan/grades.js';
import { parsePlanChange } from '../../../src/domain/plan/parse-plan-change.js';

describe('reading a plan change from plain words', () => {
  it.each([
    ['move Chemistry to 11th', { kind: 'move', name: 'Chemistry', toGrade: 11 }],
    ['Move chem to my junior year.', { kind: 'move', name: 'chem', toGrade: 11 }],
    ['move Algebra I from 9th to 8th', { kind: 'move', name: 'Algebra I', toGrade: 8, fromGrade: 9 }],
    ['put Algebra 2 in 10th grade', { kind: 'move', name: 'Algebra 2', toGrade: 10 }],
    ['swap Geometry for Algebra I in 9th', { kind: 'swap', take: 'Geometry', put: 'Algebra I', grade: 9 }],
    ['replace Physics with Anatomy & Physiology in 12th', { kind: 'swap', take: 'Physics', put: 'Anatomy & Physiology', grade: 12 }],
    ['take Choir instead of Art I in 9th', { kind: 'swap', take: 'Art I', put: 'Choir', grade: 9 }],
    ['add FFA in 10th', { kind: 'add', name: 'FFA', grade: 10 }],
    ['please add FFA', { kind: 'add', name: 'FFA' }],
    ['add Quiz Bowl to activities in 10th', { kind: 'add', name: 'Quiz Bowl', grade: 10, row: 'activities' }],
    ['add Careers in Education in 10th', { kind: 'add', name: 'Careers in Education', grade: 10 }],
    ['add the Spanish 3 class in twelfth grade', { kind: 'add', name: 'Spanish 3', grade: 12 }],
    ['remove band', { kind: 'remove', name: 'band' }],
    ['drop Spanish II from 11th', { kind: 'remove', name: 'Spanish II', grade: 11 }],
    ["my goal is a bachelor's in engineering", { kind: 'set-goal', goal: "a bachelor's in engineering" }],
    ['set my goal to associate degree in nursing', { kind: 'set-goal', goal: 'associate degree in nursing' }],
    ['undo', { kind: 'undo' }],
    ['Undo that', { kind: 'undo' }],
  ])('%s', (words, change) => {
    expect(parsePlanChange(words)).toEqual(change);
  });

  it.each(['hello', 'show my plan', 'move', 'add', 'what is FFA?', ''])('"%s" is not a change', (words) => {
    expect(parsePlanChange(words)).toBeUndefined();
  });

  it('cleans and limits what it keeps from the text', () => {
    const change = parsePlanChange(`add \u0007Rob\u202eotics${'x'.repeat(200)} in 10th`);
    expect(change).toMatchObject({ kind: 'add', grade: 10 });
    const name = (change as { name: string }).name;
    expect(name).not.toMatch(/[\u0000-\u001f\u202e]/);
    expect(name.length).toBeLessThanOrEqual(80);
    const goal = parsePlanChange(`my goal is ${'a'.repeat(1000)}`) as { goal: string };
    expect(goal.goal.length).toBeLessThanOrEqual(200);
  });
});

describe('grades in words', () => {
  it.each([
    ['10th', 10], ['grade 9', 9], ['tenth grade', 10], ['my senior year', 12], ['freshman', 9],
    ['first year after high school', 13], ['2nd year after high school', 14], ['show 7th grade', 7],
  ])('%s is %i', (words, grade) => expect(parseGrade(words)).toBe(grade));
  it('has no grade in other words', () => expect(parseGrade('band')).toBeUndefined());
});

describe('matching course names', () => {
  const courses = ['Algebra I', 'Algebra II', 'Chemistry', 'Anatomy & Physiology', 'Middle School Band', 'English IV'].map((name) => ({ name }));
  it('treats "Algebra 2" and "algebra ii" as the same name', () => expect(normalizeName('Algebra 2')).toBe(normalizeName('algebra II')));
  it.each([
    ['chemistery', 'Chemistry'], ['chem', 'Chemistry'], ['a&p', 'Anatomy & Physiology'], ['anatomy and physiology', 'Anatomy & Physiology'],
    ['band', 'Middle School Band'], ['algbra ii', 'Algebra II'], ['Algebra 1', 'Algebra I'], ['english 4', 'English IV'],
  ])('%s means %s', (typed, name) => expect(matchName(typed, courses)).toMatchObject({ kind: 'found', name }));
  it('does not guess between Algebra I and Algebra II', () => {
    expect(matchName('algebra', courses)).toEqual({ kind: 'ambiguous', names: ['Algebra I', 'Algebra II'] });
  });
  it('does not match something unrelated', () => expect(matchName('underwater basket weaving', courses)).toEqual({ kind: 'none' }));
});
