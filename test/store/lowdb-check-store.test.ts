import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_DIR } from '../../src/config.js';
import { checkDataFolder, checkEveryRecord } from '../../src/store/check-every-record.js';
import { IndexedStore } from '../../src/store/indexed-store.js';
import { LowdbStore, fileNameForId } from '../../src/store/lowdb-store.js';
import { DamagedDataError } from '../../src/store/store.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'waypoint-check-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const fileOf = (collection: string, id: string) => path.join(dir, collection, fileNameForId(id));

async function writeRaw(file: string, raw: string): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, raw);
  return file;
}

/** A school's folder written through the app's store: records, the facts log and its snapshot. */
async function goodFolder(): Promise<void> {
  const store = new IndexedStore(new LowdbStore(dir), { sealWaitMs: 0 });
  await store.open();
  await store.put('profiles', 'console:ana', { userKey: 'console:ana', role: 'student', grade: 9 });
  await store.put('sessions', 'console:ana', { userKey: 'console:ana' });
  await store.log.compact(); // a snapshot
  await store.put('profiles', 'console:bo', { userKey: 'console:bo', role: 'student', grade: 10 }); // and a live log line
}

/** Runs `npm run check-store` as an operator would, with WAYPOINT_DATA_DIR set. */
function checkStore(dataDir: string, args: string[] = []): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'scripts/check-store.ts', ...args], { cwd: PROJECT_DIR, env: { ...process.env, WAYPOINT_DATA_DIR: dataDir }, timeout: 60_000 }, (err, out, stderr) =>
      resolve({ code: err ? Number(err.code ?? 1) : 0, out, err: stderr }),
    );
  });
}

describe('the full check of a data folder (npm run check-store)', () => {
  it('reads every record and log of a sound folder and finds nothing damaged', async () => {
    await goodFolder();
    const result = checkDataFolder(dir);
    expect(result).toEqual({ records: 3, logs: 2, damaged: [] });
  });

  it('names every damaged record and log with its problem, not only the first, and changes nothing', async () => {
    await goodFolder();
    const notJson = await writeRaw(fileOf('profiles', 'console:cy'), '{"role": "stud');
    const aList = await writeRaw(fileOf('plans', 'console:di'), '[1,2]');
    const folder = fileOf('sessions', 'console:ed');
    await mkdir(folder, { recursive: true });
    const fifo = fileOf('sessions', 'console:fa');
    execFileSync('mkfifo', [fifo]);
    const log = path.join(dir, 'facts.log.jsonl');
    await writeFile(log, (await readFile(log, 'utf8')) + '{"c":"plans","id":"console:gi"}\n');
    const before = await readFile(log, 'utf8');

    const result = checkDataFolder(dir);
    expect(result.records).toBe(7);
    expect(result.damaged.sort((a, b) => a.file.localeCompare(b.file))).toEqual(
      [
        { file: log, problem: 'line 2 is not a facts entry' },
        { file: aList, problem: 'it holds a list, not a record' },
        { file: notJson, problem: 'not valid JSON' },
        { file: folder, problem: 'it is a folder, not a record file' },
        { file: fifo, problem: 'it is a special file (like a pipe or a device), not a record file' },
      ].sort((a, b) => a.file.localeCompare(b.file)),
    );
    expect(await readFile(notJson, 'utf8')).toBe('{"role": "stud');
    expect(await readFile(log, 'utf8')).toBe(before);
  });

  it('a damaged facts snapshot or sealed segment is named too; a live log line still being written is not damage', async () => {
    const snapshot = await writeRaw(path.join(dir, 'facts.snapshot.json'), '{"v":1,"cols":{"plans":[["console:a","2025-09-01T00:00:00.000Z",null]]}}');
    const segment = await writeRaw(path.join(dir, 'facts.log.1760000000000-0a1b2c3d.compacting'), '{"c":"plans","id":"x","f":{},"at":"2025-09-01T00:00:00.000Z"}\n{"c":"pla');
    await writeRaw(path.join(dir, 'facts.log.jsonl'), '{"c":"plans","id":"x","f":{},"at":"2025-09-01T00:00:00.000Z"}\n{"c":"pla');
    const result = checkDataFolder(dir);
    expect(result.logs).toBe(3);
    expect(result.damaged).toEqual([
      { file: segment, problem: 'line 2 is not a valid log entry' },
      { file: snapshot, problem: 'entry 1 of its plans is not [id, time, facts]' },
    ]);
  });

  it('skips exports, the terminal log and temp files a crash left behind', async () => {
    await goodFolder();
    await writeRaw(path.join(dir, 'exports', 'plan-of-study.csv'), 'not json');
    await writeRaw(path.join(dir, 'waypoint.log'), 'not json either');
    await writeRaw(path.join(dir, 'profiles', '.abc123.tmp'), '{"half');
    expect(checkDataFolder(dir).damaged).toEqual([]);
  });

  it('checkEveryRecord (the crash tests\' audit) still stops at the first damaged record with its name', async () => {
    const file = await writeRaw(fileOf('profiles', 'console:cy'), 'null');
    const named: string[] = [];
    expect(() => checkEveryRecord(dir, (f) => named.push(f))).toThrow(DamagedDataError);
    expect(named).toEqual([file]);
  });

  it('the command prints the counts and each damaged file, exits 1 when any is damaged and 0 when none is', async () => {
    await goodFolder();
    const clean = await checkStore(dir);
    expect(clean.code).toBe(0);
    expect(clean.out).toMatch(/^Checked .*: 3 records and 2 logs read in [\d.]+ s; none is damaged\.$/m);

    const bad = await writeRaw(fileOf('profiles', 'console:cy'), '{"role": "stud');
    const damaged = await checkStore(dir);
    expect(damaged.code).toBe(1);
    expect(damaged.out).toContain('4 records and 2 logs read');
    expect(damaged.out).toContain(`  ${bad}: not valid JSON`);
    expect(await readFile(bad, 'utf8')).toBe('{"role": "stud');
  }, 60_000);

  it('the command says so when the data folder does not exist, and exits 2', async () => {
    const missing = await checkStore(path.join(dir, 'nowhere'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain(`There is no data folder at ${path.join(dir, 'nowhere')}`);
  }, 60_000);
});
