/**
 * What the PostgreSQL store does beyond the shared contract (store-contract.test.ts): migrations
 * at start, data kept across restarts, logs read consistently while other processes append, the
 * facts index on top of it, indexes for what the facts index answers, and clear errors.
 */
import pg from 'pg';
import { IndexedStore } from '../../src/store/indexed-store.js';
import { PostgresStore } from '../../src/store/postgres-store.js';
import { DamagedDataError } from '../../src/store/store.js';
import { createTestDatabase, postgresForTests, type TestDatabase } from './postgres-test-db.js';

const runPostgres = await postgresForTests();
const describePostgres = runPostgres ? describe : describe.skip;

describePostgres('the PostgreSQL store', () => {
  let db: TestDatabase;
  const opened: PostgresStore[] = [];
  const connect = async (): Promise<PostgresStore> => {
    const s = await PostgresStore.connect(db.url);
    opened.push(s);
    return s;
  };
  beforeEach(async () => {
    db = await createTestDatabase('waypoint_pg');
  });
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
    await db.drop();
  });

  it('applies its migrations at start; replicas starting together both start and apply them once', async () => {
    const [a, b] = await Promise.all([connect(), connect()]);
    const migrations = await a.pool.query('SELECT name FROM waypoint_migrations');
    expect(migrations.rows.map((r: { name: string }) => r.name)).toEqual(['1767225600000_store-tables', '1767312000000_records-exact-json', '1767398400000_snapshot-chunks']);
    await b.put('profiles', 'slack:U1', { grade: 9 });
    expect(await a.get('profiles', 'slack:U1')).toEqual({ grade: 9 });
  });

  it('keeps records, logs and snapshots across a restart', async () => {
    const first = await connect();
    await first.put('profiles', 'slack:U1', { grade: 9 });
    await first.appendLog('facts', { c: 'profiles', id: 'slack:U1' });
    await first.writeLogSnapshot('facts', { v: 1 });
    await first.close();
    opened.splice(0);
    const again = await connect();
    expect(await again.get('profiles', 'slack:U1')).toEqual({ grade: 9 });
    expect(await again.readLog('facts')).toEqual([{ c: 'profiles', id: 'slack:U1' }]);
    expect(await again.readLogSnapshot('facts')).toEqual({ v: 1 });
  });

  it('a reader sees only a growing prefix of the live log while two processes append', async () => {
    const [a, b, reader] = await Promise.all([connect(), connect(), connect()]);
    let done = false;
    const reads: string[][] = [];
    const readLoop = (async () => {
      while (!done) reads.push(((await reader.readLog('facts')) as { k: string }[]).map((l) => l.k));
    })();
    await Promise.all(
      [a, b].map(async (s, w) => {
        for (let round = 0; round < 20; round++) await Promise.all(Array.from({ length: 10 }, (_, i) => s.appendLog('facts', { k: `${w}-${round}-${i}` })));
      }),
    );
    done = true;
    await readLoop;
    reads.push(((await reader.readLog('facts')) as { k: string }[]).map((l) => l.k));
    expect(reads.length).toBeGreaterThan(3);
    for (let i = 1; i < reads.length; i++) expect(reads[i]!.slice(0, reads[i - 1]!.length)).toEqual(reads[i - 1]);
    expect(new Set(reads.at(-1)).size).toBe(400);
  });

  it('a process that has read the live log sees another process’s seal, and a clear, at its next read', async () => {
    const [reader, writer] = await Promise.all([connect(), connect()]);
    for (const i of [1, 2]) await writer.appendLog('facts', { i });
    expect(await reader.readLog('facts')).toEqual([{ i: 1 }, { i: 2 }]);
    await writer.appendLog('facts', { i: 3 });
    expect(await reader.readLog('facts')).toEqual([{ i: 1 }, { i: 2 }, { i: 3 }]);
    const segment = await writer.sealLog('facts');
    expect(await reader.readLog('facts')).toEqual([]);
    await writer.appendLog('facts', { i: 4 });
    expect(await reader.readLog('facts')).toEqual([{ i: 4 }]);
    expect(await reader.readLog('facts', segment)).toEqual([{ i: 1 }, { i: 2 }, { i: 3 }]);
    await writer.clear();
    await writer.appendLog('facts', { i: 5 });
    expect(await reader.readLog('facts')).toEqual([{ i: 5 }]);
  });

  it('carries the facts index: a second process sees a counselor added by the first, also after compaction', async () => {
    const one = new IndexedStore(await connect(), { sealWaitMs: 0 });
    await one.open();
    await one.put('counselors', 'slack:C1', { school: 'Lincoln High' });
    await one.put('caseloads', 'slack:C1', { studentKeys: ['slack:U1'] });
    const two = new IndexedStore(await connect(), { sealWaitMs: 0 });
    await two.open();
    expect([...(await two.facts()).caseloads.entries()]).toEqual([['slack:C1', { studentKeys: ['slack:U1'] }]]);
    expect(await one.log.compact()).toBe(true);
    await one.put('caseloads', 'slack:C1', { studentKeys: ['slack:U1', 'slack:U2'] });
    expect((await two.facts()).caseloads.get('slack:C1')).toEqual({ studentKeys: ['slack:U1', 'slack:U2'] });
    expect((await two.facts()).counselors.has('slack:C1')).toBe(true);
  });

  it('finds a student’s counselors and a plan’s last review through indexes, not by reading every record', async () => {
    const s = await connect();
    await s.putMany('caseloads', Array.from({ length: 3000 }, (_, i) => ({ id: `slack:C${i}`, value: { studentKeys: [`slack:U${i}`, `slack:U${i + 1}`] } })));
    await s.put('plans', 'slack:U1', { versions: [{ at: '2026-01-01' }], reviews: [{ at: '2026-02-01' }, { at: '2026-03-01' }] });
    const client = await s.pool.connect();
    try {
      await client.query('ANALYZE waypoint_records');
      await client.query('SET enable_seqscan = off');
      const plan = async (sql: string) => (await client.query(`EXPLAIN ${sql}`)).rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n');
      expect(await plan(`SELECT id FROM waypoint_records WHERE collection = 'caseloads' AND value::jsonb -> 'studentKeys' ? 'slack:U7'`)).toContain('waypoint_caseload_students');
      expect(await plan(`SELECT id FROM waypoint_records WHERE collection = 'plans' AND value::jsonb #>> '{reviews,-1,at}' < '2026-04-01'`)).toContain('waypoint_plan_reviewed');
      const counselors = await client.query(`SELECT id FROM waypoint_records WHERE collection = 'caseloads' AND value::jsonb -> 'studentKeys' ? 'slack:U7' ORDER BY id`);
      expect(counselors.rows).toEqual([{ id: 'slack:C6' }, { id: 'slack:C7' }]);
      const due = await client.query(`SELECT id FROM waypoint_records WHERE collection = 'plans' AND value::jsonb #>> '{reviews,-1,at}' < '2026-04-01'`);
      expect(due.rows).toEqual([{ id: 'slack:U1' }]);
    } finally {
      client.release();
    }
  });

  it('gives a record back with its keys in the order they were written (as a lowdb file does), so comparing JSON texts works', async () => {
    const s = await connect();
    const answers = [{ itemId: 'animals', value: 'yes' }, { itemId: 'building', value: 'no' }];
    await s.put('interest-results', 'slack:U1', { userKey: 'slack:U1', answers, at: '2026-01-01' });
    const back = await s.get<{ answers: unknown }>('interest-results', 'slack:U1');
    expect(Object.keys(back!)).toEqual(['userKey', 'answers', 'at']);
    expect(JSON.stringify(back!.answers)).toBe(JSON.stringify(answers));
    const listed = await s.list<Record<string, unknown>>('interest-results');
    expect(Object.keys(listed[0]!.value)).toEqual(['userKey', 'answers', 'at']);
  });

  it('a snapshot damaged by hand stops its read with the table and stream named, and is left as it is', async () => {
    const s = await connect();
    await s.writeLogSnapshot('facts', { v: 1 });
    await s.pool.query(`UPDATE waypoint_log_snapshots SET value = '{"v": 1' WHERE stream = 'facts'`);
    await expect(s.readLogSnapshot('facts')).rejects.toThrow(DamagedDataError);
    await expect(s.readLogSnapshot('facts')).rejects.toThrow(/waypoint_log_snapshots \(stream facts\)/);
    expect((await s.pool.query(`SELECT value FROM waypoint_log_snapshots`)).rows).toEqual([{ value: '{"v": 1' }]);
  });

  it('refuses a log line over 4 KB, like the lowdb log, and keeps the lines before it', async () => {
    const s = await connect();
    await s.appendLog('facts', { i: 1 });
    await expect(s.appendLog('facts', { big: 'x'.repeat(5000) })).rejects.toThrow(/over 4000 bytes/);
    expect(await s.readLog('facts')).toEqual([{ i: 1 }]);
  });

  it('a server that does not answer gets a message naming where it looked, never the password', async () => {
    const err = await PostgresStore.connect('postgres://waypoint:secret-pass@127.0.0.1:1/waypoint').catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/^PostgreSQL at waypoint@127\.0\.0\.1:1\/waypoint \(WAYPOINT_DATABASE_URL\) does not answer/);
    expect((err as Error).message).not.toContain('secret-pass');
  });

  it('reading a database without the store’s tables (migrate: false) says so and creates nothing', async () => {
    await expect(PostgresStore.connect(db.url, { migrate: false })).rejects.toThrow(/holds no Waypoint store/);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      expect((await client.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)).rows).toEqual([]);
    } finally {
      await client.end();
    }
  });
});
