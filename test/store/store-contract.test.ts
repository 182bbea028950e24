/**
 * The Store port's contract, one set of cases run against every store: memory (tests), lowdb (the
 * embedded default) and PostgreSQL (scale-out; skipped with one message when no server answers).
 * "Two callers" are two store instances on the same data: two processes, as far as the store knows.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LowdbStore } from '../../src/store/lowdb-store.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { PostgresStore } from '../../src/store/postgres-store.js';
import type { Store } from '../../src/store/store.js';
import { createTestDatabase, postgresForTests, type TestDatabase } from './postgres-test-db.js';

interface Backend {
  /** Once for the file. */
  setUp?(): Promise<void>;
  /** Two callers on one empty store, for each case. */
  fresh(): Promise<[Store, Store]>;
  afterEach?(): Promise<void>;
  tearDown?(): Promise<void>;
}

const memory = (): Backend => ({
  async fresh() {
    const s = new MemoryStore();
    return [s, s];
  },
});

const lowdb = (): Backend => {
  let dir = '';
  return {
    async fresh() {
      dir = await mkdtemp(path.join(tmpdir(), 'waypoint-contract-'));
      return [new LowdbStore(dir), new LowdbStore(dir)];
    },
    afterEach: () => rm(dir, { recursive: true, force: true }),
  };
};

const postgres = (): Backend => {
  let db: TestDatabase;
  let a: PostgresStore;
  let b: PostgresStore;
  return {
    async setUp() {
      db = await createTestDatabase('waypoint_contract');
      a = await PostgresStore.connect(db.url);
      b = await PostgresStore.connect(db.url);
    },
    async fresh() {
      await a.clear();
      return [a, b];
    },
    async tearDown() {
      await a?.close();
      await b?.close();
      await db?.drop();
    },
  };
};

const runPostgres = await postgresForTests();
const backends: [string, () => Backend][] = [
  ['memory', memory],
  ['lowdb', lowdb],
  ...(runPostgres ? ([['PostgreSQL', postgres]] as [string, () => Backend][]) : []),
];

describe.each(backends)('the %s store keeps the Store contract', (_name, make) => {
  const backend = make();
  let store: Store;
  let other: Store;
  beforeAll(() => backend.setUp?.(), 30_000);
  afterAll(() => backend.tearDown?.(), 30_000);
  beforeEach(async () => {
    [store, other] = await backend.fresh();
  });
  afterEach(() => backend.afterEach?.());

  describe('records', () => {
    it('gives back an equal copy of what was put, and nothing for an id never put', async () => {
      const value = { name: 'Ana Núñez 🎓', grade: 9, ok: true, none: null, list: [1, 'two', { three: 3 }], nested: { deep: { at: '2026-09-01T12:00:00.000Z' } } };
      await store.put('profiles', 'slack:U1', value);
      value.grade = 10;
      expect(await store.get('profiles', 'slack:U1')).toEqual({ ...value, grade: 9 });
      expect(await other.get('profiles', 'slack:U1')).toEqual({ ...value, grade: 9 });
      expect(await store.get('profiles', 'slack:U2')).toBeUndefined();
      expect(await store.get('sessions', 'slack:U1')).toBeUndefined();
    });

    it('a changed copy of a read record changes nothing until it is put', async () => {
      await store.put('plans', 'p', { reviews: ['a'] });
      const read = (await store.get<{ reviews: string[] }>('plans', 'p'))!;
      read.reviews.push('b');
      expect(await store.get('plans', 'p')).toEqual({ reviews: ['a'] });
    });

    it('put replaces the whole record', async () => {
      await store.put('profiles', 'x', { grade: 8, role: 'student' });
      await other.put('profiles', 'x', { grade: 9 });
      expect(await store.get('profiles', 'x')).toEqual({ grade: 9 });
    });

    it('refuses to store something that is not a JSON object, and keeps what was there', async () => {
      await store.put('profiles', 'x', { grade: 8 });
      for (const bad of [null, [1, 2], 'text', 7]) await expect(store.put('profiles', 'x', bad)).rejects.toThrow(TypeError);
      expect(await store.get('profiles', 'x')).toEqual({ grade: 8 });
    });

    it('keeps awkward ids apart and gives them back as they were', async () => {
      const ids = ['slack:U1', 'a/b', '..', '.hidden', 'ü ñ', 'teams:29:1abc==', 'x*y?%20'];
      for (const [i, id] of ids.entries()) await store.put('sessions', id, { i });
      expect((await other.ids('sessions')).sort()).toEqual([...ids].sort());
      for (const [i, id] of ids.entries()) expect(await other.get('sessions', id)).toEqual({ i });
    });

    it('putIfAbsent writes only the first time, and never changes an existing record', async () => {
      expect(await store.putIfAbsent('codes', 'ABC123', { by: 'first' })).toBe(true);
      expect(await other.putIfAbsent('codes', 'ABC123', { by: 'second' })).toBe(false);
      await store.put('codes', 'DEF456', { by: 'put' });
      expect(await store.putIfAbsent('codes', 'DEF456', { by: 'late' })).toBe(false);
      expect(await store.get('codes', 'ABC123')).toEqual({ by: 'first' });
      expect(await store.get('codes', 'DEF456')).toEqual({ by: 'put' });
    });

    it('two callers racing for the same putIfAbsent: exactly one wins, and the record is the winner’s', async () => {
      const keys = Array.from({ length: 20 }, (_, i) => `2026-09-01:slack:U${i}`);
      const results = await Promise.all(
        keys.flatMap((k) => [store.putIfAbsent('reminders-sent', k, { by: 'a' }).then((won) => ({ k, by: 'a', won })), other.putIfAbsent('reminders-sent', k, { by: 'b' }).then((won) => ({ k, by: 'b', won }))]),
      );
      for (const k of keys) {
        const winners = results.filter((r) => r.k === k && r.won);
        expect(winners).toHaveLength(1);
        expect(await store.get('reminders-sent', k)).toEqual({ by: winners[0]!.by });
      }
    });

    it('delete removes a record (and deleting a missing one is fine); a deleted id can be claimed again', async () => {
      await store.put('sessions', 'x', { n: 1 });
      await other.delete('sessions', 'x');
      await store.delete('sessions', 'never-there');
      expect(await store.get('sessions', 'x')).toBeUndefined();
      expect(await store.putIfAbsent('sessions', 'x', { n: 2 })).toBe(true);
    });

    it('ids and list give every record of one collection, and nothing of others', async () => {
      await store.put('sessions', 'x', { n: 1 });
      await other.put('sessions', 'y', { n: 2 });
      await store.put('profiles', 'x', { grade: 7 });
      expect((await store.ids('sessions')).sort()).toEqual(['x', 'y']);
      const listed = await other.list<{ n: number }>('sessions');
      expect(listed.sort((p, q) => p.id.localeCompare(q.id))).toEqual([
        { id: 'x', value: { n: 1 } },
        { id: 'y', value: { n: 2 } },
      ]);
      expect(await store.ids('nothing-here')).toEqual([]);
      expect(await store.list('nothing-here')).toEqual([]);
    });
  });

  describe('logs', () => {
    it('appends lines and reads them back oldest first; an unknown stream is empty', async () => {
      for (let i = 0; i < 5; i++) await store.appendLog('facts', { i });
      expect(await other.readLog('facts')).toEqual([0, 1, 2, 3, 4].map((i) => ({ i })));
      expect(await store.readLog('other-stream')).toEqual([]);
    });

    it('keeps every line appended by two callers at once, each once', async () => {
      await Promise.all(Array.from({ length: 100 }, (_, i) => (i % 2 ? store : other).appendLog('facts', { i })));
      const lines = (await store.readLog('facts')) as { i: number }[];
      expect(lines.map((l) => l.i).sort((p, q) => p - q)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    });

    it('one caller’s lines keep the order they were appended in, even when not awaited one by one', async () => {
      await Promise.all(Array.from({ length: 30 }, (_, i) => store.appendLog('facts', { i })));
      expect(((await other.readLog('facts')) as { i: number }[]).map((l) => l.i)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    });

    it('sealing moves the live log aside as a segment; later appends start a fresh live log', async () => {
      expect(await store.sealLog('facts')).toBeUndefined();
      await store.appendLog('facts', { i: 1 });
      await store.appendLog('facts', { i: 2 });
      const segment = await other.sealLog('facts');
      expect(segment).toEqual(expect.any(String));
      expect(await store.readLog('facts')).toEqual([]);
      expect(await store.sealLog('facts')).toBeUndefined();
      await store.appendLog('facts', { i: 3 });
      expect(await store.readLog('facts')).toEqual([{ i: 3 }]);
      expect(await other.readLog('facts', segment)).toEqual([{ i: 1 }, { i: 2 }]);
      expect(await store.sealedLogs('facts')).toEqual([segment]);
      expect(await store.sealedLogs('other-stream')).toEqual([]);
    });

    it('lists sealed segments oldest first until each is dropped', async () => {
      const names: string[] = [];
      for (const i of [1, 2, 3]) {
        await store.appendLog('facts', { i });
        names.push((await store.sealLog('facts'))!);
      }
      expect(new Set(names).size).toBe(3);
      expect(await other.sealedLogs('facts')).toEqual(names);
      await other.dropSealedLog('facts', names[1]!);
      expect(await store.sealedLogs('facts')).toEqual([names[0], names[2]]);
      expect(await store.readLog('facts', names[0])).toEqual([{ i: 1 }]);
      expect(await store.readLog('facts', names[1])).toEqual([]);
    });

    it('loses no line and duplicates none when a seal happens during appends from another caller', async () => {
      const appends = Promise.all(Array.from({ length: 60 }, (_, i) => other.appendLog('facts', { i })));
      const segment = await store.sealLog('facts');
      await appends;
      const sealed = segment ? await store.readLog('facts', segment) : [];
      const all = [...sealed, ...(await store.readLog('facts'))] as { i: number }[];
      expect(all.map((l) => l.i).sort((p, q) => p - q)).toEqual(Array.from({ length: 60 }, (_, i) => i));
    });

    it('keeps one snapshot per stream, replaced whole, with a version that changes on every write', async () => {
      expect(await store.readLogSnapshot('facts')).toBeUndefined();
      expect(await store.logSnapshotVersion('facts')).toBeUndefined();
      await store.writeLogSnapshot('facts', { v: 1, cols: { plans: [['a', 'b', {}]] } });
      const first = await other.logSnapshotVersion('facts');
      expect(first).toEqual(expect.any(String));
      expect(await other.readLogSnapshot('facts')).toEqual({ v: 1, cols: { plans: [['a', 'b', {}]] } });
      expect(await store.logSnapshotVersion('facts')).toBe(first);
      await other.writeLogSnapshot('facts', { v: 1, cols: {} });
      const second = await store.logSnapshotVersion('facts');
      expect(second).not.toBe(first);
      expect(await store.readLogSnapshot('facts')).toEqual({ v: 1, cols: {} });
      expect(await store.readLogSnapshot('other-stream')).toBeUndefined();
    });

    it('keeps a snapshot written in chunks, read back one chunk at a time in order, from one snapshot even while it is replaced', async () => {
      const all = async (s: Store, stream = 'facts') => {
        const out: unknown[] = [];
        for await (const c of s.readLogSnapshotChunks(stream)) out.push(c);
        return out;
      };
      expect(await all(store)).toEqual([]);
      async function* chunks(n: number, tag: string) {
        for (let i = 0; i < n; i++) yield { tag, i, rows: Array.from({ length: 50 }, (_, j) => [`id-${i}-${j}`, j]) };
      }
      await store.writeLogSnapshotChunks('facts', chunks(20, 'first'));
      const first = await other.logSnapshotVersion('facts');
      expect(first).toEqual(expect.any(String));
      const read = await all(other);
      expect(read.map((c) => (c as { i: number }).i)).toEqual(Array.from({ length: 20 }, (_, i) => i));
      expect(read[19]).toEqual({ tag: 'first', i: 19, rows: Array.from({ length: 50 }, (_, j) => [`id-19-${j}`, j]) });
      expect(await other.readLogSnapshot('facts')).toEqual(read[0]); // the first chunk

      // A reader part-way through the old snapshot while another caller replaces it.
      const reading = other.readLogSnapshotChunks('facts')[Symbol.asyncIterator]();
      expect(((await reading.next()).value as { tag: string }).tag).toBe('first');
      await store.writeLogSnapshotChunks('facts', chunks(2, 'second'));
      const rest: string[] = [];
      for (let r = await reading.next(); !r.done; r = await reading.next()) rest.push((r.value as { tag: string }).tag);
      expect(rest).toEqual(Array.from({ length: 19 }, () => 'first'));

      expect(await store.logSnapshotVersion('facts')).not.toBe(first);
      expect((await all(other)).map((c) => (c as { tag: string; i: number }).tag + (c as { i: number }).i)).toEqual(['second0', 'second1']);
      await other.writeLogSnapshot('facts', { whole: true });
      expect(await all(store)).toEqual([{ whole: true }]);
      await store.writeLogSnapshotChunks('facts', []);
      expect(await all(other)).toEqual([]);
      expect(await other.logSnapshotVersion('facts')).toEqual(expect.any(String)); // a snapshot of no chunks
      expect(await all(store, 'other-stream')).toEqual([]);
    });
  });
});
