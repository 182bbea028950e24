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
  /**
   * The student's school, known once they join a counselor (class code, admin, roster, accepted
   * request): that counselor's school. A counselor at another school never sees them.
   */
  school?: string;
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
    | 'code-locked-day'
    | 'codes-paused'
    | 'safety-alert'
    | 'role-changed'
    | 'meeting-recorded'
    | 'note-added'
    | 'plan-signed'
    | 'reminder-sent'
    | 'student-viewed'
    | 'plan-viewed'
    | 'export'
    | 'caseload-requested'
    | 'caseload-request-accepted'
    | 'caseload-request-declined'
    | 'roster-imported';
  /** User keys involved; never names or message text. */
  subject?: string;
  target?: string;
  /** Whether a notice reached its channel (safety-alert only). */
  delivered?: boolean;
  /** The counselor's school (counselor-added, exports). */
  school?: string;
  /** The caseload request (caseload-request-*), or how many students a roster import placed. */
  request?: string;
  count?: number;
}

/**
 * Collection "caseload-requests", id = request id (short, typeable: "R-7KX4M2"): a counselor asks
 * to add a student; the student (or the admin) says yes or no.
 */
export interface CaseloadRequest {
  id: string;
  counselorKey: string;
  studentKey: string;
  /** The counselor's school when asked. */
  school: string;
  at: string;
  state: 'waiting' | 'accepted' | 'declined';
  /** When the student was asked (a message through their channel, or in their chat). */
  askedAt?: string;
  decidedAt?: string;
  /** The student's key, or "admin-cli". */
  decidedBy?: string;
}

/** Collection "caseload-asks", id = student's user key: their requests still waiting for an answer. */
export interface CaseloadAsks {
  studentKey: string;
  requestIds: string[];
}

/**
 * Collection "record-views", id = student's user key: the latest views of the student's record by
 * someone else (newest last, at most 90 days and 50 entries), so "who looked at my plan?" reads
 * one small record, never the whole audit.
 */
export interface RecordViews {
  studentKey: string;
  views: { at: string; by: string; action: 'student-viewed' | 'plan-viewed' | 'export' }[];
}

/**
 * Collection "outbox", id = user key: messages for the terminal channel, shown the next time that
 * user runs `npm start` (the terminal's proactive sender writes here).
 */
export interface OutboxRecord {
  userKey: string;
  messages: { at: string; replies: import('./messages.js').Reply[] }[];
}
