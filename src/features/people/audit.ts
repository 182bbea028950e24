/**
 * The audit: who did what to whom, when ("audit" collection; ids only, never names or text).
 * `audit(store, entry)` is the one call for every feature. Record ids start with the time, so a
 * reader picks entries by id (`--since`) before reading any; views of a student by someone else
 * are also kept per student ("record-views"), so "who looked at my plan?" reads one small record.
 */
import { randomBytes } from 'node:crypto';
import type { AuditEntry, RecordViews } from '../../domain/people.js';
import type { Store } from '../../store/store.js';

export const AUDIT = 'audit';
export const RECORD_VIEWS = 'record-views';

const VIEW_ACTIONS = new Set<AuditEntry['action']>(['student-viewed', 'plan-viewed', 'export']);
const VIEWS_KEPT_MS = 90 * 24 * 60 * 60 * 1000;
const VIEWS_KEPT = 50;

/** Keeps entries written in the same millisecond in the order they were written (in this process). */
let sequence = 0;

export async function audit(store: Store, entry: AuditEntry): Promise<void> {
  sequence = (sequence + 1) % 1_000_000;
  const id = `${entry.at}-${String(sequence).padStart(6, '0')}-${randomBytes(3).toString('hex')}`;
  await store.put<AuditEntry>(AUDIT, id, entry);
  if (VIEW_ACTIONS.has(entry.action) && entry.subject && entry.subject !== entry.by) await noteView(store, entry);
}

async function noteView(store: Store, entry: AuditEntry): Promise<void> {
  const studentKey = entry.subject!;
  const before = (await store.get<RecordViews>(RECORD_VIEWS, studentKey))?.views ?? [];
  const oldest = Date.parse(entry.at) - VIEWS_KEPT_MS;
  const views = [...before.filter((v) => Date.parse(v.at) >= oldest), { at: entry.at, by: entry.by, action: entry.action as RecordViews['views'][number]['action'] }];
  await store.put<RecordViews>(RECORD_VIEWS, studentKey, { studentKey, views: views.slice(-VIEWS_KEPT) });
}

/** The views of a student's record by others since `since`, newest first. */
export async function viewsOf(store: Store, studentKey: string, since: Date): Promise<RecordViews['views']> {
  const views = (await store.get<RecordViews>(RECORD_VIEWS, studentKey))?.views ?? [];
  return views.filter((v) => Date.parse(v.at) >= since.getTime()).reverse();
}

export interface AuditQuery {
  /** Only entries about this student (subject or target). */
  student?: string;
  /** Only entries on or after this day (UTC, "YYYY-MM-DD"). */
  since?: string;
}

/** Audit entries, oldest first. With `since`, only the records from that day on are read. */
export async function auditEntries(store: Store, q: AuditQuery = {}): Promise<AuditEntry[]> {
  const ids = (await store.ids(AUDIT)).filter((id) => !q.since || id >= q.since).sort();
  const out: AuditEntry[] = [];
  for (let i = 0; i < ids.length; i += 200) {
    const batch = await Promise.all(ids.slice(i, i + 200).map((id) => store.get<AuditEntry>(AUDIT, id)));
    for (const e of batch) if (e && (!q.student || e.subject === q.student || e.target === q.student)) out.push(e);
  }
  return out;
}
