/**
 * Who is connected to whom. These records are the single source of truth for access: a family
 * member sees only linked students, a counselor only their caseload, a student only themself.
 * Every id is a user key, "<channel>:<platform user id>" (terminal users are "console:<name>").
 */

/** Collection "counselors", id = counselor's user key. Only the admin CLI writes it. */
export interface CounselorRecord {
  userKey: string;
  school: string;
  /** Name students see ("Ms. Rivera"); optional. */
  displayName?: string;
  addedAt: string;
  addedBy: string;
}

/** Collection "student-links", id = student's user key: the student's side of every link. */
export interface StudentLinks {
  studentKey: string;
  counselorKeys: string[];
  familyKeys: string[];
  updatedAt: string;
}

/** Collection "family-links", id = family member's user key. */
export interface FamilyLinks {
  familyKey: string;
  studentKeys: string[];
  updatedAt: string;
}

/** Collection "caseloads", id = counselor's user key. */
export interface Caseload {
  counselorKey: string;
  studentKeys: string[];
  updatedAt: string;
}

/** Collection "audit", id = `${at}-${random}`: every link, unlink and role change. */
export interface AuditEntry {
  at: string;
  /** Who did it (user key, or "admin-cli"). */
  by: string;
  action:
    | 'counselor-added'
    | 'counselor-removed'
    | 'family-linked'
    | 'family-unlinked'
    | 'caseload-added'
    | 'caseload-removed'
    | 'access-denied'
    | 'code-locked'
    | 'safety-alert'
    | 'meeting-recorded' | 'note-added' | 'plan-signed' | 'reminder-sent' | 'student-viewed' | 'plan-viewed' | 'export';
  /** User keys involved; never names or message text. */
  subject?: string;
  target?: string;
  /** Whether a notice reached its channel (safety-alert only). */
  delivered?: boolean;
  /** The counselor's school (counselor-added only). */
  school?: string;
}

/**
 * Collection "outbox", id = user key: messages for the terminal channel, shown the next time that
 * user runs `npm start` (the terminal's proactive sender writes here).
 */
export interface OutboxRecord {
  userKey: string;
  messages: { at: string; replies: import('./messages.js').Reply[] }[];
}
