/**
 * The reminder sweep on two replicas of one PostgreSQL database: one sweeps, the other skips while
 * it does; every reminder goes out once. A Teams replica's sweep is not held up by a Slack one.
 */
import { IndexedStore } from '../../src/store/indexed-store.js';
import { PostgresStore } from '../../src/store/postgres-store.js';
import { SENT, startScheduler, type SentRecord } from '../../src/scheduler/index.js';
import { FakeSender, addStudent, local, policy } from '../scheduler/sweep-fixtures.js';
import { createTestDatabase, postgresForTests, type TestDatabase } from '../store/postgres-test-db.js';

const runPostgres = await postgresForTests();
const describePostgres = runPostgres ? describe : describe.skip;

describePostgres('the reminder sweep on two replicas of one PostgreSQL database', () => {
  let db: TestDatabase;
  const opened: PostgresStore[] = [];
  const replica = async () => {
    const inner = await PostgresStore.connect(db.url);
    opened.push(inner);
    const store = new IndexedStore(inner, { sealWaitMs: 0 });
    await store.open({ shortLived: true });
    return store;
  };
  beforeEach(async () => {
    db = await createTestDatabase('waypoint_sweep');
  });
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
    await db.drop();
  });

  it('runs on one replica at a time: the other skips that sweep, and every reminder is sent once', async () => {
    const [a, b] = await Promise.all([replica(), replica()]);
    const keys = Array.from({ length: 20 }, (_, i) => `slack:U${i}`);
    for (const [i, key] of keys.entries()) await addStudent(a, key, `Student ${i}`, '2025-08-20 10:00');
    const now = () => local('2025-09-15 09:00');
    const [slackA, slackB] = [new FakeSender('slack', 300), new FakeSender('slack', 300)];
    const skipped: object[] = [];
    const logger = { info: (o: object, msg?: string) => void (msg?.includes('skips') && skipped.push(o)), warn: () => undefined };
    const one = startScheduler({ store: a, senders: [slackA], policy: policy(), clock: now, logger });
    const two = startScheduler({ store: b, senders: [slackB], policy: policy(), clock: now, logger });
    const [ra, rb] = await Promise.all([one.sweepNow(), two.sweepNow()]);
    // One replica swept (and sent everything); the other found it sweeping and skipped.
    expect([ra, rb].filter((r) => r === undefined)).toHaveLength(1);
    expect((ra ?? rb)!.sent).toBe(20);
    expect(skipped).toEqual([{ job: 'reminder-sweep:slack' }]);
    expect([...slackA.sent, ...slackB.sent].map((s) => s.userId).sort()).toEqual(keys.map((k) => k.slice('slack:'.length)).sort());
    const claims = await a.list<SentRecord>(SENT);
    expect(claims.filter((c) => c.value.state === 'sent')).toHaveLength(20);
    // The next sweep runs (on either) and sends nothing again.
    const again = await two.sweepNow();
    expect(again?.sent).toBe(0);
    await Promise.all([one.stop(), two.stop()]);
  });

  it('a Teams replica sweeps while a Slack replica is sweeping', async () => {
    const [a, b] = await Promise.all([replica(), replica()]);
    await addStudent(a, 'slack:U1', 'Ana', '2025-08-20 10:00');
    await addStudent(a, 'teams:T1', 'Bo', '2025-08-20 10:00');
    const now = () => local('2025-09-15 09:00');
    const slack = new FakeSender('slack', 300);
    const teams = new FakeSender('teams');
    const slackReplica = startScheduler({ store: a, senders: [slack], policy: policy(), clock: now });
    const teamsReplica = startScheduler({ store: b, senders: [teams], policy: policy(), clock: now });
    const [rs, rt] = await Promise.all([slackReplica.sweepNow(), teamsReplica.sweepNow()]);
    expect(rs?.sent).toBe(1);
    expect(rt?.sent).toBe(1);
    expect(teams.sent.map((s) => s.userId)).toEqual(['T1']);
    await Promise.all([slackReplica.stop(), teamsReplica.stop()]);
  });
});
