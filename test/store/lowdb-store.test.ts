import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LowdbStore, fileNameForId, idForFileName } from '../../src/store/lowdb-store.js';
import { DamagedDataError } from '../../src/store/store.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'waypoint-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the lowdb store (real files)', () => {
  it('keeps a record in its own file and reads it back after a restart', async () => {
    const a = new LowdbStore(dir);
    await a.open();
    await a.put('profiles', 'console:ana', { grade: 8 });
    const b = new LowdbStore(dir);
    await b.open();
    expect(await b.get('profiles', 'console:ana')).toEqual({ grade: 8 });
    const files = await readdir(path.join(dir, 'profiles'));
    expect(files).toEqual([fileNameForId('console:ana')]);
    expect(JSON.parse(await readFile(path.join(dir, 'profiles', files[0]!), 'utf8'))).toEqual({ grade: 8 });
  });

  it('round-trips awkward ids to safe file names', () => {
    for (const id of ['slack:U1', '..', 'a/b', 'teams:29:1abc==', 'ü ñ']) {
      const name = fileNameForId(id);
      expect(name).not.toMatch(/[/\\]/);
      expect(name.startsWith('.')).toBe(false);
      expect(idForFileName(name)).toBe(id);
    }
  });

  it('lists, deletes and answers undefined for a missing record', async () => {
    const s = new LowdbStore(dir);
    await s.put('sessions', 'x', { n: 1 });
    await s.put('sessions', 'y', { n: 2 });
    expect((await s.list<{ n: number }>('sessions')).map((r) => r.value.n).sort()).toEqual([1, 2]);
    await s.delete('sessions', 'x');
    expect(await s.get('sessions', 'x')).toBeUndefined();
    expect(await s.ids('sessions')).toEqual(['y']);
    expect(await s.ids('nothing-here')).toEqual([]);
  });

  it('writes a record only once with putIfAbsent, even from two store instances', async () => {
    const a = new LowdbStore(dir);
    const b = new LowdbStore(dir);
    const results = await Promise.all([
      a.putIfAbsent('reminders-sent', 'k1', { by: 'a' }),
      b.putIfAbsent('reminders-sent', 'k1', { by: 'b' }),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const left = await readdir(path.join(dir, 'reminders-sent'));
    expect(left).toEqual([fileNameForId('k1')]);
  });

  it('a damaged file does not stop start-up; reading it names it, and it is left untouched', async () => {
    await mkdir(path.join(dir, 'profiles'), { recursive: true });
    const file = path.join(dir, 'profiles', fileNameForId('console:bo'));
    await writeFile(file, '{"grade": 8,,,');
    const s = new LowdbStore(dir);
    await expect(s.open()).resolves.toBeUndefined();
    await expect(s.get('profiles', 'console:bo')).rejects.toThrow(DamagedDataError);
    await expect(s.get('profiles', 'console:bo')).rejects.toThrow(file);
    await expect(s.put('profiles', 'console:bo', { grade: 9 })).rejects.toThrow(DamagedDataError);
    expect(await readFile(file, 'utf8')).toBe('{"grade": 8,,,');
  });

  it('start-up is the same with exports, logs and a temp file left by a crash in the folder', async () => {
    const s = new LowdbStore(dir);
    await s.put('profiles', 'console:ok', { grade: 8 });
    await mkdir(path.join(dir, 'exports'), { recursive: true });
    await writeFile(path.join(dir, 'exports', 'plan-of-study.csv'), 'not json');
    await writeFile(path.join(dir, 'profiles', '.abc123.tmp'), '{"half');
    await writeFile(path.join(dir, 'facts.log.jsonl'), '{"a":1}\n');
    await expect(new LowdbStore(dir).open()).resolves.toBeUndefined();
    expect(await new LowdbStore(dir).get('profiles', 'console:ok')).toEqual({ grade: 8 });
  });

  it('a write that cannot finish fails, leaves nothing behind, and the store goes on working', async () => {
    const store = new LowdbStore(dir);
    await store.open();
    await store.put('profiles', 'console:ok', { grade: 7 });
    // A folder where the record should be: the rename over it fails.
    await mkdir(path.join(dir, 'profiles', fileNameForId('console:blocked')));
    await expect(store.put('profiles', 'console:blocked', { grade: 8 })).rejects.toThrow();
    expect((await readdir(path.join(dir, 'profiles'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    await store.put('profiles', 'console:ok', { grade: 8 });
    expect(await store.get('profiles', 'console:ok')).toEqual({ grade: 8 });
  });

  it('never leaves a half-written file: the last complete write wins', async () => {
    const s = new LowdbStore(dir);
    await Promise.all(Array.from({ length: 20 }, (_, i) => s.put('plans', 'p', { i, pad: 'x'.repeat(5000) })));
    const v = await s.get<{ i: number }>('plans', 'p');
    expect(v?.i).toBe(19);
  });
});
