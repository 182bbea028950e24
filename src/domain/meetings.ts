/**
 * Counselor meetings, notes and the plan's sign-off (the Individual Career and Academic Plan
 * sign-off): the record of the review-meeting workflow for one student. Pure types and rules; the
 * counselor feature reads and writes them (collection "meetings", id = student's user key).
 *
 * Missouri's plan guidance asks for a counselor meeting in each review window (fall and spring,
 * data/review-policy.json) and a plan review each school year. A student tapping "looks right"
 * alone is a plan review, never a counselor meeting.
 */
import type { ReviewWindow, SchoolCalendar } from './reminders/school-calendar.js';

/** One meeting a counselor recorded ("met with Sam today", "mark Sam's plan reviewed"). */
export interface Meeting {
  /** When it happened (ISO instant; "today" is the moment it was recorded). */
  at: string;
  /** The counselor who recorded it (user key). */
  by: string;
  /** The review window it counts for ("2026-27-fall"); absent when no window was open or near. */
  windowId?: string;
  /** "2026-27" */
  schoolYear: string;
}

/** A note a counselor added. Visible to counselors only: never to the student or their family. */
export interface CounselorNote {
  at: string;
  by: string;
  /** Cleaned, at most MAX_NOTE_LENGTH characters. */
  text: string;
}

export type Signer = 'counselor' | 'student' | 'family';

/** One signature on the plan, for one plan version. */
export interface Signature {
  role: Signer;
  /** Who signed (user key). */
  by: string;
  at: string;
  /** The plan version number signed: a later change asks for signatures again. */
  planVersion: number;
}

/** Collection "meetings", id = student's user key. */
export interface MeetingRecord {
  studentKey: string;
  meetings: Meeting[];
  notes: CounselorNote[];
  signatures: Signature[];
  updatedAt: string;
}

export const MEETINGS = 'meetings';
export const MAX_NOTE_LENGTH = 1000;

export function emptyMeetingRecord(studentKey: string, now: string): MeetingRecord {
  return { studentKey, meetings: [], notes: [], signatures: [], updatedAt: now };
}

/**
 * The window a meeting at `at` counts for: the one open then, else the most recent one that
 * closed before it in this school year (a late meeting makes up for a missed window).
 */
export function windowForMeeting(calendar: SchoolCalendar, at: number): ReviewWindow | undefined {
  let closed: ReviewWindow | undefined;
  for (const w of calendar.windows) {
    if (w.opensAt <= at && at < w.endsAt) return w;
    if (w.endsAt <= at) closed = w;
  }
  return closed;
}

/** Whether a counselor meeting was recorded for this window. */
export function metInWindow(record: MeetingRecord | undefined, windowId: string): boolean {
  return record?.meetings.some((m) => m.windowId === windowId) ?? false;
}

/** The latest meeting, if any. */
export function lastMeeting(record: MeetingRecord | undefined): Meeting | undefined {
  let best: Meeting | undefined;
  for (const m of record?.meetings ?? []) if (!best || Date.parse(m.at) > Date.parse(best.at)) best = m;
  return best;
}

/** The signatures that hold for this plan version (one per role, the latest). */
export function currentSignatures(record: MeetingRecord | undefined, planVersion: number): Partial<Record<Signer, Signature>> {
  const out: Partial<Record<Signer, Signature>> = {};
  for (const s of record?.signatures ?? []) {
    if (s.planVersion !== planVersion) continue;
    const had = out[s.role];
    if (!had || Date.parse(s.at) > Date.parse(had.at)) out[s.role] = s;
  }
  return out;
}
