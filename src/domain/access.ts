/**
 * The one access rule: who may see a student's things (profile, plan, what's due). A family
 * member sees only the students linked to them, a counselor only their caseload (and only while
 * an admin has them authorised), never a student at another school, a student only themself.
 * Pure: the caller loads the links. A refusal always gets the same polite answer, in the
 * catalogs as people.cantShare.
 */
import type { Role } from './profile.js';

export interface Viewer {
  /** The viewer's user key. */
  key: string;
  /** Undefined when the viewer has no profile yet: they see nothing. */
  role?: Role;
}

/** What the viewer is connected to, read from the link records. */
export interface ViewerLinks {
  /** Students linked to this family member ("family-links"). */
  linkedStudents: readonly string[];
  /** Students on this counselor's caseload ("caseloads"). */
  caseload: readonly string[];
  /** Whether an admin has authorised this user as a counselor (a "counselors" record exists). */
  authorisedCounselor: boolean;
  /** The counselor's school (from their "counselors" record). */
  school?: string;
}

/** What is known about the student asked for. */
export interface StudentFacts {
  /** The student's school, when known ("student-links"). */
  school?: string;
}

/** Whether a student is at another school than the counselor's (unknown schools never differ). */
export function atOtherSchool(counselorSchool: string | undefined, studentSchool: string | undefined): boolean {
  if (!counselorSchool || !studentSchool) return false;
  return sameSchool(counselorSchool) !== sameSchool(studentSchool);
}

const sameSchool = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

export const NO_LINKS: ViewerLinks = { linkedStudents: [], caseload: [], authorisedCounselor: false };

/** Whether `viewer` may see the student whose user key is `studentKey`. */
export function maySee(viewer: Viewer, studentKey: string, links: ViewerLinks, student: StudentFacts = {}): boolean {
  switch (viewer.role) {
    case 'student':
      return studentKey === viewer.key;
    case 'family':
      return links.linkedStudents.includes(studentKey);
    case 'counselor':
      return links.authorisedCounselor && links.caseload.includes(studentKey) && !atOtherSchool(links.school, student.school);
    default:
      return false;
  }
}
