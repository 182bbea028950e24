/** A sweep killed mid-way leaves claims "sending": the next sweeps resolve them, retrying once at most. */
import { FAILURES, SENT, runReminderSweep, type FailureRecord, type SentRecord } from '../../src/scheduler/index.js';
import { RECOVERIES, STALE_CLAIM_MS, recoverStaleClaims } from '../../src/scheduler/recover-stale-claims.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { FakeSender, addStudent, local, policy } from './sweep-fixtures.js';

const p = policy('America/Chicago');
const KEY = 'slack:UANA|2025-26-fall|first';
const sending = (at: string): SentRecord => ({ key: KEY, kind: 'first', recipientKey: 'slack:UANA', state: 'sending', claimedAt: local(at).toISOString(), attempts: 1 });

async function killedMidSweep(at = '2025-09-15 09:00') {
  const store = new MemoryStore();
  await addStudent(store, 'slack:UANA', 'Ana', '2025-08-20 10:00');
  await store.put(SENT, KEY, sending(at)); // the process stopped between the claim and the send
  return store;
}

describe('claims left "sending" by a stopped sweep', () => {
  it('are left alone for a few minutes: the send may still be under way', async () => {
    const store = await killedMidSweep();
    const slack = new FakeSender('slack');
    expect((await runReminderSweep({ store, senders: [slack], policy: p, now: local('2025-09-15 09:05') })).sent).toBe(0);
    expect(await store.get<SentRecord>(SENT, KEY)).toMatchObject({ state: 'sending' });
  });

  it('are retried once after that, and the reminder goes out once', async () => {
    const store = await killedMidSweep();
    const slack = new FakeSender('slack');
    const later = new Date(local('2025-09-15 09:00').getTime() + STALE_CLAIM_MS);
    expect((await runReminderSweep({ store, senders: [slack], policy: p, now: later })).sent).toBe(1);
    expect(await store.get<SentRecord>(SENT, KEY)).toMatchObject({ state: 'sent' });
    expect((await runReminderSweep({ store, senders: [slack], policy: p, now: local('2025-09-15 11:00') })).sent).toBe(0);
    expect(slack.sent.map((s) => s.userId)).toEqual(['UANA']);
  });

  it('two processes resolving the same claim at once release it once', async () => {
    const store = await killedMidSweep();
    const now = local('2025-09-15 10:00');
    const results = await Promise.all([recoverStaleClaims(store, now), recoverStaleClaims(store, now)]);
    expect(results.reduce((n, r) => n + r.released, 0)).toBe(1);
    expect(results.reduce((n, r) => n + r.gaveUp, 0)).toBe(0);
    expect(await store.get(SENT, KEY)).toBeUndefined();
  });

  it('a retry that is interrupted too is given up and kept on record, never tried a third time', async () => {
    const store = await killedMidSweep();
    await recoverStaleClaims(store, local('2025-09-15 10:00'));
    expect(await store.get(RECOVERIES, KEY)).toBeDefined();
    await store.put(SENT, KEY, sending('2025-09-15 10:00')); // the retry's process stopped as well
    expect(await recoverStaleClaims(store, local('2025-09-15 11:00'))).toEqual({ released: 0, gaveUp: 1 });
    expect(await store.get<SentRecord>(SENT, KEY)).toMatchObject({ state: 'failed' });
    expect(await store.get<FailureRecord>(FAILURES, KEY)).toMatchObject({ gaveUp: true, lastError: 'Interrupted', recipientKey: 'slack:UANA' });
    const slack = new FakeSender('slack');
    expect((await runReminderSweep({ store, senders: [slack], policy: p, now: local('2025-09-16 09:00') })).sent).toBe(0);
  });
});
