/**
 * npm run store:copy: a school's data moves between a lowdb folder and PostgreSQL (either way, or
 * folder to folder) with every collection and log, checked by counts; a target that holds data is
 * left alone unless --replace.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_DIR } from '../../src/config.js';
import { LowdbStore } from '../../src/store/lowdb-store.js';
import type { Store } from '../../src/store/store.js';
import { copyStore, openSide, parseCopyArgs, sameStore, type StoreSide } from '../../scripts/store-copy.js';
import { createTestDatabase, postgresForTests, type TestDatabase } from './postgres-test-db.js';

const runPostgres = await postgresForTests();

/** A small school: records in a few collections, and a facts log with a sealed segment, live lines and a snapshot. */
async function fillSchool(store: Store): Promise<void> {
  await store.put('profiles', 'slack:U1', { userKey: 'slack:U1', role: 'student', grade: 9, displayName: 'Ana Núñez' });
  await store.put('profiles', 'teams:29:1abc==', { userKey: 'teams:29:1abc==', role: 'counselor' });
  await store.put('sessions', 'we"ird\\id {1,2} NULL', { flow: 'explore', answers: [1, 2, 3], note: 'a "quoted" \\ text' });
  await store.put('codes', 'ABC123', { code: 'ABC123', kind: 'family', ownerKey: 'slack:U1', uses: 0 });
  await store.appendLog('facts', { c: 'profiles', id: 'slack:U1', f: { role: 'student' }, at: '2026-09-01T00:00:00.000Z' });
  await store.sealLog('facts');
  await store.appendLog('facts', { c: 'profiles', id: 'slack:U1', f: { grade: 9 }, at: '2026-09-02T00:00:00.000Z' });
  await store.appendLog('facts', { c: 'codes', id: 'ABC123', f: null, at: '2026-09-03T00:00:00.000Z' });
  await store.writeLogSnapshot('facts', { v: 1, at: '2026-09-01T00:00:00.000Z', cols: {} });
}

/** Everything a store holds, through the port, for comparing two stores. */
async function contents(side: StoreSide): Promise<unknown> {
  const records: Record<string, unknown> = {};
  for (const c of await side.collections()) for (const r of await side.store.list(c)) records[`${c}/${r.id}`] = r.value;
  const logs: Record<string, unknown> = {};
  for (const s of await side.streams()) {
    const segments = [];
    for (const seg of await side.store.sealedLogs(s)) segments.push(await side.store.readLog(s, seg));
    logs[s] = { segments, live: await side.store.readLog(s), snapshot: await side.store.readLogSnapshot(s) };
  }
  return { records, logs };
}

describe('npm run store:copy', () => {
  let dirs: string[];
  let db: TestDatabase | undefined;
  const sides: StoreSide[] = [];
  const folder = async () => {
    const d = await mkdtemp(path.join(tmpdir(), 'waypoint-copy-'));
    dirs.push(d);
    return d;
  };
  const open = async (where: string, role: 'source' | 'target') => {
    const side = await openSide(where, role);
    sides.push(side);
    return side;
  };
  beforeEach(() => {
    dirs = [];
  });
  afterEach(async () => {
    for (const s of sides.splice(0)) await s.close();
    for (const d of dirs) await rm(d, { recursive: true, force: true });
    await db?.drop();
    db = undefined;
  });

  it('copies a lowdb folder to another folder, with the same records and logs, and prints matching counts', async () => {
    const from = await folder();
    await fillSchool(new LowdbStore(from));
    const lines: string[] = [];
    const result = await copyStore(await open(from, 'source'), await open(await folder(), 'target'), { replace: false, write: (l) => lines.push(l) });
    expect(result.ok).toBe(true);
    expect(lines).toContain('profiles            2          2');
    expect(lines).toContain('log facts: 2 live lines, 1 sealed segment (1 line), a snapshot');
    expect(lines.at(-1)).toBe('Counts match: 4 records in 3 collections, 1 log.');
    expect(await contents(sides[1]!)).toEqual(await contents(sides[0]!));
  });

  (runPostgres ? it : it.skip)('moves a school from lowdb to PostgreSQL and back, unchanged', async () => {
    db = await createTestDatabase('waypoint_copy');
    const from = await folder();
    await fillSchool(new LowdbStore(from));
    const source = await open(from, 'source');
    const database = await open(db.url, 'target');
    expect((await copyStore(source, database, { replace: false, write: () => undefined })).ok).toBe(true);
    expect(await contents(database)).toEqual(await contents(source));
    const back = await open(await folder(), 'target');
    expect((await copyStore(await open(db.url, 'source'), back, { replace: false, write: () => undefined })).ok).toBe(true);
    expect(await contents(back)).toEqual(await contents(source));
  });

  (runPostgres ? it : it.skip)('leaves a database that holds data alone, unless --replace, which makes it a copy of the source', async () => {
    db = await createTestDatabase('waypoint_copy');
    const from = await folder();
    await fillSchool(new LowdbStore(from));
    const target = await open(db.url, 'target');
    await target.store.put('profiles', 'slack:OLD', { role: 'student' });
    const source = await open(from, 'source');
    await expect(copyStore(source, target, { replace: false, write: () => undefined })).rejects.toThrow(/is not empty\. Add --replace/);
    expect(await target.collections()).toEqual(['profiles']);
    expect(await target.store.ids('profiles')).toEqual(['slack:OLD']);
    expect((await copyStore(source, target, { replace: true, write: () => undefined })).ok).toBe(true);
    expect(await target.store.get('profiles', 'slack:OLD')).toBeUndefined();
    expect(await contents(target)).toEqual(await contents(source));
  });

  it('reads its arguments, and never copies a store onto itself', () => {
    expect(parseCopyArgs(['--from', 'var', '--to', 'postgres://db/w'])).toEqual({ from: 'var', to: 'postgres://db/w', replace: false });
    expect(parseCopyArgs(['--from', 'var', '--to', 'x', '--replace'])).toMatchObject({ replace: true });
    expect(parseCopyArgs(['--from', 'var'])).toEqual({ error: 'Both --from and --to are needed.' });
    expect(parseCopyArgs(['--from', '--to', 'x'])).toEqual({ error: '--from needs a lowdb folder or a postgres:// URL.' });
    expect(sameStore('var', './var/')).toBe(true);
    expect(sameStore('postgres://a@db:5432/w', 'postgresql://b@db/w')).toBe(true);
    expect(sameStore('postgres://db/w', 'postgres://db/x')).toBe(false);
  });

  it('runs as a command: prints the counts, and refuses a target that holds data', async () => {
    const from = await folder();
    await fillSchool(new LowdbStore(from));
    const to = await folder();
    const run = (argv: string[]) =>
      new Promise<{ code: number; out: string }>((resolve) => {
        execFile('npx', ['tsx', 'scripts/store-copy.ts', ...argv], { cwd: PROJECT_DIR, timeout: 60_000 }, (err, stdout, stderr) =>
          resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr }),
        );
      });
    const first = await run(['--from', from, '--to', to]);
    expect(first).toMatchObject({ code: 0 });
    expect(first.out).toContain('Counts match: 4 records in 3 collections, 1 log.');
    const again = await run(['--from', from, '--to', to]);
    expect(again.code).toBe(1);
    expect(again.out).toContain('is not empty. Add --replace');
  }, 60_000);
});
