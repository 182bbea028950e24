/** Writes one audit record ("audit" collection): who did what to whom, when. Ids only. */
import { randomBytes } from 'node:crypto';
import type { AuditEntry } from '../../domain/people.js';
import type { Store } from '../../store/store.js';

export const AUDIT = 'audit';

export async function audit(store: Store, entry: AuditEntry): Promise<void> {
  const id = `${entry.at}-${randomBytes(4).toString('hex')}`;
  await store.put<AuditEntry>(AUDIT, id, entry);
}

/** Audit entries, oldest first (for tests and the admin CLI). */
export async function auditEntries(store: Store): Promise<AuditEntry[]> {
  const all = await store.list<AuditEntry>(AUDIT);
  return all.map((r) => r.value).sort((a, b) => a.at.localeCompare(b.at));
}
