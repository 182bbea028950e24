/**
 * Append-only logs for the PostgreSQL store (the Store port's log half; see store.ts):
 *   waypoint_log_lines      one row per line: the live log (segment NULL) and sealed segments
 *   waypoint_log_snapshots, waypoint_log_snapshot_chunks   one snapshot per stream (postgres-snapshots.ts)
 *
 * Appends from every process on the database are safe and ordered: an append takes a transaction
 * lock on its stream (pg_advisory_xact_lock) before its rows get their `seq`, so `seq` order is
 * commit order, and a reader always sees a prefix of the live log, never a line that appears later
 * between lines it has already read (the facts index reads only the new lines of a live log).
 * Each process keeps the live logs it has read and fetches only the lines appended since.
 * Lines queued in one process while an append is under way go out together, in order, in one
 * statement. Sealing marks every committed live line with the new segment's name in one UPDATE; an
 * append committing at the same moment lands wholly before (in the segment) or after (in the fresh
 * live log), never lost, never in both.
 *
 * Inside a turn's transaction (postgres-transactions.ts) an append is kept aside and written by
 * the transaction's last statement before COMMIT, with the stream's lock held only from then to
 * COMMIT: the lines become visible with the records they describe, or not at all.
 */
import type pg from 'pg';
import type { PostgresTransactions } from './postgres-transactions.js';
import { MAX_LOG_LINE_BYTES } from './lowdb-logs.js';
import { readSnapshotChunks, snapshotVersion, writeSnapshot, writeSnapshotChunks } from './postgres-snapshots.js';

/** Rows per INSERT when many lines are queued at once. */
const BATCH_LINES = 1000;


function checkStream(stream: string): void {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(stream)) throw new Error(`Bad log stream name: ${stream}`);
}

function checkSegment(stream: string, segment: string): void {
  checkStream(stream);
  if (!new RegExp(`^${stream}\\.log\\.\\d{13}\\.compacting$`).test(segment)) throw new Error(`Bad log segment name: ${segment}`);
}

interface Pending {
  text: string;
  resolve: () => void;
  reject: (err: unknown) => void;
}

const APPEND = `
  WITH locked AS (SELECT pg_advisory_xact_lock(hashtext('waypoint_log'), hashtext($1)))
  INSERT INTO waypoint_log_lines (stream, line)
  SELECT $1, t.line FROM locked, unnest($2::jsonb[]) WITH ORDINALITY AS t(line, n) ORDER BY t.n`;

const SEAL = `
  WITH s AS (SELECT $1 || '.log.' || lpad(nextval('waypoint_log_segments')::text, 13, '0') || '.compacting' AS name),
       moved AS (UPDATE waypoint_log_lines l SET segment = s.name FROM s WHERE l.stream = $1 AND l.segment IS NULL RETURNING 1)
  SELECT (SELECT name FROM s) AS name, (SELECT count(*) FROM moved)::int AS lines`;

/**
 * The live log's lines after seq `$2`, and whether the line with seq `$3` is still live, both as
 * of one moment. A seal moves every committed live line, oldest first, so when the oldest line a
 * process has kept is still live, none of the lines it kept has left the live log.
 */
const READ_LIVE = `
  SELECT EXISTS (SELECT 1 FROM waypoint_log_lines WHERE seq = $3::bigint AND segment IS NULL) AS still_live, l.seq::text AS seq, l.line
  FROM (SELECT 1) one
  LEFT JOIN LATERAL (SELECT seq, line FROM waypoint_log_lines WHERE stream = $1 AND segment IS NULL AND seq > $2::bigint) l ON true
  ORDER BY l.seq`;

/** A live log as this process last read it (never empty). */
interface LiveCopy {
  firstSeq: string;
  lastSeq: string;
  lines: object[];
}

export class PostgresLogs {
  private readonly queues = new Map<string, { lines: Pending[]; running: boolean }>();
  /**
   * Each live log as last read, so the next read fetches only the lines appended since (the facts
   * index reads its whole live log on every load). Appends only add lines after it, in seq order
   * (see the top of this file); a seal or a clear is noticed by the oldest kept line leaving.
   */
  private readonly live = new Map<string, LiveCopy>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly transactions?: PostgresTransactions,
  ) {
    transactions?.onCommit((client, stream, lines) => PostgresLogs.write(client, stream, lines));
  }

  /** Appends lines in order, a thousand per statement, on the given client or pool. */
  private static async write(db: pg.Pool | pg.PoolClient, stream: string, lines: string[]): Promise<void> {
    for (let i = 0; i < lines.length; i += BATCH_LINES) await db.query(APPEND, [stream, lines.slice(i, i + BATCH_LINES)]);
  }

  append(stream: string, line: object): Promise<void> {
    checkStream(stream);
    const text = JSON.stringify(line);
    // The same limit as the lowdb log, so data moves between the two either way.
    if (Buffer.byteLength(text) + 1 > MAX_LOG_LINE_BYTES) return Promise.reject(new Error(`A log line for ${stream} is over ${MAX_LOG_LINE_BYTES} bytes`));
    const tx = this.transactions?.current();
    if (tx) {
      const kept = tx.lines.get(stream);
      if (kept) kept.push(text);
      else tx.lines.set(stream, [text]);
      return Promise.resolve();
    }
    let q = this.queues.get(stream);
    if (!q) this.queues.set(stream, (q = { lines: [], running: false }));
    const queue = q;
    return new Promise<void>((resolve, reject) => {
      queue.lines.push({ text, resolve, reject });
      if (!queue.running) void this.drain(stream, queue);
    });
  }

  private async drain(stream: string, q: { lines: Pending[]; running: boolean }): Promise<void> {
    q.running = true;
    try {
      while (q.lines.length > 0) {
        const batch = q.lines.splice(0, BATCH_LINES);
        try {
          await this.pool.query(APPEND, [stream, batch.map((b) => b.text)]);
          for (const b of batch) b.resolve();
        } catch (err) {
          for (const b of batch) b.reject(err);
        }
      }
    } finally {
      q.running = false;
    }
  }

  async read(stream: string, segment?: string): Promise<object[]> {
    if (segment === undefined) return [...(await this.readLive(stream))];
    checkSegment(stream, segment);
    const r = await this.pool.query<{ line: object }>('SELECT line FROM waypoint_log_lines WHERE stream = $1 AND segment = $2 ORDER BY seq', [stream, segment]);
    return r.rows.map((row) => row.line);
  }

  private async readLive(stream: string): Promise<object[]> {
    checkStream(stream);
    let kept = this.live.get(stream);
    const query = (copy: LiveCopy | undefined) =>
      this.pool.query<{ still_live: boolean; seq: string | null; line: object | null }>(READ_LIVE, [stream, copy?.lastSeq ?? '0', copy?.firstSeq ?? '0']);
    let r = await query(kept);
    if (kept && !r.rows[0]!.still_live) {
      // Sealed (or cleared) since: read it all again.
      kept = undefined;
      r = await query(undefined);
    }
    const added = r.rows.filter((row) => row.seq !== null);
    if (added.length === 0) {
      if (!kept) this.live.delete(stream);
      return kept?.lines ?? [];
    }
    const copy: LiveCopy = {
      firstSeq: kept?.firstSeq ?? added[0]!.seq!,
      lastSeq: added[added.length - 1]!.seq!,
      lines: [...(kept?.lines ?? []), ...added.map((row) => row.line!)],
    };
    this.live.set(stream, copy);
    return copy.lines;
  }

  /** Moves every committed live line into a new segment; undefined (and nothing sealed) when the live log is empty. */
  async seal(stream: string): Promise<string | undefined> {
    checkStream(stream);
    const r = await this.pool.query<{ name: string; lines: number }>(SEAL, [stream]);
    const row = r.rows[0]!;
    return row.lines > 0 ? row.name : undefined;
  }

  async sealed(stream: string): Promise<string[]> {
    checkStream(stream);
    const r = await this.pool.query<{ segment: string }>('SELECT DISTINCT segment FROM waypoint_log_lines WHERE stream = $1 AND segment IS NOT NULL ORDER BY segment', [stream]);
    return r.rows.map((row) => row.segment);
  }

  async drop(stream: string, segment: string): Promise<void> {
    checkSegment(stream, segment);
    await this.pool.query('DELETE FROM waypoint_log_lines WHERE stream = $1 AND segment = $2', [stream, segment]);
  }

  // Snapshots (postgres-snapshots.ts).
  async readSnapshot<T>(stream: string): Promise<T | undefined> {
    checkStream(stream);
    for await (const chunk of readSnapshotChunks(this.pool, stream)) return chunk as T;
    return undefined;
  }
  readSnapshotChunks(stream: string): AsyncIterable<unknown> {
    checkStream(stream);
    return readSnapshotChunks(this.pool, stream);
  }
  snapshotVersion(stream: string): Promise<string | undefined> {
    checkStream(stream);
    return snapshotVersion(this.pool, stream);
  }
  writeSnapshot<T>(stream: string, value: T): Promise<void> {
    checkStream(stream);
    return writeSnapshot(this.pool, stream, value);
  }
  writeSnapshotChunks(stream: string, chunks: Iterable<unknown> | AsyncIterable<unknown>): Promise<void> {
    checkStream(stream);
    return writeSnapshotChunks(this.pool, stream, chunks);
  }

  /** Streams with a live log, a sealed segment or a snapshot (for copying a store). */
  async streams(): Promise<string[]> {
    const r = await this.pool.query<{ stream: string }>(
      'SELECT stream FROM (SELECT DISTINCT stream FROM waypoint_log_lines UNION SELECT stream FROM waypoint_log_snapshots) s ORDER BY stream',
    );
    return r.rows.map((row) => row.stream);
  }
}
