/**
 * School years move students up a grade. On the configured start of the school year
 * (data/review-policy.json schoolYearStarts), every student's grade advances by one for each school
 * year that began since the year their grade is for; a 12th grader graduates (kept, marked
 * graduatedIn, grade left at 12). Pure: the scheduler (src/scheduler/roll-over-school-year.ts)
 * reads and writes the profiles.
 *
 * The year a grade is for is the later of the profile's gradeSchoolYear (stamped by a rollover) and
 * the school year of gradeSetAt (when the person last set it), else of createdAt. So a grade a
 * student set after the new year started is never advanced twice, and advancing a profile again
 * changes nothing (idempotent).
 */
import { compareMonthDay, localParts } from './reminders/local-time.js';
import type { ReviewPolicy } from './reminders/review-policy.js';
import type { Profile } from './profile.js';

/** The first calendar year of the school year holding `at` (2026 for "2026-27"). */
export function schoolYearStartOf(policy: ReviewPolicy, at: number): number {
  const d = localParts(at, policy.timeZone);
  return compareMonthDay(d, policy.schoolYearStarts) >= 0 ? d.year : d.year - 1;
}

/** "2026-27" for 2026. */
export function schoolYearLabel(startYear: number): string {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

function startYearOfLabel(label: string | undefined): number | undefined {
  const m = label === undefined ? null : /^(\d{4})-\d{2}$/.exec(label);
  return m ? Number(m[1]) : undefined;
}

/** The parts of a profile the rollover reads (a Profile, or its facts in the index, fits). */
export interface GradeFacts {
  role?: string;
  grade?: number;
  gradeSetAt?: string;
  gradeSchoolYear?: string;
  graduatedIn?: string;
  createdAt?: string;
}

/** The first year of the school year the profile's grade is for; undefined when it has no grade. */
export function gradeYearStartOf(p: GradeFacts, policy: ReviewPolicy): number | undefined {
  if (p.grade === undefined) return undefined;
  const stamped = startYearOfLabel(p.gradeSchoolYear);
  const setAt = Date.parse(p.gradeSetAt ?? p.createdAt ?? '');
  const set = Number.isNaN(setAt) ? undefined : schoolYearStartOf(policy, setAt);
  if (stamped === undefined) return set;
  return set === undefined ? stamped : Math.max(stamped, set);
}

/**
 * Whether the profile needs a rollover in the school year starting `currentStart`: a student with a
 * grade, not graduated, whose grade is for an earlier school year. A grade with no date at all is
 * taken as this year's (never advanced on a guess).
 */
export function isBehind(p: GradeFacts, policy: ReviewPolicy, currentStart: number): boolean {
  if (p.role !== 'student' || p.grade === undefined || p.graduatedIn !== undefined) return false;
  const year = gradeYearStartOf(p, policy);
  return year !== undefined && year < currentStart;
}

export type RolloverChange = { kind: 'advanced'; from: number; to: number } | { kind: 'graduated'; from: number; graduatedIn: string };

/**
 * The profile as it should be in the school year starting `currentStart`, or undefined when nothing
 * changes. Grades 0-11 move up one per school year; a student who was in 12th grade graduates in
 * that year; grades after high school (13, 14) move up to 14 at most.
 */
export function rolledOver(profile: Profile, policy: ReviewPolicy, currentStart: number): { profile: Profile; change: RolloverChange } | undefined {
  if (!isBehind(profile, policy, currentStart)) return undefined;
  const from = profile.grade!;
  const yearsBehind = currentStart - gradeYearStartOf(profile, policy)!;
  const label = schoolYearLabel(currentStart);
  if (from <= 12 && from + yearsBehind > 12) {
    const graduatedIn = schoolYearLabel(currentStart - (from + yearsBehind - 12));
    return {
      profile: { ...profile, grade: 12, gradeSchoolYear: graduatedIn, graduatedIn },
      change: { kind: 'graduated', from, graduatedIn },
    };
  }
  const to = Math.min(from + yearsBehind, from <= 12 ? 12 : 14);
  return { profile: { ...profile, grade: to, gradeSchoolYear: label }, change: { kind: 'advanced', from, to } };
}
