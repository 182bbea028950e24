/**
 * Snapshots of the PostgreSQL store's logs (postgres-logs.ts):
 *   waypoint_log_snapshots        one head row per stream: its version (new on every write), and its
 *                                 value when it was written whole (NULL when it is in chunks)
 *   waypoint_log_snapshot_chunks  a snapshot written in chunks: one row per chunk, per version
 * A chunked write puts its chunks under a new version first, then switches the head and deletes
 * the older chunks in one transaction; a reader reads the head and its chunks in one REPEATABLE
 * READ transaction, so it always gets one whole snapshot, a few rows per query.
 */
import type pg from 'pg';
import { DamagedDataError } from './store.js';

/** Snapshot chunks fetched per query while reading. */
const CHUNKS_PER_READ = 8;
/** Snapshot chunk text sent per INSERT while writing (about). */
const CHUNK_WRITE_BYTES = 4 << 20;

function parseSnapshotText(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new DamagedDataError(where, 'not valid JSON');
  }
}

/**
 * The snapshot's chunks in order, a few rows per query, all inside one read-only REPEATABLE READ
 * transaction: one snapshot throughout, even when another process replaces it meanwhile.
 */
export async function* readSnapshotChunks(pool: pg.Pool, stream: string): AsyncIterable<unknown> {
  const client = await pool.connect();
  let failed = false;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const head = await client.query<{ version: string; value: string | null }>('SELECT version::text AS version, value FROM waypoint_log_snapshots WHERE stream = $1', [stream]);
    const row = head.rows[0];
    if (!row) return;
    if (row.value !== null) {
      // Written whole (writeSnapshot, or an older version).
      yield parseSnapshotText(row.value, `waypoint_log_snapshots (stream ${stream})`);
      return;
    }
    for (let next = 0; ; ) {
      const r = await client.query<{ n: number; value: string }>(
        'SELECT n, value FROM waypoint_log_snapshot_chunks WHERE stream = $1 AND version = $2::bigint AND n >= $3 ORDER BY n LIMIT $4',
        [stream, row.version, next, CHUNKS_PER_READ],
      );
      for (const c of r.rows) yield parseSnapshotText(c.value, `waypoint_log_snapshot_chunks (stream ${stream}, chunk ${c.n})`);
      if (r.rows.length < CHUNKS_PER_READ) break;
      next = r.rows[r.rows.length - 1]!.n + 1;
    }
  } catch (err) {
    failed = true;
    throw err;
  } finally {
    await client.query(failed ? 'ROLLBACK' : 'COMMIT').catch(() => undefined);
    client.release();
  }
}

export async function snapshotVersion(pool: pg.Pool, stream: string): Promise<string | undefined> {
  const r = await pool.query<{ version: string }>('SELECT version::text AS version FROM waypoint_log_snapshots WHERE stream = $1', [stream]);
  return r.rows[0]?.version;
}

/** Written whole in the head row: the snapshot and its new version are replaced together, never half written. */
export async function writeSnapshot<T>(pool: pg.Pool, stream: string, value: T): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query(
      `INSERT INTO waypoint_log_snapshots (stream, version, value) VALUES ($1, nextval('waypoint_snapshot_versions'), $2)
       ON CONFLICT (stream) DO UPDATE SET version = excluded.version, value = excluded.value`,
      [stream, JSON.stringify(value)],
    );
    await client.query('DELETE FROM waypoint_log_snapshot_chunks WHERE stream = $1', [stream]);
  });
}

/** Runs `work` in one transaction on a client of its own: committed, or rolled back when it throws. */
async function inTransaction(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await work(client);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/**
 * Writes the chunks under a new version, a few per statement as they come, then switches the
 * stream's head to that version and deletes the older chunks in one transaction. Chunks of a
 * write that died before its switch are never read, and the next write deletes them.
 */
export async function writeSnapshotChunks(pool: pg.Pool, stream: string, chunks: Iterable<unknown> | AsyncIterable<unknown>): Promise<void> {
  const v = await pool.query<{ version: string }>(`SELECT nextval('waypoint_snapshot_versions')::text AS version`);
  const version = v.rows[0]!.version;
  let n = 0;
  let texts: string[] = [];
  let bytes = 0;
  const flush = async () => {
    if (texts.length === 0) return;
    const first = n - texts.length;
    await pool.query(
      `INSERT INTO waypoint_log_snapshot_chunks (stream, version, n, value)
       SELECT $1, $2::bigint, $3::int + t.i - 1, t.value FROM unnest($4::text[]) WITH ORDINALITY AS t(value, i)`,
      [stream, version, first, texts],
    );
    texts = [];
    bytes = 0;
  };
  for await (const chunk of chunks) {
    const text = JSON.stringify(chunk);
    if (text === undefined) throw new TypeError(`A snapshot chunk of ${stream} is not a JSON value`);
    texts.push(text);
    n++;
    bytes += text.length;
    if (bytes >= CHUNK_WRITE_BYTES) await flush();
  }
  await flush();
  await inTransaction(pool, async (client) => {
    await client.query(
      `INSERT INTO waypoint_log_snapshots (stream, version, value) VALUES ($1, $2::bigint, NULL)
       ON CONFLICT (stream) DO UPDATE SET version = excluded.version, value = NULL`,
      [stream, version],
    );
    await client.query('DELETE FROM waypoint_log_snapshot_chunks WHERE stream = $1 AND version <> $2::bigint', [stream, version]);
  });
}
