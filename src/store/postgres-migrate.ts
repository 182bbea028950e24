/**
 * The PostgreSQL store's schema, as versioned migrations in the project's migrations/ folder (SQL
 * files, applied in name order by node-pg-migrate, each recorded in waypoint_migrations). Found
 * from the project folder, so `npm start` and the compiled dist/ use the same files. Applied at
 * start; replicas starting together take turns on the migration lock, and the later ones find
 * nothing left to do.
 */
import path from 'node:path';
import { runner } from 'node-pg-migrate';
import type pg from 'pg';
import { PROJECT_DIR } from '../config.js';
import type { PostgresLogger } from './postgres-connect.js';

export const MIGRATIONS_DIR = path.join(PROJECT_DIR, 'migrations');
export const MIGRATIONS_TABLE = 'waypoint_migrations';

/** Applies the migrations not applied yet; returns their names. */
export async function migrateDatabase(pool: pg.Pool, logger?: PostgresLogger, dir = MIGRATIONS_DIR): Promise<string[]> {
  const client = await pool.connect();
  try {
    const quiet = () => undefined;
    const warn = (msg: string) => logger?.warn({}, msg);
    const applied = await runner({
      dbClient: client,
      dir,
      direction: 'up',
      migrationsTable: MIGRATIONS_TABLE,
      advisoryLockMode: 'wait',
      singleTransaction: true,
      checkOrder: true,
      logger: { debug: quiet, info: quiet, warn, error: warn },
    });
    if (applied.length > 0) logger?.info({ migrations: applied.map((m) => m.name) }, 'PostgreSQL store: migrations applied');
    return applied.map((m) => m.name);
  } finally {
    client.release();
  }
}
