/**
 * Choosing the store: WAYPOINT_DATABASE_URL set selects PostgreSQL (migrations applied), unset or
 * empty keeps the lowdb folder, and a value that is not a PostgreSQL URL stops start-up with a
 * message naming the variable, never its value.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config.js';
import { LowdbStore } from '../../src/store/lowdb-store.js';
import { closeStore, openStore } from '../../src/store/open-store.js';
import { PostgresStore } from '../../src/store/postgres-store.js';
import { createTestDatabase, postgresForTests } from './postgres-test-db.js';

const quiet = { info: () => undefined, warn: () => undefined };
const runPostgres = await postgresForTests();

describe('WAYPOINT_DATABASE_URL in the settings', () => {
  it('is optional: unset or empty means the lowdb folder', () => {
    expect(loadConfig({}, '/nowhere').WAYPOINT_DATABASE_URL).toBeUndefined();
    expect(loadConfig({ WAYPOINT_DATABASE_URL: '' }, '/nowhere').WAYPOINT_DATABASE_URL).toBeUndefined();
  });

  it('accepts postgres:// and postgresql:// URLs', () => {
    for (const url of ['postgres://waypoint@db.example.org:5432/waypoint', 'postgresql://u:p@127.0.0.1/w?sslmode=require']) {
      expect(loadConfig({ WAYPOINT_DATABASE_URL: url }, '/nowhere').WAYPOINT_DATABASE_URL).toBe(url);
    }
  });

  it('refuses anything else with a message naming the variable and not its value', () => {
    for (const bad of ['mysql://root:hunter2@db/w', 'db.example.org:5432', 'hunter2']) {
      let err: unknown;
      try {
        loadConfig({ WAYPOINT_DATABASE_URL: bad }, '/nowhere');
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).toMatch(/^Environment variable WAYPOINT_DATABASE_URL is not valid: must be a postgres:\/\/ or postgresql:\/\/ URL/);
      expect((err as Error).message).not.toContain('hunter2');
    }
  });
});

describe('openStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'waypoint-open-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('keeps the lowdb folder when no database is set, and closing it is harmless', async () => {
    const store = await openStore({ dataDir: dir }, quiet);
    expect(store.inner).toBeInstanceOf(LowdbStore);
    await store.open();
    await store.put('profiles', 'console:ana', { grade: 8 });
    await closeStore(store);
    expect(await new LowdbStore(dir).get('profiles', 'console:ana')).toEqual({ grade: 8 });
  });

  (runPostgres ? it : it.skip)('uses PostgreSQL when a database is set: nothing in the folder, data kept for the next start', async () => {
    const db = await createTestDatabase('waypoint_open');
    try {
      const first = await openStore({ dataDir: dir, WAYPOINT_DATABASE_URL: db.url }, quiet);
      expect(first.inner).toBeInstanceOf(PostgresStore);
      await first.open();
      await first.put('profiles', 'console:ana', { grade: 8 });
      await closeStore(first);
      expect((first.inner as PostgresStore).pool.ended).toBe(true);
      const again = await openStore({ dataDir: dir, WAYPOINT_DATABASE_URL: db.url }, quiet);
      await again.open();
      expect(await again.get('profiles', 'console:ana')).toEqual({ grade: 8 });
      expect((await again.facts()).profiles.get('console:ana')).toEqual({ grade: 8 });
      expect(await new LowdbStore(dir).ids('profiles')).toEqual([]);
      await closeStore(again);
    } finally {
      await db.drop();
    }
  });
});
