/**
 * Connecting to the PostgreSQL store's database: a pool, a first query that turns "the server does
 * not answer" into a message naming WAYPOINT_DATABASE_URL's server (never its password), and the
 * migrations (postgres-migrate.ts).
 */
import pg from 'pg';
import { migrateDatabase } from './postgres-migrate.js';

export interface PostgresLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

/** Where a database URL points, for messages: user@host:port/database, without the password. */
export function describeDatabase(url: string): string {
  try {
    const u = new URL(url);
    const user = u.username ? `${decodeURIComponent(u.username)}@` : '';
    return `${user}${u.hostname || 'localhost'}:${u.port || '5432'}${u.pathname || '/'}`;
  } catch {
    return 'the database';
  }
}

/** The tables the store needs (created by the migrations in migrations/). */
const TABLES = ['waypoint_records', 'waypoint_log_lines', 'waypoint_log_snapshots'];

export async function connectPostgres(url: string, options: { logger?: PostgresLogger; migrate?: boolean; max?: number } = {}): Promise<pg.Pool> {
  const where = describeDatabase(url);
  // Idle connections do not keep a finished command (admin, reminders, store:copy) running.
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, allowExitOnIdle: true, connectionTimeoutMillis: 10_000 });
  // A connection dropped while idle (the server restarted): the pool opens a new one next time.
  pool.on('error', (err) => options.logger?.warn({ err: err.message, database: where }, 'PostgreSQL connection lost'));
  try {
    await pool.query('SELECT 1');
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw new Error(`PostgreSQL at ${where} (WAYPOINT_DATABASE_URL) does not answer: ${err instanceof Error ? err.message : String(err)}`);
  }
  try {
    if (options.migrate === false) {
      const r = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = current_schema() AND tablename = ANY($1)', [TABLES]);
      if (r.rows[0]!.n !== TABLES.length) throw new Error(`PostgreSQL at ${where} holds no Waypoint store (its tables are missing)`);
    } else {
      await migrateDatabase(pool, options.logger);
    }
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw err;
  }
  return pool;
}
