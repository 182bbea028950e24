import { appendFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FACTS_SCHEMA } from '../../src/store/facts-fold.js';
import { FACTS_STREAM, type FactsLogLogger } from '../../src/store/facts-log.js';
import { IndexedStore } from '../../src/store/indexed-store.js';
import { LowdbStore } from '../../src/store/lowdb-store.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { DamagedDataError } from '../../src/store/store.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'waypoint-facts-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const plan = (drafted: string, ...reviews: string[]) => ({
  schemaVersion: 1,
  versions: [{ number: 1, at: drafted, by: 'x', summary: 'Drafted', plan: { grades: [] } }, { number: 2, at: '2030-01-01T00:00:00.000Z', by: 'x', summary: 'later', plan: {} }],
  reviews: reviews.map((at) => ({ at, by: 'x', version: 1, changesSinceLastReview: [] })),
});
const profile = (key: string, name: string, role = 'student') => ({ userKey: key, role, grade: 10, displayName: name, choiceHistory: [], createdAt: 'x', lastActiveAt: 'x' });
const liveLog = () => path.join(dir, `${FACTS_STREAM}.log.jsonl`);
const logLines = async () => (await readFile(liveLog(), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('the facts index kept by IndexedStore', () => {
  it('follows saves and deletes of plans, profiles, links, caseloads and counselors', async () => {
    const store = new IndexedStore(new MemoryStore(), { sealWaitMs: 0 });
    await store.open(); // a new, empty store: an empty index at once
    await store.put('plans', 'slack:UANA', plan('2025-08-20T15:00:00.000Z', '2025-09-20T15:00:00.000Z'));
    await store.put('profiles', 'slack:UANA', profile('slack:UANA', 'Ana Ruiz'));
    await store.put('student-links', 'slack:UANA', { studentKey: 'slack:UANA', counselorKeys: ['slack:UC'], familyKeys: ['slack:UMOM'], updatedAt: 'x' });
    await store.put('caseloads', 'slack:UC', { counselorKey: 'slack:UC', studentKeys: ['slack:UANA'], updatedAt: 'x' });
    expect(await store.putIfAbsent('counselors', 'slack:UC', { userKey: 'slack:UC', school: 'S' })).toBe(true);
    await store.put('sessions', 'slack:UANA', { big: 'x'.repeat(10_000) }); // not indexed

    let f = await store.facts();
    expect(f.plans.get('slack:UANA')).toEqual({ drafted: '2025-08-20T15:00:00.000Z', reviews: ['2025-09-20T15:00:00.000Z'] });
    expect(f.profiles.get('slack:UANA')).toEqual({ role: 'student', displayName: 'Ana Ruiz', grade: 10 });
    expect(f.studentLinks.get('slack:UANA')).toEqual({ counselorKeys: ['slack:UC'], familyKeys: ['slack:UMOM'] });
    expect(f.caseloads.get('slack:UC')).toEqual({ studentKeys: ['slack:UANA'] });
    expect([...f.counselors.keys()]).toEqual(['slack:UC']);
    expect((await store.readLog(FACTS_STREAM)).map((l) => (l as { c: string }).c)).toEqual(['plans', 'profiles', 'student-links', 'caseloads', 'counselors']);

    await store.put('plans', 'slack:UANA', plan('2025-08-20T15:00:00.000Z'));
    await store.delete('counselors', 'slack:UC');
    await store.delete('profiles', 'slack:UANA');
    f = await store.facts();
    expect(f.plans.get('slack:UANA')).toEqual({ drafted: '2025-08-20T15:00:00.000Z', reviews: [] });
    expect(f.counselors.size).toBe(0);
    expect(f.profiles.has('slack:UANA')).toBe(false);
    expect(await store.get('sessions', 'slack:UANA')).toEqual({ big: 'x'.repeat(10_000) });
  });

  it('keeps the last of many quick saves of one record, in call order', async () => {
    const store = new IndexedStore(new LowdbStore(dir), { sealWaitMs: 0 });
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.put('plans', 'p', plan(`2025-08-${String(i + 1).padStart(2, '0')}T00:00:00.000Z`))));
    expect((await store.facts()).plans.get('p')?.drafted).toBe('2025-08-20T00:00:00.000Z');
    expect((await store.get<{ versions: { at: string }[] }>('plans', 'p'))?.versions[0]?.at).toBe('2025-08-20T00:00:00.000Z');
  });

  it('writes one short line per save, and a reference for facts too long for a line', async () => {
    const store = new IndexedStore(new LowdbStore(dir), { sealWaitMs: 0 });
    await store.put('profiles', 'slack:U1', profile('slack:U1', 'Sam'));
    const studentKeys = Array.from({ length: 400 }, (_, i) => `slack:U${100_000 + i}`);
    await store.put('caseloads', 'slack:UC', { counselorKey: 'slack:UC', studentKeys, updatedAt: 'x' });
    const lines = await logLines();
    expect(lines[0]).toEqual({ c: 'profiles', id: 'slack:U1', f: { role: 'student', displayName: 'Sam', grade: 10 }, at: expect.any(String) });
    expect(lines[1]).toEqual({ c: 'caseloads', id: 'slack:UC', ref: 1, at: expect.any(String) });
    for (const l of (await readFile(liveLog(), 'utf8')).split('\n')) expect(Buffer.byteLength(l)).toBeLessThan(4000);
    expect((await store.facts()).caseloads.get('slack:UC')?.studentKeys).toEqual(studentKeys);
    // Compaction stores the long facts in the snapshot itself.
    await store.log.compact();
    const chunks = (await readFile(path.join(dir, `${FACTS_STREAM}.snapshot.json`), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { c?: string; k?: string; keys?: string[]; ids?: number[]; f?: { studentKeys?: number[][] } });
    const keys = chunks.filter((c) => c.k === 'people').flatMap((c) => c.keys);
    const caseloads = chunks.find((c) => c.c === 'caseloads');
    expect(caseloads?.ids?.map((n) => keys[n])).toEqual(['slack:UC']);
    expect(caseloads?.f?.studentKeys?.[0]?.map((n) => keys[n])).toEqual(studentKeys);
    await rm(liveLog(), { force: true });
    expect((await new IndexedStore(new LowdbStore(dir)).facts()).caseloads.get('slack:UC')?.studentKeys).toEqual(studentKeys);
  });

  it('two store instances on one folder (two processes) both append, and every save is in the index', async () => {
    const a = new IndexedStore(new LowdbStore(dir), { sealWaitMs: 0 });
    const b = new IndexedStore(new LowdbStore(dir), { sealWaitMs: 0 });
    await Promise.all(
      Array.from({ length: 150 }, (_, i) => [
        a.put('profiles', `slack:A${i}`, profile(`slack:A${i}`, `A ${i}`)),
        b.put('profiles', `slack:B${i}`, profile(`slack:B${i}`, `B ${i}`)),
      ]).flat(),
    );
    expect(await logLines()).toHaveLength(300);
    const reader = new IndexedStore(new LowdbStore(dir), { sealWaitMs: 0 });
    await reader.open();
    const names = [...(await reader.facts()).profiles.values()].map((p) => p.displayName).sort();
    expect(names).toHaveLength(300);
    expect(names).toContain('A 149');
    expect(names).toContain('B 0');
  });

  it('a long-running reader keeps up with saves, deletes and compactions made by another process', async () => {
    const reader = new IndexedStore(new LowdbStore(dir), { sealWaitMs: 0 });
    const writer = new IndexedStore(new LowdbStore(dir), { sealWaitMs: 0 });
    await reader.open();
    await writer.put('plans', 'slack:U1', plan('2025-08-20T00:00:00.000Z'));
    expect([...(await reader.facts()).plans.keys()]).toEqual(['slack:U1']);
    await writer.put('plans', 'slack:U2', plan('2025-08-21T00:00:00.000Z'));
    await writer.put('plans', 'slack:U1', plan('2025-08-20T00:00:00.000Z', '2025-09-16T00:00:00.000Z'));
    let f = await reader.facts(); // only the new lines are applied
    expect([...f.plans.keys()]).toEqual(['slack:U1', 'slack:U2']);
    expect(f.plans.get('slack:U1')?.reviews).toEqual(['2025-09-16T00:00:00.000Z']);
    await writer.log.compact();
    await writer.delete('plans', 'slack:U2');
    await writer.put('plans', 'slack:U3', plan('2025-08-22T00:00:00.000Z'));
    f = await reader.facts(); // a new snapshot: read again in full
    expect([...f.plans.keys()]).toEqual(['slack:U1', 'slack:U3']);
    expect(f.plans.get('slack:U1')?.reviews).toEqual(['2025-09-16T00:00:00.000Z']);
    expect(f.stats).toMatchObject({ liveLines: 2, sealedSegments: 0 });
  });

  it('loses no save made while a compaction runs', async () => {
    const other = new IndexedStore(new LowdbStore(dir), { sealWaitMs: 0 }); // another process
    class SlowSeal extends LowdbStore {
      override async sealLog(stream: string): Promise<string | undefined> {
        const segment = await super.sealLog(stream);
        // Between the seal and the fold: a save in another process goes to a fresh live log...
        await other.put('plans', 'slack:LATE', plan('2025-09-01T00:00:00.000Z'));
        // ...and one that had opened the old log just before the rename lands in the segment.
        if (segment) await appendFile(path.join(dir, segment), JSON.stringify({ c: 'plans', id: 'slack:INFLIGHT', f: { drafted: '2025-09-02T00:00:00.000Z', reviews: [] }, at: new Date().toISOString() }) + '\n');
        return segment;
      }
    }
    const store = new IndexedStore(new SlowSeal(dir), { sealWaitMs: 0 });
    for (let i = 0; i < 5; i++) await store.put('plans', `slack:U${i}`, plan('2025-08-20T00:00:00.000Z'));
    expect(await store.log.compact()).toBe(true);

    const files = await readdir(dir);
    expect(files.filter((f) => f.endsWith('.compacting'))).toEqual([]);
    expect(files).toContain(`${FACTS_STREAM}.snapshot.json`);
    expect(await logLines()).toEqual([expect.objectContaining({ id: 'slack:LATE' })]); // the fresh log
    const plans = (await new IndexedStore(new LowdbStore(dir)).facts()).plans;
    expect([...plans.keys()].sort()).toEqual(['slack:INFLIGHT', 'slack:LATE', 'slack:U0', 'slack:U1', 'slack:U2', 'slack:U3', 'slack:U4']);
  });

  it('folds in a segment a late append reached after the snapshot was written, before dropping it', async () => {
    let extra: string | undefined;
    class LateWrite extends LowdbStore {
      override async writeLogSnapshotChunks(stream: string, chunks: Iterable<unknown> | AsyncIterable<unknown>): Promise<void> {
        await super.writeLogSnapshotChunks(stream, chunks);
        if (extra) {
          await appendFile(path.join(dir, extra), JSON.stringify({ c: 'counselors', id: 'slack:UC', f: {}, at: new Date().toISOString() }) + '\n');
          extra = undefined;
        }
      }
      override async sealLog(stream: string) {
        return (extra = await super.sealLog(stream));
      }
    }
    const store = new IndexedStore(new LateWrite(dir), { sealWaitMs: 0 });
    await store.put('plans', 'slack:U1', plan('2025-08-20T00:00:00.000Z'));
    await store.log.compact();
    expect([...(await store.facts()).counselors.keys()]).toEqual(['slack:UC']);
    expect((await readdir(dir)).filter((f) => f.endsWith('.compacting'))).toEqual([]);
  });

  it('a read that races a compaction still keeps the newest facts of each record', async () => {
    let race: (() => Promise<void>) | undefined;
    class Racing extends MemoryStore {
      override async readLog(stream: string, segment?: string): Promise<object[]> {
        const lines = await super.readLog(stream, segment);
        const r = race;
        race = undefined;
        await r?.(); // after the reader got the live log: a save, then another process seals it
        return lines;
      }
    }
    const inner = new Racing();
    const store = new IndexedStore(inner, { sealWaitMs: 0 });
    await store.open();
    await store.put('plans', 'slack:U1', plan('2025-08-20T00:00:00.000Z'));
    race = async () => {
      await store.put('plans', 'slack:U1', plan('2025-08-20T00:00:00.000Z', '2025-09-16T00:00:00.000Z'));
      await inner.sealLog(FACTS_STREAM);
    };
    // The reader saw the old line in the live log and both lines in the segment.
    expect((await store.facts()).plans.get('slack:U1')?.reviews).toEqual(['2025-09-16T00:00:00.000Z']);
  });

  it('reads a segment left by a crash in the middle of a compaction, then compacts it', async () => {
    const store = new IndexedStore(new LowdbStore(dir), { sealWaitMs: 0 });
    await store.open();
    await store.put('plans', 'slack:U1', plan('2025-08-20T00:00:00.000Z'));
    await store.sealLog(FACTS_STREAM); // crash: sealed, never folded
    await store.put('plans', 'slack:U2', plan('2025-08-21T00:00:00.000Z'));

    const restarted = new IndexedStore(new LowdbStore(dir), { sealWaitMs: 0 });
    await restarted.open();
    const f = await restarted.facts();
    expect([...f.plans.keys()].sort()).toEqual(['slack:U1', 'slack:U2']);
    expect(f.stats.sealedSegments).toBe(1);
    expect(await restarted.log.compactIfDue(f.stats)).toBe(true);
    expect((await readdir(dir)).filter((n) => n.endsWith('.compacting'))).toEqual([]);
    expect([...(await restarted.facts()).plans.keys()].sort()).toEqual(['slack:U1', 'slack:U2']);
  });

  it('does not compact while another process holds the compaction lock', async () => {
    const store = new IndexedStore(new LowdbStore(dir), { sealWaitMs: 0 });
    await store.put('plans', 'slack:U1', plan('2025-08-20T00:00:00.000Z'));
    await store.inner.put('index-locks', FACTS_STREAM, { at: new Date().toISOString(), pid: 1 });
    expect(await store.log.compact()).toBe(false);
    expect(await logLines()).toHaveLength(1);
    await store.inner.put('index-locks', FACTS_STREAM, { at: '2020-01-01T00:00:00.000Z', pid: 1 }); // left by a crash
    expect(await store.log.compact()).toBe(true);
    expect(await store.inner.get('index-locks', FACTS_STREAM)).toBeUndefined();
  });

  it('reports a damaged log line by file and line, and never overwrites or drops it', async () => {
    const store = new IndexedStore(new LowdbStore(dir), { sealWaitMs: 0 });
    await store.open();
    await store.put('plans', 'slack:U1', plan('2025-08-20T00:00:00.000Z'));
    await appendFile(liveLog(), '{"c":"plans","id":"slack:U2","f":{"dra\n');
    await store.put('plans', 'slack:U3', plan('2025-08-20T00:00:00.000Z'));
    const damaged = await readFile(liveLog(), 'utf8');

    const restarted = new IndexedStore(new LowdbStore(dir), { sealWaitMs: 0 });
    await expect(restarted.open()).rejects.toThrow(DamagedDataError);
    await expect(restarted.facts()).rejects.toThrow(`${liveLog()} is damaged (line 2 is not a valid log entry)`);
    await expect(restarted.log.compact()).rejects.toThrow(DamagedDataError);
    const left = (await readdir(dir)).filter((n) => n.startsWith(`${FACTS_STREAM}.log.`));
    expect(left).toHaveLength(1); // sealed for compaction, but neither folded away nor dropped
    expect(await readFile(path.join(dir, left[0]!), 'utf8')).toBe(damaged);
    expect(await restarted.inner.get('index-locks', FACTS_STREAM)).toBeUndefined(); // lock released
  });

  it('reports a damaged snapshot and leaves it as it is', async () => {
    const store = new IndexedStore(new LowdbStore(dir), { sealWaitMs: 0 });
    await writeFile(path.join(dir, `${FACTS_STREAM}.snapshot.json`), '{"v":1,"entries":[[');
    await expect(store.open()).rejects.toThrow(`${path.join(dir, `${FACTS_STREAM}.snapshot.json`)} is damaged`);
    await expect(store.log.compact()).rejects.toThrow(DamagedDataError);
    expect(await readFile(path.join(dir, `${FACTS_STREAM}.snapshot.json`), 'utf8')).toBe('{"v":1,"entries":[[');
  });

  it('rebuilds the index once from the stored records when there is none yet (data from before the index)', async () => {
    const plain = new LowdbStore(dir);
    await plain.put('plans', 'slack:U1', plan('2025-08-20T00:00:00.000Z', '2025-09-16T00:00:00.000Z'));
    await plain.put('profiles', 'slack:U1', profile('slack:U1', 'Uma'));
    await plain.put('counselors', 'slack:UC', { userKey: 'slack:UC', school: 'S' });
    await plain.put('caseloads', 'slack:UC', { counselorKey: 'slack:UC', studentKeys: ['slack:U1'], updatedAt: 'x' });
    await plain.put('reminders-sent', 'k|w|first', { key: 'k|w|first', state: 'sent', sentAt: '2025-09-15T14:00:00.000Z' });
    const logged: string[] = [];
    const logger: FactsLogLogger = { info: (_o, m) => logged.push(m ?? ''), warn: (_o, m) => logged.push(m ?? '') };

    const store = new IndexedStore(new LowdbStore(dir), { sealWaitMs: 0, logger });
    await store.put('profiles', 'slack:U2', profile('slack:U2', 'Vi')); // a save before the first load
    await store.open();
    expect(logged).toEqual(['facts index missing: building it from the stored records (once)', 'facts index rebuilt']);
    const f = await store.facts();
    expect(f.plans.get('slack:U1')).toEqual({ drafted: '2025-08-20T00:00:00.000Z', reviews: ['2025-09-16T00:00:00.000Z'] });
    expect([...f.profiles.keys()].sort()).toEqual(['slack:U1', 'slack:U2']);
    expect([...f.counselors.keys()]).toEqual(['slack:UC']);
    expect(f.caseloads.get('slack:UC')).toEqual({ studentKeys: ['slack:U1'] });
    expect(f.sent.get('k|w|first')).toEqual({ state: 'sent', sentAt: '2025-09-15T14:00:00.000Z' });
    expect(f.stats).toMatchObject({ rebuilt: false, liveLines: 0, sealedSegments: 0 });

    await new IndexedStore(new LowdbStore(dir), { logger }).open();
    expect(logged).toHaveLength(2); // once only
  });
});

describe('a facts index made before a fact was added', () => {
  it('is rebuilt once from the records, so the new fact (a profile\'s language) is known for everyone', async () => {
    const { mkdtemp } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const pathMod = await import('node:path');
    const { LowdbStore } = await import('../../src/store/lowdb-store.js');
    const { IndexedStore } = await import('../../src/store/indexed-store.js');
    const folder = await mkdtemp(pathMod.join(tmpdir(), 'waypoint-facts-schema-'));
    const plain = new LowdbStore(folder);
    await plain.put('profiles', 'slack:UES', { userKey: 'slack:UES', role: 'family', language: 'es', familyReminders: true });
    // A snapshot from before: no schema, and this profile without its language.
    await plain.writeLogSnapshot('facts', { v: 1, at: '2026-01-01T00:00:00.000Z', cols: { profiles: [['slack:UES', '2026-01-01T00:00:00.000Z', { role: 'family' }]] } });
    const indexed = new IndexedStore(new LowdbStore(folder));
    const facts = await indexed.facts();
    expect(facts.profiles.get('slack:UES')).toEqual({ role: 'family', language: 'es', familyReminders: true });
    expect((await plain.readLogSnapshot<{ schema?: number }>('facts'))?.schema).toBe(FACTS_SCHEMA);
  });
});
