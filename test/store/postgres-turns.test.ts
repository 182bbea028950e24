/**
 * Several replicas on one PostgreSQL database, at the store: a turn is one transaction under its
 * user's lock (postgres-transactions.ts). One user's turns run one at a time across processes,
 * different users' side by side; a failed turn or a replica killed mid-turn leaves nothing behind
 * (records and facts index lines alike); a job run `alone` runs on one process at a time.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IndexedStore } from '../../src/store/indexed-store.js';
import { PostgresStore } from '../../src/store/postgres-store.js';
import { turnScopeOf } from '../../src/engine/turn-scope.js';
import { createTestDatabase, postgresForTests, type TestDatabase } from './postgres-test-db.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const runPostgres = await postgresForTests();
const describePostgres = runPostgres ? describe : describe.skip;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describePostgres('turns on several replicas of one PostgreSQL database', () => {
  let db: TestDatabase;
  const opened: PostgresStore[] = [];
  /** One replica: its own pool, under the facts index as the servers run it. */
  const replica = async () => {
    const inner = await PostgresStore.connect(db.url);
    opened.push(inner);
    const store = new IndexedStore(inner, { sealWaitMs: 0 });
    await store.open({ shortLived: true });
    return { store, inner, scope: turnScopeOf(store) };
  };
  beforeAll(async () => {
    db = await createTestDatabase('waypoint_turns');
  });
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
    const cleanup = await PostgresStore.connect(db.url);
    await cleanup.clear();
    await cleanup.close();
  });
  afterAll(() => db.drop());

  it('a store on PostgreSQL offers a shared scope; the facts index passes it on', async () => {
    const { store, inner } = await replica();
    expect(turnScopeOf(store).shared).toBe(true);
    expect(turnScopeOf(inner).shared).toBe(true);
  });

  it('one user’s turns sent to two replicas at once are applied one at a time: none is lost', async () => {
    const [a, b] = await Promise.all([replica(), replica()]);
    const running = { now: 0, most: 0 };
    const turn = (r: typeof a, n: number) =>
      r.scope.run('slack:U1', async () => {
        running.most = Math.max(running.most, ++running.now);
        const session = (await r.store.get<{ turns: number[] }>('sessions', 'slack:U1')) ?? { turns: [] };
        await sleep(5); // the engine's work between reading and writing the session
        await r.store.put('sessions', 'slack:U1', { turns: [...session.turns, n] });
        running.now--;
      });
    await Promise.all(Array.from({ length: 20 }, (_, n) => turn(n % 2 === 0 ? a : b, n)));
    expect(running.most).toBe(1);
    const { turns } = (await a.store.get<{ turns: number[] }>('sessions', 'slack:U1'))!;
    expect([...turns].sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, n) => n));
  });

  it('turns waiting for one user are applied in the order they asked, whichever replica asked', async () => {
    const [a, b] = await Promise.all([replica(), replica()]);
    const order: number[] = [];
    const turns: Promise<void>[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const waiting = async () => Number((await a.inner.pool.query(`SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`)).rows[0].n);
    for (let n = 0; n < 8; n++) {
      turns.push((n % 2 === 0 ? a : b).scope.run('slack:U1', async () => {
        order.push(n);
        if (n === 0) await held;
      }));
      // Each asks once the one before it is waiting for the lock.
      if (n === 0) while (order.length === 0) await sleep(2);
      else while ((await waiting()) < n) await sleep(2);
    }
    release();
    await Promise.all(turns);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('different users’ turns run side by side', async () => {
    const [a, b] = await Promise.all([replica(), replica()]);
    let running = 0;
    let together = 0;
    const turn = (r: typeof a, user: string) =>
      r.scope.run(user, async () => {
        running++;
        await sleep(50);
        together = Math.max(together, running);
        running--;
      });
    await Promise.all([turn(a, 'slack:U1'), turn(b, 'slack:U2'), turn(a, 'slack:U3')]);
    expect(together).toBe(3);
  });

  it('a turn that fails leaves nothing: its records and its facts index lines are rolled back', async () => {
    const { store, scope } = await replica();
    await expect(
      scope.run('slack:U1', async () => {
        await store.put('profiles', 'slack:U1', { userKey: 'slack:U1', role: 'student', grade: 10 });
        await store.put('sessions', 'slack:U1', { userKey: 'slack:U1', recent: [] });
        throw new Error('the engine failed half way');
      }),
    ).rejects.toThrow('half way');
    expect(await store.get('profiles', 'slack:U1')).toBeUndefined();
    expect(await store.get('sessions', 'slack:U1')).toBeUndefined();
    expect(await store.readLog('facts')).toEqual([]);
    expect((await store.facts()).profiles.has('slack:U1')).toBe(false);
  });

  it('a turn whose failed statement was caught along the way is reported failed, not saved', async () => {
    const { store, inner, scope } = await replica();
    await expect(
      scope.run('slack:U1', async () => {
        await store.put('sessions', 'slack:U1', { userKey: 'slack:U1', recent: [] });
        await inner.transactions.db().query('SELECT 1 / 0').catch(() => undefined);
      }),
    ).rejects.toThrow(/not saved/);
    expect(await store.get('sessions', 'slack:U1')).toBeUndefined();
  });

  it('a turn’s writes and facts lines are seen by the other replica only once the turn commits, all together', async () => {
    const [a, b] = await Promise.all([replica(), replica()]);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let written!: () => void;
    const wrote = new Promise<void>((r) => (written = r));
    const turn = a.scope.run('slack:U1', async () => {
      await a.store.put('profiles', 'slack:U1', { userKey: 'slack:U1', role: 'student', grade: 10 });
      written();
      await held;
    });
    await wrote;
    expect(await b.store.get('profiles', 'slack:U1')).toBeUndefined();
    expect((await b.store.facts()).profiles.has('slack:U1')).toBe(false);
    release();
    await turn;
    expect(await b.store.get('profiles', 'slack:U1')).toEqual({ userKey: 'slack:U1', role: 'student', grade: 10 });
    expect((await b.store.facts()).profiles.get('slack:U1')).toMatchObject({ role: 'student', grade: 10 });
  });

  it('a replica killed in the middle of a turn leaves nothing half applied', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/store/postgres-dying-turn.ts', db.url], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const [said] = (await once(child.stdout!, 'data')) as [Buffer];
    expect(said.toString()).toBe('written\n');
    child.kill('SIGKILL');
    await once(child, 'exit');
    const { store, scope } = await replica();
    // The dead replica's lock is gone with its connection: the user's next turn runs at once.
    await scope.run('slack:U1', async () => undefined);
    expect(await store.get('profiles', 'slack:U1')).toBeUndefined();
    expect(await store.get('plans', 'slack:U1')).toBeUndefined();
    expect(await store.readLog('facts')).toEqual([]);
  }, 30_000);

  it('many users’ turns on two replicas writing indexed records, with appends outside turns, all finish (no deadlock)', async () => {
    const [a, b] = await Promise.all([replica(), replica()]);
    const turns = Array.from({ length: 60 }, (_, n) => {
      const r = n % 2 === 0 ? a : b;
      const user = `slack:U${n % 12}`;
      return r.scope.run(user, async () => {
        await r.store.put('profiles', user, { userKey: user, role: 'student', grade: 9 + (n % 4) });
        await r.store.put('plans', user, { userKey: user, versions: [{ at: `2026-01-${String(1 + (n % 28)).padStart(2, '0')}` }] });
        await r.store.facts();
      });
    });
    const outside = Array.from({ length: 30 }, (_, n) => (n % 2 === 0 ? a : b).store.put('counselors', `slack:C${n}`, { school: 'Central' }));
    await Promise.all([...turns, ...outside]);
    const facts = await a.store.facts();
    expect(facts.profiles.size).toBe(12);
    expect(facts.counselors.size).toBe(30);
  }, 30_000);

  it('a job run alone runs on one replica at a time; the other skips it, and may run it once it is over', async () => {
    const [a, b] = await Promise.all([replica(), replica()]);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const began = new Promise<void>((r) => (started = r));
    const first = a.scope.alone('reminder-sweep:slack', async () => {
      started();
      await held;
    });
    await began;
    let ranOnB = false;
    expect(await b.scope.alone('reminder-sweep:slack', async () => void (ranOnB = true))).toBe(false);
    expect(ranOnB).toBe(false);
    // Another job (the Teams replicas' sweep) is not held up.
    expect(await b.scope.alone('reminder-sweep:teams', async () => undefined)).toBe(true);
    release();
    expect(await first).toBe(true);
    expect(await b.scope.alone('reminder-sweep:slack', async () => void (ranOnB = true))).toBe(true);
    expect(ranOnB).toBe(true);
  });
});
