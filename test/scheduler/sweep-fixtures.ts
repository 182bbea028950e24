/** Students, plans and fake senders for scheduler tests. */
import type { ProactiveSender, Reply } from '../../src/domain/messages.js';
import type { Store } from '../../src/store/store.js';
import { local } from '../domain/reminders/policy-fixtures.js';

export { local, policy } from '../domain/reminders/policy-fixtures.js';

export async function addStudent(store: Store, key: string, name: string, drafted?: string, ...reviews: string[]): Promise<void> {
  await addStudentInGrade(store, key, name, 9, drafted, ...reviews);
}

/** A student in `grade` (set 1 Aug 2025, for school year 2025-26), with a plan drafted and reviewed at these local times. */
export async function addStudentInGrade(store: Store, key: string, name: string, grade: number, drafted?: string, ...reviews: string[]): Promise<void> {
  await store.put('profiles', key, { userKey: key, role: 'student', grade, displayName: name, choiceHistory: [], createdAt: '2025-08-01T00:00:00Z', lastActiveAt: '2025-08-01T00:00:00Z' });
  if (drafted) {
    await store.put('plans', key, {
      schemaVersion: 1,
      versions: [{ number: 1, at: local(drafted).toISOString(), by: key, summary: 'Drafted', plan: {} }],
      reviews: reviews.map((r, i) => ({ at: local(r).toISOString(), by: key, version: 1, changesSinceLastReview: [`change ${i}`] })),
    });
  }
}

/** A counselor meeting recorded for `windowId` ("2025-26-fall") at a local time. */
export async function addMeeting(store: Store, studentKey: string, by: string, at: string, windowId: string): Promise<void> {
  const before = (await store.get<{ meetings: object[] }>('meetings', studentKey))?.meetings ?? [];
  const iso = local(at).toISOString();
  await store.put('meetings', studentKey, {
    studentKey, meetings: [...before, { at: iso, by, windowId, schoolYear: windowId.slice(0, 7) }], notes: [], signatures: [], updatedAt: iso,
  });
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
