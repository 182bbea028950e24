/**
 * The facts index keeps its facts in columns and writes its snapshot in chunks (facts-table.ts,
 * facts-fold.ts). What goes in comes back the same: from the log, from a compacted snapshot read
 * by a fresh process, in a Map's order, with unusual values kept exactly.
 */
import { FACTS_SCHEMA } from '../../src/store/facts-fold.js';
import { FACTS_STREAM, FactsLog } from '../../src/store/facts-log.js';
import type { IndexedFacts } from '../../src/store/facts-log.js';
import { IndexedStore } from '../../src/store/indexed-store.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { DamagedDataError } from '../../src/store/store.js';

const plan = (drafted: string | undefined, ...reviews: string[]) => ({
  schemaVersion: 1,
  versions: drafted === undefined ? [] : [{ number: 1, at: drafted, by: 'x', summary: 'Drafted', plan: {} }],
  reviews: reviews.map((at) => ({ at, by: 'x', version: 1 })),
});

/** Every map of the facts as [id, facts] in order, for comparing two loads. */
function dump(f: IndexedFacts) {
  const { stats: _stats, ...maps } = f;
  return Object.fromEntries(Object.entries(maps).map(([k, m]) => [k, [...(m as ReadonlyMap<string, unknown>)]]));
}

async function chunksOf(store: MemoryStore): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const c of store.readLogSnapshotChunks(FACTS_STREAM)) out.push(c);
  return out;
}

describe('the facts index in columns', () => {
  it('gives every fact back the same from the log and from a compacted snapshot read by another process', async () => {
    const inner = new MemoryStore();
    const store = new IndexedStore(inner, { sealWaitMs: 0 });
    await store.open();
    await store.put('plans', 'slack:UANA', plan('2025-08-20T15:00:00.000Z', '2025-09-20T15:00:00.000Z', '2025-10-01T08:30:00.123Z'));
    await store.put('plans', 'slack:UBEN', plan(undefined));
    await store.put('plans', 'console:José', plan('2025-08-21T00:00:00.000Z'));
    await store.put('profiles', 'slack:UANA', { role: 'student', displayName: 'Ana Ruiz 👩🏽‍🎓', language: 'es', grade: 10, gradeSetAt: '2025-08-20T15:00:00.000Z', gradeSchoolYear: '2025-26', choiceHistory: [] });
    await store.put('profiles', 'slack:UMOM', { role: 'family', displayName: '  Rosa ', familyReminders: true });
    await store.put('profiles', 'console:José', { role: 'student', grade: 12.5, graduatedIn: '2025-26', gradeSetAt: '2025-08-20' }); // a time not in the ISO form: kept whole
    await store.put('profiles', 'slack:UNONE', {});
    await store.put('student-links', 'slack:UANA', { counselorKeys: ['slack:UC', 'slack:UC2'], familyKeys: ['slack:UMOM'], school: 'Central High' });
    await store.put('student-links', 'console:José', { counselorKeys: [], school: 'Central High' });
    await store.put('caseloads', 'slack:UC', { studentKeys: ['slack:UANA', 'console:José', 'slack:UNOBODY'] });
    await store.put('counselors', 'slack:UC', { userKey: 'slack:UC', school: 'Central High' });
    await store.put('reminders-sent', 'slack:UANA|2025-26-fall|first', { state: 'sent', sentAt: '2025-09-15T14:00:00.000Z' });
    await store.put('reminders-sent', 'slack:UANA|2025-26-fall|second', { state: 'sending' });
    await store.put('meetings', 'slack:UANA', { meetings: [{ at: '2025-09-16T15:00:00.000Z', windowId: '2025-26-fall' }, { at: '2025-10-02T15:00:00.000Z' }] });
    // A fact a newer version added: kept whole, never dropped.
    await store.appendLog(FACTS_STREAM, { c: 'profiles', id: 'slack:UNEW', f: { role: 'student', pronouns: 'she' }, at: new Date().toISOString() });

    const fromLog = dump(await store.facts());
    expect(fromLog.plans).toEqual([
      ['slack:UANA', { drafted: '2025-08-20T15:00:00.000Z', reviews: ['2025-09-20T15:00:00.000Z', '2025-10-01T08:30:00.123Z'] }],
      ['slack:UBEN', { reviews: [] }],
      ['console:José', { drafted: '2025-08-21T00:00:00.000Z', reviews: [] }],
    ]);
    expect(fromLog.profiles).toContainEqual(['console:José', { role: 'student', grade: 12.5, graduatedIn: '2025-26', gradeSetAt: '2025-08-20' }]);
    expect(fromLog.profiles).toContainEqual(['slack:UNEW', { role: 'student', pronouns: 'she' }]);
    expect(fromLog.caseloads).toEqual([['slack:UC', { studentKeys: ['slack:UANA', 'console:José', 'slack:UNOBODY'] }]]);
    expect(fromLog.meetings).toEqual([['slack:UANA', { meetings: [{ at: '2025-09-16T15:00:00.000Z', windowId: '2025-26-fall' }, { at: '2025-10-02T15:00:00.000Z' }] }]]);

    expect(await store.log.compact()).toBe(true);
    expect(await store.readLog(FACTS_STREAM)).toEqual([]); // all of it is in the snapshot now
    const another = new IndexedStore(inner, { sealWaitMs: 0 });
    expect(dump(await another.facts())).toEqual(fromLog);
    expect((await another.facts()).profiles.get('slack:UANA')).toEqual({ role: 'student', displayName: 'Ana Ruiz 👩🏽‍🎓', language: 'es', grade: 10, gradeSetAt: '2025-08-20T15:00:00.000Z', gradeSchoolYear: '2025-26' });
    expect((await another.facts()).sent.get('slack:UANA|2025-26-fall|first')).toEqual({ state: 'sent', sentAt: '2025-09-15T14:00:00.000Z' });
    expect((await another.facts()).profiles.has('slack:UNOBODY')).toBe(false);
  });

  it('writes a large snapshot in chunks, keys once, and a fresh load reads it back chunk by chunk', async () => {
    const inner = new MemoryStore();
    const log = new FactsLog(inner, { sealWaitMs: 0 });
    function* records() {
      for (let i = 0; i < 25_000; i++) {
        yield { c: 'profiles' as const, id: `slack:U${i}`, value: { role: 'student', grade: 9, displayName: `Student ${i}` } };
        if (i % 2 === 0) yield { c: 'plans' as const, id: `slack:U${i}`, value: plan('2025-08-20T15:00:00.000Z') };
      }
    }
    expect(await log.bulkAdd(records())).toBe(true);
    const chunks = (await chunksOf(inner)) as { v?: number; schema?: number; k?: string; keys?: string[]; c?: string; ids?: number[] }[];
    expect(chunks[0]).toMatchObject({ v: 2, schema: FACTS_SCHEMA, rows: { profiles: 25_000, plans: 12_500 } });
    expect(chunks.filter((c) => c.k === 'people').flatMap((c) => c.keys)).toHaveLength(25_000); // each key once, for both collections
    expect(chunks.filter((c) => c.c === 'profiles').map((c) => c.ids!.length)).toEqual([10_000, 10_000, 5_000]);
    expect(chunks.filter((c) => c.c === 'plans').map((c) => c.ids!.length)).toEqual([10_000, 2_500]);

    const f = await new IndexedStore(inner).facts();
    expect(f.profiles.size).toBe(25_000);
    expect(f.plans.size).toBe(12_500);
    expect(f.profiles.get('slack:U24999')).toEqual({ role: 'student', grade: 9, displayName: 'Student 24999' });
    expect(f.plans.get('slack:U24998')).toEqual({ drafted: '2025-08-20T15:00:00.000Z', reviews: [] });
    expect(f.plans.has('slack:U24999')).toBe(false);
  });

  it('keeps a Map\'s order: a record saved again after a delete goes last, also after a compaction', async () => {
    const inner = new MemoryStore();
    const store = new IndexedStore(inner, { sealWaitMs: 0 });
    for (const id of ['a', 'b', 'c']) await store.put('counselors', `slack:U${id}`, { userKey: id });
    await store.delete('counselors', 'slack:Ua');
    await store.put('counselors', 'slack:Ua', { userKey: 'a' });
    expect([...(await store.facts()).counselors.keys()]).toEqual(['slack:Ub', 'slack:Uc', 'slack:Ua']);
    await store.log.compact();
    expect([...(await new IndexedStore(inner).facts()).counselors.keys()]).toEqual(['slack:Ub', 'slack:Uc', 'slack:Ua']);
  });

  it('an older entry read after a newer one (another process, a segment) does not bring back what was deleted', async () => {
    const inner = new MemoryStore();
    const store = new IndexedStore(inner, { sealWaitMs: 0 });
    await store.open(); // an empty index
    await inner.appendLog(FACTS_STREAM, { c: 'profiles', id: 'slack:U1', f: null, at: '2025-09-02T00:00:00.000Z' });
    await inner.appendLog(FACTS_STREAM, { c: 'profiles', id: 'slack:U1', f: { role: 'student' }, at: '2025-09-01T00:00:00.000Z' });
    await inner.appendLog(FACTS_STREAM, { c: 'profiles', id: 'slack:U2', f: { role: 'family' }, at: '2025-09-01T00:00:00.000Z' });
    await inner.appendLog(FACTS_STREAM, { c: 'profiles', id: 'slack:U2', f: { role: 'student' }, at: '2025-09-01T00:00:00.000Z' }); // same time: the later line wins
    const f = await store.facts();
    expect(f.profiles.has('slack:U1')).toBe(false);
    expect(f.profiles.get('slack:U2')).toEqual({ role: 'student' });
  });

  it('gives the same facts object again while a record is unchanged, and a new one once it changes', async () => {
    const store = new IndexedStore(new MemoryStore(), { sealWaitMs: 0 });
    await store.put('profiles', 'slack:U1', { role: 'student', grade: 9 });
    const first = (await store.facts()).profiles.get('slack:U1');
    expect((await store.facts()).profiles.get('slack:U1')).toBe(first);
    await store.put('profiles', 'slack:U1', { role: 'student', grade: 10 });
    const changed = (await store.facts()).profiles.get('slack:U1');
    expect(changed).not.toBe(first);
    expect(changed).toEqual({ role: 'student', grade: 10 });
  });

  it('a damaged chunk stops the load, naming the snapshot and the chunk, and the snapshot is left as it is', async () => {
    const inner = new MemoryStore();
    await inner.writeLogSnapshotChunks(FACTS_STREAM, [
      { v: 2, schema: FACTS_SCHEMA, at: '2025-09-01T00:00:00.000Z' },
      { k: 'people', keys: ['slack:U1'] },
      { c: 'plans', base: 0, ids: [0], at: [0], f: { drafted: ['not a time'], reviews: [[]] }, s: [] },
    ]);
    const store = new IndexedStore(inner, { sealWaitMs: 0 });
    await expect(store.open()).rejects.toThrow(DamagedDataError);
    await expect(store.facts()).rejects.toThrow('facts snapshot is damaged (chunk 3 (plans): its drafted is not readable)');
    await expect(store.log.compact()).rejects.toThrow(DamagedDataError);
    expect(await chunksOf(inner)).toHaveLength(3);
  });

  it('a compaction folds in a snapshot an older version wrote whole, so no fact of it is lost', async () => {
    const inner = new MemoryStore();
    await inner.writeLogSnapshot(FACTS_STREAM, { v: 1, schema: 2, at: '2025-09-01T00:00:00.000Z', cols: { plans: [['slack:U1', '2025-09-01T00:00:00.000Z', { drafted: '2025-08-20T15:00:00.000Z', reviews: [] }]] } });
    const log = new FactsLog(inner, { sealWaitMs: 0 });
    expect(await log.bulkAdd([{ c: 'profiles', id: 'slack:U1', value: { role: 'student' } }])).toBe(true);
    const f = await new IndexedStore(inner).facts();
    expect(f.plans.get('slack:U1')).toEqual({ drafted: '2025-08-20T15:00:00.000Z', reviews: [] });
    expect(f.profiles.get('slack:U1')).toEqual({ role: 'student' });
  });
});
