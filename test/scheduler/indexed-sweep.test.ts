import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FAILURES, SENT, runReminderSweep, startScheduler, type SweepResult } from '../../src/scheduler/index.js';
import { IndexedStore } from '../../src/store/indexed-store.js';
import { LowdbStore } from '../../src/store/lowdb-store.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';
import { FakeSender, addCounselor, addStudent, local, policy } from './sweep-fixtures.js';

const p = policy('America/Chicago');

/** A school with every kind of student and counselor the sweep treats differently. */
async function school(store: Store): Promise<void> {
  const keys: string[] = [];
  for (let i = 0; i < 30; i++) {
    const key = i % 3 === 0 ? `teams:29:s${i}` : `slack:U${i}`;
    keys.push(key);
    if (i % 5 === 4) await addStudent(store, key, `Student ${i}`); // no plan
    else if (i % 4 === 1) await addStudent(store, key, `Student ${i}`, '2025-08-20 10:00', '2025-09-16 08:00'); // reviewed in fall
    else await addStudent(store, key, `Student ${i}`, '2025-08-20 10:00', ...(i % 7 === 0 ? ['2025-03-01 10:00'] : []));
  }
  await store.put('plans', 'slack:UNOPROFILE', { schemaVersion: 1, versions: [{ number: 1, at: local('2025-08-21 10:00').toISOString() }], reviews: [] });
  await store.put('plans', 'slack:UDROPPED', { schemaVersion: 1, versions: [{ number: 1, at: local('2025-08-21 10:00').toISOString() }], reviews: [] });
  await store.delete('plans', 'slack:UDROPPED');
  await store.put('profiles', 'slack:U2', { userKey: 'slack:U2', role: 'family', displayName: 'Not A Student', choiceHistory: [], createdAt: 'x', lastActiveAt: 'x' });
  await store.put('plans', 'slack:U2', { schemaVersion: 1, versions: [{ number: 1, at: local('2025-08-21 10:00').toISOString() }], reviews: [] });
  await addCounselor(store, 'slack:UC1', 'Ms. Gray', keys.slice(0, 15));
  await addCounselor(store, 'teams:29:c2', 'Mr. Ode', [...keys.slice(10, 30), 'slack:UNOPROFILE']);
  await addCounselor(store, 'slack:UC3', 'Gone', keys);
  await store.delete('counselors', 'slack:UC3'); // no longer authorised: no digest
  await store.put('caseloads', 'slack:UC1', { counselorKey: 'slack:UC1', studentKeys: keys.slice(0, 12), updatedAt: 'x' });
}

const MOMENTS = ['2025-09-15 09:00', '2025-09-15 09:05', '2025-09-29 09:00', '2025-10-14 09:00', '2025-11-17 09:00', '2025-11-18 09:00', '2025-11-24 07:30'];

async function runAll(store: Store, sorted: boolean) {
  const slack = new FakeSender('slack');
  const teams = new FakeSender('teams');
  const results: SweepResult[] = [];
  for (const [i, at] of MOMENTS.entries()) {
    results.push(await runReminderSweep({ store, senders: [], policy: p, now: local(at), dryRun: true }));
    slack.failing = i === 1;
    results.push(await runReminderSweep({ store, senders: [slack, teams], policy: p, now: local(at), maxSends: sorted ? 1000 : 7 }));
  }
  const order = <T>(xs: T[]) => (sorted ? [...xs].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) : xs);
  return {
    results: results.map((r) => ({ ...r, wouldSend: order(r.wouldSend) })),
    sent: order([...slack.sent, ...teams.sent]),
    claims: order((await store.list(SENT)).map((r) => r.value)).map((v) => ({ ...(v as object), claimedAt: 'x' })),
    failures: order((await store.list(FAILURES)).map((r) => r.value)),
  };
}

class CountingStore extends MemoryStore {
  planReads = 0;
  profileReads = 0;
  override async get<T>(collection: string, id: string): Promise<T | undefined> {
    if (collection === 'plans') this.planReads++;
    if (collection === 'profiles') this.profileReads++;
    return super.get<T>(collection, id);
  }
}

describe('reminder sweeps over the facts index', () => {
  it('give exactly the same reminders, messages and records as reading every plan', async () => {
    const plain = new MemoryStore();
    const indexed = new IndexedStore(new MemoryStore(), { sealWaitMs: 0 });
    await school(plain);
    await school(indexed);
    const a = await runAll(plain, false);
    const b = await runAll(indexed, false);
    expect(a.sent.length).toBeGreaterThan(20);
    expect(a.results.some((r) => r.failed > 0)).toBe(true);
    expect(a.sent.some((s) => s.replies[0]!.text.includes('overdue'))).toBe(true);
    expect(b).toEqual(a);
  });

  it('give the same answer on the lowdb store, also over data saved before the index existed', async () => {
    const dirs = await Promise.all([0, 1].map(() => mkdtemp(path.join(tmpdir(), 'waypoint-indexed-sweep-'))));
    try {
      await school(new LowdbStore(dirs[0]!));
      await school(new LowdbStore(dirs[1]!)); // saved without the index: rebuilt on open
      const indexed = new IndexedStore(new LowdbStore(dirs[1]!), { sealWaitMs: 0 });
      await indexed.open();
      expect(await runAll(indexed, true)).toEqual(await runAll(new LowdbStore(dirs[0]!), true));
    } finally {
      await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
    }
  });

  it('read no plan and no profile files, only the records of reminders they send', async () => {
    const inner = new CountingStore();
    const store = new IndexedStore(inner, { sealWaitMs: 0 });
    await store.open();
    await school(store);
    const dry = await runReminderSweep({ store, senders: [], policy: p, now: local('2025-09-15 09:00'), dryRun: true });
    expect(dry.wouldSend.length).toBeGreaterThan(10);
    expect(dry.wouldSend.find((w) => w.userKey === 'slack:U7')?.name).toBe('Student 7');
    expect(inner.planReads + inner.profileReads).toBe(0);

    const slack = new FakeSender('slack');
    const r = await runReminderSweep({ store, senders: [slack], policy: p, now: local('2025-09-15 09:00') });
    expect(r.sent).toBeGreaterThan(5);
    expect(inner.planReads + inner.profileReads).toBe(0);
    // The claims are in the index too: the next sweep sends nothing and reads no claim either.
    const again = await runReminderSweep({ store, senders: [slack], policy: p, now: local('2025-09-15 09:05') });
    expect(again.sent).toBe(0);
  });

  it('two processes with the index send every reminder exactly once', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'waypoint-indexed-two-'));
    try {
      const setup = new IndexedStore(new LowdbStore(dir), { sealWaitMs: 0 });
      await setup.open();
      const keys = Array.from({ length: 30 }, (_, i) => `slack:U${i}`);
      for (const k of keys) await addStudent(setup, k, k, '2025-08-20 10:00');
      const a = new IndexedStore(new LowdbStore(dir), { sealWaitMs: 0 });
      const b = new IndexedStore(new LowdbStore(dir), { sealWaitMs: 0 });
      await Promise.all([a.open(), b.open()]);
      const [sa, sb] = [new FakeSender('slack', 2), new FakeSender('slack', 2)];
      const now = local('2025-09-15 09:00');
      await Promise.all([runReminderSweep({ store: a, senders: [sa], policy: p, now }), runReminderSweep({ store: b, senders: [sb], policy: p, now })]);
      expect([...sa.sent, ...sb.sent].map((s) => `slack:${s.userId}`).sort()).toEqual([...keys].sort());
      const later = await runReminderSweep({ store: new IndexedStore(new LowdbStore(dir)), senders: [new FakeSender('slack')], policy: p, now: local('2025-09-15 11:00') });
      expect(later).toMatchObject({ sent: 0, skipped: 0 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('the scheduler compacts the facts index after a sweep once it is due, without changing the facts', async () => {
    const store = new IndexedStore(new MemoryStore(), { sealWaitMs: 0, compactEveryMs: 24 * 3600_000 });
    await store.open();
    await school(store);
    const before = await store.facts();
    const plans = [...before.plans];
    expect(before.stats.liveLines).toBeGreaterThan(50);
    const slack = new FakeSender('slack');
    const scheduler = startScheduler({ store, senders: [slack], policy: p, clock: () => local('2025-09-15 09:00') });
    await scheduler.sweepNow();
    expect((await store.readLog('facts')).length).toBeGreaterThan(0); // not due yet: a fresh snapshot, a short log

    const dueStore = new IndexedStore(store.inner, { sealWaitMs: 0, compactEveryMs: 0 });
    const dueScheduler = startScheduler({ store: dueStore, senders: [slack], policy: p, clock: () => local('2025-09-15 09:05') });
    await dueStore.facts();
    await dueScheduler.sweepNow();
    expect(await store.readLog('facts')).toEqual([]);
    const after = await dueStore.facts();
    expect([...after.plans]).toEqual(plans);
    expect(after.sent.size).toBeGreaterThan(5);
    await Promise.all([scheduler.stop(), dueScheduler.stop()]);
  });
});
