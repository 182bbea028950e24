/** Writes one audit record ("audit" collection): who did what to whom, when. Ids only. */
import { randomBytes } from 'node:crypto';
import type { AuditEntry } from '../../domain/people.js';
import type { Store } from '../../store/store.js';

export const AUDIT = 'audit';

/** Keeps entries written in the same millisecond in the order they were written (in this process). */
let sequence = 0;

export async function audit(store: Store, entry: AuditEntry): Promise<void> {
  sequence = (sequence + 1) % 1_000_000;
  const id = `${entry.at}-${String(sequence).padStart(6, '0')}-${randomBytes(3).toString('hex')}`;
  await store.put<AuditEntry>(AUDIT, id, entry);
}

/** Audit entries, oldest first (for tests and the admin CLI). */
export async function auditEntries(store: Store): Promise<AuditEntry[]> {
  const all = await store.list<AuditEntry>(AUDIT);
  return all.sort((a, b) => a.id.localeCompare(b.id)).map((r) => r.value);
}
