import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LowdbStore } from '../../src/store/lowdb-store.js';
import { SENT, runReminderSweep, type SentRecord } from '../../src/scheduler/index.js';
import { FakeSender, addCounselor, addStudent, local, policy } from './sweep-fixtures.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'waypoint-reminders-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('two scheduler processes on the same lowdb store', () => {
  it('send every reminder exactly once when their sweeps run at the same time', async () => {
    const setup = new LowdbStore(dir);
    await setup.open();
    const keys: string[] = [];
    for (let i = 0; i < 40; i++) {
      keys.push(`slack:U${i}`);
      await addStudent(setup, `slack:U${i}`, `Student ${i}`, '2025-08-20 10:00');
    }
    await addCounselor(setup, 'slack:UCOUNS', 'Ms. Gray', keys);

    // Two processes: separate store instances and senders, same folder, same moment.
    const a = new LowdbStore(dir);
    const b = new LowdbStore(dir);
    await Promise.all([a.open(), b.open()]);
    const senderA = new FakeSender('slack', 2);
    const senderB = new FakeSender('slack', 2);
    const now = local('2025-09-15 09:00');
    const [ra, rb] = await Promise.all([
      runReminderSweep({ store: a, senders: [senderA], policy: policy(), now }),
      runReminderSweep({ store: b, senders: [senderB], policy: policy(), now }),
    ]);

    const delivered = [...senderA.sent, ...senderB.sent].map((s) => s.userId).sort();
    expect(delivered).toEqual(keys.map((k) => k.slice('slack:'.length)).sort());
    expect(ra.sent + rb.sent).toBe(40);
    expect(ra.skipped + rb.skipped).toBe(40); // each reminder was claimed by the other process once
    const records = await setup.list<SentRecord>(SENT);
    expect(records).toHaveLength(40);
    expect(records.every((r) => r.value.state === 'sent')).toBe(true);

    // A restart (a fresh store instance) later the same day sends nothing again.
    const restarted = new LowdbStore(dir);
    await restarted.open();
    const again = new FakeSender('slack');
    expect((await runReminderSweep({ store: restarted, senders: [again], policy: policy(), now: local('2025-09-15 11:00') })).sent).toBe(0);
    expect(again.sent).toEqual([]);
  });
});
