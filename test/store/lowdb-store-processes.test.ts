/**
 * A server and the admin CLI can write the same record at once: the record must always read as one
 * whole write, never a half-written mix.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LowdbStore, fileNameForId } from '../../src/store/lowdb-store.js';

const WRITER = `
import { LowdbStore } from './src/store/lowdb-store.ts';
const [dir, who] = process.argv.slice(-2);
const store = new LowdbStore(dir);
const big = 'x'.repeat(200_000);
for (let i = 0; i < 150; i++) await store.put('profiles', 'slack:U1', { who, i, big });
`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'waypoint-store-procs-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('two processes writing one record never leave it half written', async () => {
  const store = new LowdbStore(dir);
  await store.put('profiles', 'slack:U1', { who: 'start', i: 0 });
  const file = path.join(dir, 'profiles', fileNameForId('slack:U1'));
  const writers = ['a', 'b'].map((who) =>
    spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', WRITER, '--', dir, who], { cwd: process.cwd(), stdio: ['ignore', 'ignore', 'pipe'] }),
  );
  const errors: string[] = [];
  for (const w of writers) w.stderr!.on('data', (d: Buffer) => errors.push(d.toString()));
  const done = Promise.all(writers.map((w) => once(w, 'exit')));
  let running = true;
  void done.then(() => (running = false));
  let reads = 0;
  while (running) {
    const value = JSON.parse(readFileSync(file, 'utf8')) as { who: string };
    expect(['start', 'a', 'b']).toContain(value.who);
    reads += 1;
    await new Promise((r) => setImmediate(r));
  }
  const codes = (await done).map(([code]) => code);
  expect(errors.join('')).toBe('');
  expect(codes).toEqual([0, 0]);
  expect(reads).toBeGreaterThan(0);
  expect(await store.get<{ who: string; i: number }>('profiles', 'slack:U1')).toMatchObject({ i: 149 });
}, 60_000);
