import type { ProactiveSender, Reply } from '../../src/domain/messages.js';
import { COUNSELOR_REMINDERS } from '../../src/features/counselor/caseload-rows.js';
import { scheduleSend, SCHEDULED_SENDS, type ScheduledSend } from '../../src/features/counselor/scheduled-sends.js';
import { auditEntries } from '../../src/features/people/audit.js';
import { deliverScheduledSends } from '../../src/scheduler/deliver-scheduled-sends.js';
import { MemoryStore } from '../../src/store/memory-store.js';

class FakeSender implements ProactiveSender {
  readonly sent: string[] = [];
  constructor(readonly channel: string, private readonly failFor: string[] = []) {}
  async send(userId: string, _replies: Reply[]) {
    if (this.failFor.includes(userId)) throw new Error('delivery failed');
    this.sent.push(userId);
  }
}

const MONDAY_7AM = '2026-11-23T13:00:00.000Z';
const hello: Reply[] = [{ kind: 'text', text: 'Hi!' }];

describe('delivering the reminders a counselor kept for later', () => {
  it('sends each one once its time has come, only once, and records it', async () => {
    const store = new MemoryStore();
    const fake = new FakeSender('console', ['ben']);
    for (const s of ['sam', 'ben']) {
      expect(await scheduleSend(store, { studentKey: `console:${s}`, by: 'console:rivera', sendAt: MONDAY_7AM, replies: hello, createdAt: '2026-11-21T03:00:00.000Z' })).toBe(true);
    }
    // Asked twice for the same student and time: kept once.
    expect(await scheduleSend(store, { studentKey: 'console:sam', by: 'console:rivera', sendAt: MONDAY_7AM, replies: hello, createdAt: '2026-11-21T03:05:00.000Z' })).toBe(false);

    expect(await deliverScheduledSends(store, [fake], new Date('2026-11-23T12:59:00.000Z'))).toEqual({ sent: [], failed: [] });
    const due = new Date(MONDAY_7AM);
    expect(await deliverScheduledSends(store, [fake], due)).toEqual({ sent: ['console:sam'], failed: ['console:ben'] });
    expect(await deliverScheduledSends(store, [fake], new Date('2026-11-23T13:05:00.000Z'))).toEqual({ sent: [], failed: [] });
    expect(fake.sent).toEqual(['sam']);

    const states = (await store.list<ScheduledSend>(SCHEDULED_SENDS)).map((r) => [r.value.studentKey, r.value.state]);
    expect(states.sort()).toEqual([['console:ben', 'failed'], ['console:sam', 'sent']]);
    expect(await store.get(COUNSELOR_REMINDERS, 'console:sam')).toEqual({ at: MONDAY_7AM, by: 'console:rivera' });
    expect((await auditEntries(store)).map((a) => [a.action, a.subject])).toEqual([['reminder-sent', 'console:sam']]);
  });
});
