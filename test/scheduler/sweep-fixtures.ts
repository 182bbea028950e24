/** Students, plans and fake senders for scheduler tests. */
import type { ProactiveSender, Reply } from '../../src/domain/messages.js';
import type { Store } from '../../src/store/store.js';
import { local } from '../domain/reminders/policy-fixtures.js';

export { local, policy } from '../domain/reminders/policy-fixtures.js';

export async function addStudent(store: Store, key: string, name: string, drafted?: string, ...reviews: string[]): Promise<void> {
  await store.put('profiles', key, { userKey: key, role: 'student', grade: 9, displayName: name, choiceHistory: [], createdAt: '2025-08-01T00:00:00Z', lastActiveAt: '2025-08-01T00:00:00Z' });
  if (drafted) {
    await store.put('plans', key, {
      schemaVersion: 1,
      versions: [{ number: 1, at: local(drafted).toISOString(), by: key, summary: 'Drafted', plan: {} }],
      reviews: reviews.map((r, i) => ({ at: local(r).toISOString(), by: key, version: 1, changesSinceLastReview: [`change ${i}`] })),
    });
  }
}

export async function addCounselor(store: Store, key: string, name: string, studentKeys: string[]): Promise<void> {
  await store.put('counselors', key, { userKey: key, school: 'Central High', addedAt: '2025-08-01T00:00:00Z', addedBy: 'admin-cli' });
  await store.put('profiles', key, { userKey: key, role: 'counselor', displayName: name, choiceHistory: [], createdAt: '2025-08-01T00:00:00Z', lastActiveAt: '2025-08-01T00:00:00Z' });
  await store.put('caseloads', key, { counselorKey: key, studentKeys, updatedAt: '2025-08-01T00:00:00Z' });
}

export class FakeSender implements ProactiveSender {
  readonly sent: { userId: string; replies: Reply[] }[] = [];
  failing = false;
  constructor(readonly channel: string, private readonly delayMs = 0) {}
  async send(userId: string, replies: Reply[]): Promise<void> {
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    if (this.failing) throw Object.assign(new Error('platform said no for someone'), { code: 'channel_not_found' });
    this.sent.push({ userId, replies });
  }
}
