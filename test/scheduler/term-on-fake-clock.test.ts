/**
 * Whole weeks of the scheduler on a fake clock: two scheduler instances sweep the same store every
 * 30 minutes, and every reminder must go out once, at the first allowed moment (07:00 local on a
 * school day), never in quiet hours or on a weekend.
 */
import type { ProactiveSender, Reply } from '../../src/domain/messages.js';
import { localParts } from '../../src/domain/reminders/index.js';
import { startScheduler } from '../../src/scheduler/index.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { addCounselor, addStudent, local, policy } from './sweep-fixtures.js';

const TZ = 'America/Chicago';
const STEP = 30 * 60_000;

class ClockedSender implements ProactiveSender {
  readonly channel = 'slack';
  readonly sent: { to: string; at: Date; kind: string }[] = [];
  constructor(private readonly clock: () => Date) {}
  async send(userId: string, replies: Reply[]): Promise<void> {
    const kind = /overdue for a plan meeting/.test(replies[0]!.text) ? 'digest' : /friendly reminder/.test(replies[0]!.text) ? 'second' : 'first';
    this.sent.push({ to: userId, at: this.clock(), kind });
  }
}

/** Runs two schedulers on one store from `from` to `to` (local times) and returns every send, in order. */
async function run(store: MemoryStore, from: string, to: string, step = STEP) {
  let now = local(from);
  const clock = () => now;
  const senders = [new ClockedSender(clock), new ClockedSender(clock)];
  const schedulers = senders.map((s) => startScheduler({ store, senders: [s], policy: policy(TZ), clock, everyMinutes: 60 }));
  for (const end = local(to).getTime(); now.getTime() < end; now = new Date(now.getTime() + step)) {
    await Promise.all(schedulers.map((s) => s.sweepNow()));
  }
  await Promise.all(schedulers.map((s) => s.stop()));
  const all = senders.flatMap((s) => s.sent).sort((a, b) => a.at.getTime() - b.at.getTime());
  const when = (d: Date) => {
    const p = localParts(d.getTime(), TZ);
    return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')} ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
  };
  for (const s of all) {
    const p = localParts(s.at.getTime(), TZ);
    expect([when(s.at), p.weekday >= 1 && p.weekday <= 5, p.hour >= 7 && p.hour < 20]).toEqual([when(s.at), true, true]);
  }
  return all.map((s) => `${when(s.at)} ${s.to} ${s.kind}`);
}

describe('the scheduler over whole weeks, two instances on one store', () => {
  it('spring opens on a Sunday: first reminders Monday 07:00, the second 14 days later, one digest each Monday', async () => {
    const store = new MemoryStore();
    await addStudent(store, 'slack:UANA', 'Ana', '2025-08-20 10:00', '2025-10-01 10:00'); // fall done
    await addStudent(store, 'slack:UDAN', 'Dan', '2025-08-20 10:00'); // missed fall: overdue
    await addStudent(store, 'slack:UEVE', 'Eve', '2025-08-20 10:00', '2025-10-01 10:00', '2026-02-01 10:00'); // reviewed the day spring opened
    await addCounselor(store, 'slack:UGRAY', 'Ms. Gray', ['slack:UANA', 'slack:UDAN', 'slack:UEVE']);

    expect(await run(store, '2026-01-26 00:00', '2026-02-21 00:00')).toEqual([
      '2026-01-26 07:00 UGRAY digest',
      '2026-02-02 07:00 UANA first',
      '2026-02-02 07:00 UDAN first',
      '2026-02-02 07:00 UGRAY digest',
      '2026-02-09 07:00 UGRAY digest',
      '2026-02-16 07:00 UANA second',
      '2026-02-16 07:00 UDAN second',
      '2026-02-16 07:00 UGRAY digest',
    ]);
  });

  it('the school year rolls over on 1 Aug, and fall opening on a Tuesday sends at 07:00 that day', async () => {
    const store = new MemoryStore();
    await addStudent(store, 'slack:UANA', 'Ana', '2025-08-20 10:00', '2025-10-01 10:00'); // missed spring 2026
    await addCounselor(store, 'slack:UGRAY', 'Ms. Gray', ['slack:UANA']);
    // Overdue in the digest until the school year ends on 31 Jul; the new year starts clean.
    expect(await run(store, '2026-07-20 00:00', '2026-09-17 00:00', 60 * 60_000)).toEqual([
      '2026-07-20 07:00 UGRAY digest',
      '2026-07-27 07:00 UGRAY digest',
      '2026-09-15 07:00 UANA first',
    ]);
  });
});
