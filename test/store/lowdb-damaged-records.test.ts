import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LowdbStore, fileNameForId } from '../../src/store/lowdb-store.js';
import { DamagedDataError } from '../../src/store/store.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'waypoint-damaged-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const fileOf = (collection: string, id: string) => path.join(dir, collection, fileNameForId(id));

async function writeRaw(collection: string, id: string, raw: string): Promise<string> {
  await mkdir(path.join(dir, collection), { recursive: true });
  const file = fileOf(collection, id);
  await writeFile(file, raw);
  return file;
}

describe('a record that is not a record is damaged: named, refused, left as it is', () => {
  for (const [raw, what] of [
    ['null', 'holds null'],
    ['[1,2]', 'holds a list'],
    ['"hello"', 'holds a string'],
    ['42', 'holds a number'],
  ] as const) {
    it(`a profile file that ${what} stops start-up with the file's name, and is never overwritten`, async () => {
      const file = await writeRaw('profiles', 'console:ana', raw);
      const store = new LowdbStore(dir);
      await expect(store.open()).rejects.toThrow(`${file} is damaged (it ${what}, not a record)`);
      await expect(store.get('profiles', 'console:ana')).rejects.toThrow(DamagedDataError);
      await expect(store.put('profiles', 'console:ana', { userKey: 'console:ana', role: 'student' })).rejects.toThrow(DamagedDataError);
      expect(await readFile(file, 'utf8')).toBe(raw);
    });
  }

  it('a folder named like a record is reported with its name, at start and on reading', async () => {
    const folder = fileOf('sessions', 'console:bo');
    await mkdir(folder, { recursive: true });
    const store = new LowdbStore(dir);
    await expect(store.open()).rejects.toThrow(`${folder} is damaged (it is a folder, not a record file)`);
    await expect(store.get('sessions', 'console:bo')).rejects.toThrow(`${folder} is damaged (it is a folder`);
  });

  it('a FIFO where a record should be is reported at once, without hanging', async () => {
    await mkdir(path.join(dir, 'sessions'), { recursive: true });
    const fifo = fileOf('sessions', 'console:cy');
    execFileSync('mkfifo', [fifo]);
    const store = new LowdbStore(dir);
    await expect(store.open()).rejects.toThrow(`${fifo} is damaged (it is a special file`);
    await expect(store.get('sessions', 'console:cy')).rejects.toThrow(DamagedDataError);
    await expect(store.list('sessions')).rejects.toThrow(DamagedDataError);
  });

  it('a record damaged while the server runs is reported on the next write, never overwritten from memory', async () => {
    const store = new LowdbStore(dir);
    await store.open();
    await store.put('sessions', 'console:di', { userKey: 'console:di', unclear: 0 });
    expect(await store.get('sessions', 'console:di')).toEqual({ userKey: 'console:di', unclear: 0 });
    const file = fileOf('sessions', 'console:di');
    await writeFile(file, '{"userKey": "console:di", "uncl');
    await expect(store.put('sessions', 'console:di', { userKey: 'console:di', unclear: 1 })).rejects.toThrow(`${file} is damaged`);
    expect(await readFile(file, 'utf8')).toBe('{"userKey": "console:di", "uncl');
  });

  it('a record another process replaced with a good one is written over as usual', async () => {
    const a = new LowdbStore(dir);
    const b = new LowdbStore(dir);
    await a.open();
    await b.open();
    await a.put('profiles', 'console:ed', { grade: 8 });
    await b.put('profiles', 'console:ed', { grade: 9 });
    await a.put('profiles', 'console:ed', { grade: 10 });
    expect(await b.get('profiles', 'console:ed')).toEqual({ grade: 10 });
  });

  it('temp files a crash left behind are removed at start; a write in progress is not', async () => {
    await mkdir(path.join(dir, 'plans'), { recursive: true });
    const deadPid = path.join(dir, 'plans', `.${fileNameForId('console:fa')}.999999-3.tmp`);
    const oldRandom = path.join(dir, 'plans', '.a1b2c3d4e5f6.tmp');
    const freshRandom = path.join(dir, 'plans', '.0f0f0f0f0f0f.tmp');
    const mine = path.join(dir, 'plans', `.${fileNameForId('console:fa')}.${process.pid}-1.tmp`);
    for (const f of [deadPid, oldRandom, freshRandom, mine]) await writeFile(f, 'x'.repeat(1000));
    const old = new Date(Date.now() - 10 * 60_000);
    await utimes(oldRandom, old, old);
    const store = new LowdbStore(dir);
    await store.open();
    expect((await readdir(path.join(dir, 'plans'))).sort()).toEqual([path.basename(freshRandom), path.basename(mine)].sort());
  });

  it('a log snapshot\'s temp file a crash left at the top of the data folder is removed at start too', async () => {
    const oldSnapshot = path.join(dir, '.facts.snapshot.a1b2c3d4e5f6.tmp');
    const freshSnapshot = path.join(dir, '.facts.snapshot.0f0f0f0f0f0f.tmp');
    for (const f of [oldSnapshot, freshSnapshot]) await writeFile(f, '{"big":"' + 'x'.repeat(1000) + '"}');
    const old = new Date(Date.now() - 10 * 60_000);
    await utimes(oldSnapshot, old, old);
    const store = new LowdbStore(dir);
    await store.open();
    const left = (await readdir(dir)).filter((n) => n.endsWith('.tmp'));
    expect(left).toEqual([path.basename(freshSnapshot)]);
  });

  it('refuses to store anything but a JSON object', async () => {
    const store = new LowdbStore(dir);
    await store.open();
    await expect(store.put('profiles', 'console:gi', null)).rejects.toThrow(TypeError);
    await expect(store.put('profiles', 'console:gi', ['a'])).rejects.toThrow(TypeError);
  });
});
