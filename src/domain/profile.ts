import type { Grade } from './grade.js';
import type { Answer, InterestResult } from './score-interests.js';

export type Role = 'student' | 'family' | 'counselor';

/** A student's chosen Path/Cluster/Pathway, with when it was chosen. */
export interface CareerChoice {
  pathId: string;
  clusterId?: string;
  pathwayId?: string;
  chosenAt: string;
}

/** Who someone is to Waypoint. Collection "profiles", id = user key ("<channel>:<user id>"). */
export interface Profile {
  userKey: string;
  role: Role;
  grade?: Grade;
  /** When the grade was set, so the grade can move up with the school year. */
  gradeSetAt?: string;
  /**
   * The school year the grade is for ("2026-27"), set when the school year rolls over
   * (src/domain/school-year-rollover.ts). A grade set by the person later counts for the school
   * year of gradeSetAt; the later of the two wins.
   */
  gradeSchoolYear?: string;
  /** When this person changed their role, within the last day (see role-changes.ts). */
  roleChanges?: string[];
  /** The school year the student finished 12th grade in ("2025-26"): kept, never reminded, not active. */
  graduatedIn?: string;
  displayName?: string;
  /**
   * The language Waypoint speaks with this person ("en", "es"): chosen by them, or confirmed after
   * their first messages. Absent: English, or what their messages so far are written in.
   */
  language?: 'en' | 'es';
  /** A family member asked for reminders about their student's reviews and meetings (off unless asked). */
  familyReminders?: boolean;
  choice?: CareerChoice;
  /** Earlier choices, newest last: changing your mind is normal. */
  choiceHistory: CareerChoice[];
  createdAt: string;
  lastActiveAt: string;
}

/** The last finished interest questions. Collection "interest-results", id = user key. */
export interface InterestResultRecord {
  userKey: string;
  grade: Grade;
  answers: Answer[];
  result: InterestResult;
  at: string;
  /** Earlier runs (answers dropped), newest last. */
  earlier: { at: string; topClusterIds: string[]; topPathIds: string[] }[];
}

/**
 * The profile with the platform's name filled in when it has none yet (Slack's name can arrive a
 * turn late); undefined when nothing changes. A name already there, set by a counselor's admin or
 * an earlier turn, is kept.
 */
export function withMissingName(profile: Profile | undefined, platformName: string | undefined): Profile | undefined {
  const name = platformName?.trim().slice(0, 80);
  if (!profile || !name || profile.displayName?.trim()) return undefined;
  return { ...profile, displayName: name };
}

/** A student marked graduated at a school-year rollover: kept on record, never reminded, not counted as active. */
export function isGraduated(profile: Pick<Profile, 'graduatedIn'> | undefined): boolean {
  return profile?.graduatedIn !== undefined;
}
