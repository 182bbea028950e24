import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdtemp, mkdir, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IndexedStore } from '../../src/store/indexed-store.js';
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

describe('a record that is not a record is damaged: named when read, refused, left as it is', () => {
  for (const [raw, what] of [
    ['null', 'holds null'],
    ['[1,2]', 'holds a list'],
    ['"hello"', 'holds a string'],
    ['42', 'holds a number'],
  ] as const) {
    it(`a profile file that ${what} is named when it is read, and is never overwritten`, async () => {
      const file = await writeRaw('profiles', 'console:ana', raw);
      const store = new LowdbStore(dir);
      await store.open();
      await expect(store.get('profiles', 'console:ana')).rejects.toThrow(`${file} is damaged (it ${what}, not a record)`);
      await expect(store.list('profiles')).rejects.toThrow(`${file} is damaged (it ${what}, not a record)`);
      await expect(store.put('profiles', 'console:ana', { userKey: 'console:ana', role: 'student' })).rejects.toThrow(DamagedDataError);
      expect(await readFile(file, 'utf8')).toBe(raw);
    });
  }

  it('a folder named like a record is reported with its name on reading, and refuses a write', async () => {
    const folder = fileOf('sessions', 'console:bo');
    await mkdir(folder, { recursive: true });
    const store = new LowdbStore(dir);
    await store.open();
    await expect(store.get('sessions', 'console:bo')).rejects.toThrow(`${folder} is damaged (it is a folder, not a record file)`);
    await expect(store.put('sessions', 'console:bo', { userKey: 'console:bo' })).rejects.toThrow(DamagedDataError);
  });

  it('a FIFO where a record should be is reported at once when read, without hanging', async () => {
    await mkdir(path.join(dir, 'sessions'), { recursive: true });
    const fifo = fileOf('sessions', 'console:cy');
    execFileSync('mkfifo', [fifo]);
    const store = new LowdbStore(dir);
    await store.open();
    await expect(store.get('sessions', 'console:cy')).rejects.toThrow(`${fifo} is damaged (it is a special file`);
    await expect(store.list('sessions')).rejects.toThrow(DamagedDataError);
  });

  it('start-up reads no record: a damaged one does not stop it, and every other record reads as usual', async () => {
    const damaged = await writeRaw('profiles', 'console:hal', '{"role": "stud');
    await writeRaw('profiles', 'console:ivy', '{"role": "student", "grade": 9}');
    const store = new LowdbStore(dir);
    await expect(store.open()).resolves.toBeUndefined();
    expect(await store.get('profiles', 'console:ivy')).toEqual({ role: 'student', grade: 9 });
    await expect(store.get('profiles', 'console:hal')).rejects.toThrow(`${damaged} is damaged (not valid JSON)`);
    expect(await readFile(damaged, 'utf8')).toBe('{"role": "stud');
  });

  it('a write to a damaged record this process never read is refused, and the file is left as it is', async () => {
    const file = await writeRaw('sessions', 'console:jo', '{"userKey": "console:jo", "unclear": ');
    const store = new LowdbStore(dir);
    await store.open();
    await expect(store.put('sessions', 'console:jo', { userKey: 'console:jo', unclear: 0 })).rejects.toThrow(`${file} is damaged (not valid JSON, so it is not overwritten)`);
    await expect(store.put('sessions', 'console:jo', { userKey: 'console:jo', unclear: 0 })).rejects.toThrow(DamagedDataError);
    expect(await readFile(file, 'utf8')).toBe('{"userKey": "console:jo", "unclear": ');
    expect(await store.putIfAbsent('sessions', 'console:jo', { userKey: 'console:jo' })).toBe(false);
    expect(await readFile(file, 'utf8')).toBe('{"userKey": "console:jo", "unclear": ');
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

  it('temp files a crash left behind are removed in the background after start; a write in progress is not', async () => {
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
    expect(await store.leftoversRemoved()).toBe(2);
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
    expect(await store.leftoversRemoved()).toBe(1);
    const left = (await readdir(dir)).filter((n) => n.endsWith('.tmp'));
    expect(left).toEqual([path.basename(freshSnapshot)]);
  });

  it('the leftover sweep lets other work run while it lists a big folder, and start-up does not wait for it', async () => {
    await mkdir(path.join(dir, 'sessions'), { recursive: true });
    await Promise.all(Array.from({ length: 6000 }, (_, i) => writeFile(fileOf('sessions', `console:s${i}`), '{}')));
    const leftover = path.join(dir, 'sessions', `.${fileNameForId('console:s1')}.999999-1.tmp`);
    await writeFile(leftover, '{"half');
    const store = new LowdbStore(dir);
    await store.open();
    expect(readdirSync(path.join(dir, 'sessions'))).toContain(path.basename(leftover)); // not yet: it runs after start-up
    // Work queued meanwhile runs between its slices (2,000 names each), not after all 6,000.
    let ticks = 0;
    let done = false;
    const tick = () => {
      ticks++;
      if (!done) setImmediate(tick);
    };
    setImmediate(tick);
    const removed = await store.leftoversRemoved();
    done = true;
    expect(removed).toBe(1);
    expect(ticks).toBeGreaterThanOrEqual(3);
    expect(await readdir(path.join(dir, 'sessions'))).not.toContain(path.basename(leftover));
  });

  it('a short-lived command (admin, reminders) opens the facts index without the leftover sweep; the server does it', async () => {
    await mkdir(path.join(dir, 'plans'), { recursive: true });
    const leftover = path.join(dir, 'plans', `.${fileNameForId('console:fa')}.999999-3.tmp`);
    await writeFile(leftover, '{"half');
    const command = new LowdbStore(dir);
    await new IndexedStore(command, { sealWaitMs: 0 }).open({ shortLived: true });
    expect(await command.leftoversRemoved()).toBe(0);
    expect(readdirSync(path.join(dir, 'plans'))).toContain(path.basename(leftover));
    const server = new LowdbStore(dir);
    await new IndexedStore(server, { sealWaitMs: 0 }).open();
    expect(await server.leftoversRemoved()).toBe(1);
    expect(readdirSync(path.join(dir, 'plans'))).not.toContain(path.basename(leftover));
  });

  it('refuses to store anything but a JSON object', async () => {
    const store = new LowdbStore(dir);
    await store.open();
    await expect(store.put('profiles', 'console:gi', null)).rejects.toThrow(TypeError);
    await expect(store.put('profiles', 'console:gi', ['a'])).rejects.toThrow(TypeError);
  });
});
