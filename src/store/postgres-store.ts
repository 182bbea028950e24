/**
 * The PostgreSQL store: the same Store port as the lowdb folder, for several Waypoint processes on
 * one database (WAYPOINT_DATABASE_URL; see open-store.ts). Records are rows of waypoint_records
 * (collection, id, value json); every call is one statement, so every write of one record is
 * atomic and costs the same however many records exist. putIfAbsent is
 * `INSERT ... ON CONFLICT DO NOTHING`: exactly one caller wins, across every process on the
 * database (reminder claims, codes, message ids). Logs live in their own tables (postgres-logs.ts).
 *
 * A record is kept as the exact JSON text written (a `json` column), so it comes back with its
 * keys in the order they were written, as from a lowdb file: code compares stored objects by their
 * JSON text (interest answers) and walks their keys. Queries and indexes read it as jsonb
 * (`value::jsonb`, see migrations/).
 *
 * Turns: turnScope() runs one user's turn as one transaction holding that user's lock
 * (postgres-transactions.ts); the record statements of the turn go through its client.
 */
import { StoreWithLogs } from './store-with-logs.js';
import type pg from 'pg';
import { connectPostgres, type PostgresLogger } from './postgres-connect.js';
import { PostgresLogs } from './postgres-logs.js';
import { PostgresTransactions } from './postgres-transactions.js';
import type { TurnScope } from '../engine/turn-scope.js';
import { notARecord } from './record-file-checks.js';
import { DamagedDataError, type Store, type StoredRecord } from './store.js';

function checkCollection(collection: string): void {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(collection)) throw new Error(`Bad collection name: ${collection}`);
}

/** Rows per INSERT in putMany. */
const MANY_ROWS = 1000;

export class PostgresStore extends StoreWithLogs implements Store {
  protected readonly logs: PostgresLogs;
  readonly transactions: PostgresTransactions;

  constructor(readonly pool: pg.Pool) {
    super();
    this.transactions = new PostgresTransactions(pool);
    this.logs = new PostgresLogs(pool, this.transactions);
  }

  /** Several processes share this store: turns are transactions under a per-user lock, and a sweep runs on one process at a time. */
  turnScope(): TurnScope {
    const tx = this.transactions;
    return { shared: true, run: (key, work) => tx.run(key, work), alone: (name, work) => tx.alone(name, work) };
  }

  /** The open transaction's client inside a turn, else the pool. */
  private get db() {
    return this.transactions.db();
  }

  /**
   * Connects (a clear error when the server does not answer), applies the migrations that are not
   * applied yet (several processes starting at once take turns), and returns the store.
   * `migrate: false` only checks that the tables are there (reading a database, never changing it).
   */
  static async connect(url: string, options: { logger?: PostgresLogger; migrate?: boolean } = {}): Promise<PostgresStore> {
    return new PostgresStore(await connectPostgres(url, options));
  }

  /** Closes every connection; the store cannot be used afterwards. */
  async close(): Promise<void> {
    await this.pool.end();
  }

  /** A value read from the database that is not a record (someone changed the row by hand). */
  private checked<T>(collection: string, id: string, value: unknown): T {
    const problem = notARecord(value);
    if (problem) throw new DamagedDataError(`waypoint_records (${collection}/${id})`, problem);
    return value as T;
  }

  private static json(collection: string, id: string, value: unknown): string {
    if (notARecord(value)) throw new TypeError(`A record must be a JSON object (${collection}/${id})`);
    return JSON.stringify(value);
  }

  async get<T>(collection: string, id: string): Promise<T | undefined> {
    checkCollection(collection);
    const r = await this.db.query<{ value: unknown }>('SELECT value FROM waypoint_records WHERE collection = $1 AND id = $2', [collection, id]);
    return r.rows.length === 0 ? undefined : this.checked<T>(collection, id, r.rows[0]!.value);
  }

  async put<T>(collection: string, id: string, value: T): Promise<void> {
    checkCollection(collection);
    await this.db.query(
      `INSERT INTO waypoint_records (collection, id, value) VALUES ($1, $2, $3::json)
       ON CONFLICT (collection, id) DO UPDATE SET value = excluded.value, updated_at = now()`,
      [collection, id, PostgresStore.json(collection, id, value)],
    );
  }

  async putIfAbsent<T>(collection: string, id: string, value: T): Promise<boolean> {
    checkCollection(collection);
    const r = await this.db.query('INSERT INTO waypoint_records (collection, id, value) VALUES ($1, $2, $3::json) ON CONFLICT DO NOTHING', [
      collection,
      id,
      PostgresStore.json(collection, id, value),
    ]);
    return r.rowCount === 1;
  }

  async delete(collection: string, id: string): Promise<void> {
    checkCollection(collection);
    await this.db.query('DELETE FROM waypoint_records WHERE collection = $1 AND id = $2', [collection, id]);
  }

  async ids(collection: string): Promise<string[]> {
    checkCollection(collection);
    const r = await this.db.query<{ id: string }>('SELECT id FROM waypoint_records WHERE collection = $1 ORDER BY id', [collection]);
    return r.rows.map((row) => row.id);
  }

  async list<T>(collection: string): Promise<StoredRecord<T>[]> {
    checkCollection(collection);
    const r = await this.db.query<{ id: string; value: unknown }>('SELECT id, value FROM waypoint_records WHERE collection = $1 ORDER BY id', [collection]);
    return r.rows.map((row) => ({ id: row.id, value: this.checked<T>(collection, row.id, row.value) }));
  }

  // Beyond the port, for copying a whole store (scripts/store-copy.ts).

  /** Writes many records of one collection, a thousand per statement (each statement atomic). */
  async putMany(collection: string, records: readonly StoredRecord<unknown>[]): Promise<void> {
    checkCollection(collection);
    for (let i = 0; i < records.length; i += MANY_ROWS) {
      const part = records.slice(i, i + MANY_ROWS);
      await this.pool.query(
        `INSERT INTO waypoint_records (collection, id, value) SELECT $1, t.id, t.value FROM unnest($2::text[], $3::json[]) AS t(id, value)
         ON CONFLICT (collection, id) DO UPDATE SET value = excluded.value, updated_at = now()`,
        [collection, part.map((r) => r.id), part.map((r) => PostgresStore.json(collection, r.id, r.value))],
      );
    }
  }

  /** Collections holding at least one record. */
  async collections(): Promise<string[]> {
    const r = await this.pool.query<{ collection: string }>('SELECT DISTINCT collection FROM waypoint_records ORDER BY collection');
    return r.rows.map((row) => row.collection);
  }

  /** Log streams with a live log, a sealed segment or a snapshot. */
  streams(): Promise<string[]> {
    return this.logs.streams();
  }

  /** Removes every record, log line and snapshot (store:copy --replace). */
  async clear(): Promise<void> {
    await this.pool.query('TRUNCATE waypoint_records, waypoint_log_lines, waypoint_log_snapshots, waypoint_log_snapshot_chunks');
  }
}
