/**
 * A fresh PostgreSQL database per test file, dropped at the end. The server is the one in
 * WAYPOINT_TEST_DATABASE_URL (set by .ci/run, which requires it), else 127.0.0.1:5432 as user
 * postgres (trust). When that local server does not answer, the PostgreSQL tests are skipped with
 * one message; when WAYPOINT_TEST_DATABASE_URL is set, they run and fail instead.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const LOCAL = 'postgres://postgres@127.0.0.1:5432/postgres';
const required = Boolean(process.env.WAYPOINT_TEST_DATABASE_URL);
/** A URL for a connection on the test server, to create and drop databases from. */
const adminUrl = process.env.WAYPOINT_TEST_DATABASE_URL || LOCAL;

/** The same server, another database. */
export function urlFor(database: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

async function answers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Whether to run the PostgreSQL tests in this file (says once why not). */
export async function postgresForTests(): Promise<boolean> {
  if (required || (await answers())) return true;
  console.warn(`PostgreSQL does not answer at ${new URL(adminUrl).host}: the PostgreSQL store tests are skipped (set WAYPOINT_TEST_DATABASE_URL to require them).`);
  return false;
}

async function onAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** Creates an empty database with a random name. */
export async function createTestDatabase(prefix = 'waypoint_test'): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await onAdmin(`CREATE DATABASE ${name}`);
  return { name, url: urlFor(name), drop: () => onAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
