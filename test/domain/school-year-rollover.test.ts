import type { Profile } from '../../src/domain/profile.js';
import { isBehind, rolledOver, schoolYearStartOf } from '../../src/domain/school-year-rollover.js';
import { local, policy } from './reminders/policy-fixtures.js';

const p = policy('America/Chicago');
const student = (grade: number, extra: Partial<Profile> = {}): Profile => ({
  userKey: 'slack:U1', role: 'student', grade, gradeSetAt: local('2025-09-10 10:00').toISOString(),
  choiceHistory: [], createdAt: '2025-09-10T15:00:00Z', lastActiveAt: '2025-09-10T15:00:00Z', ...extra,
});
const Y2026 = schoolYearStartOf(p, local('2026-08-01 00:00').getTime());

describe('moving students up at the start of a school year', () => {
  it('the school year starts on the configured day, local time', () => {
    expect(schoolYearStartOf(p, local('2026-07-31 23:59').getTime())).toBe(2025);
    expect(Y2026).toBe(2026);
  });

  it('moves a 9th grader up to 10th and stamps the school year the grade is for', () => {
    expect(rolledOver(student(9), p, Y2026)).toEqual({
      profile: expect.objectContaining({ grade: 10, gradeSchoolYear: '2026-27' }),
      change: { kind: 'advanced', from: 9, to: 10 },
    });
  });

  it('a 12th grader graduates: kept, marked with the year they finished, grade left at 12', () => {
    const r = rolledOver(student(12), p, Y2026)!;
    expect(r.profile).toMatchObject({ grade: 12, graduatedIn: '2025-26' });
    expect(r.change).toEqual({ kind: 'graduated', from: 12, graduatedIn: '2025-26' });
    expect(rolledOver(r.profile, p, Y2026 + 1)).toBeUndefined(); // never again
  });

  it('never advances twice: not once rolled over, and not a grade the student set after the new year began', () => {
    const once = rolledOver(student(9), p, Y2026)!.profile;
    expect(rolledOver(once, p, Y2026)).toBeUndefined();
    const setInAugust = student(10, { gradeSetAt: local('2026-08-20 10:00').toISOString(), gradeSchoolYear: '2025-26' });
    expect(isBehind(setInAugust, p, Y2026)).toBe(false);
  });

  it('catches up a student whose grade is two years old', () => {
    expect(rolledOver(student(9, { gradeSetAt: local('2024-10-01 10:00').toISOString() }), p, Y2026)?.profile.grade).toBe(11);
    expect(rolledOver(student(11, { gradeSetAt: local('2024-10-01 10:00').toISOString() }), p, Y2026)?.profile.graduatedIn).toBe('2025-26');
  });

  it('leaves counselors, families, students with no grade, and grades with no date alone', () => {
    expect(rolledOver({ ...student(9), role: 'counselor' }, p, Y2026)).toBeUndefined();
    expect(rolledOver(student(9, { grade: undefined }), p, Y2026)).toBeUndefined();
    const { gradeSetAt: _g, createdAt: _c, ...undated } = student(9);
    expect(isBehind(undated, p, Y2026)).toBe(false);
  });
});
