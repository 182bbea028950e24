/**
 * Turns as transactions, for several Waypoint processes on one PostgreSQL database.
 *
 * `run(key, work)` checks out one pool client, BEGINs, takes a transaction-scoped advisory lock on
 * the key (one user's turns, one reply record's claims), and runs `work` with every record
 * statement of that async context (AsyncLocalStorage) going through that client; then COMMIT, or
 * ROLLBACK when `work` throws. A process that dies mid-turn loses its connection, and the server
 * rolls the turn back: nothing half applied. The lock is released with the transaction.
 *
 * Log lines appended inside the transaction are kept aside and written by the last statements
 * before COMMIT (postgres-logs.ts), in stream-name order. Locks are therefore always taken in one
 * order: the key's lock first, row locks of the turn's writes next, a log stream's lock last and
 * only for the moment before COMMIT, by a holder that then waits for nothing else. No cycle.
 *
 * Pool: a turn holds one client for its whole length and may need a second one for a moment (log
 * reads go through the pool: they fill caches shared by every turn of the process). At most
 * `pool max - 2` transactions are open at once, so a turn waiting for a client always gets one.
 *
 * `alone(name, work)` runs work holding a session-level advisory lock (pg_try_advisory_lock) on its
 * own client; when another process holds it, nothing runs. A process that dies frees it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';

/** What runs one statement: the pool, or the client of the transaction this async context is in. */
export type Queryable = Pick<pg.Pool, 'query'>;

export interface OpenTransaction {
  readonly client: pg.PoolClient;
  /** False once `work` is over: anything it left running uses the pool from then on. */
  open: boolean;
  /** Keys locked in this transaction. */
  readonly keys: Set<string>;
  /** Log lines appended in it, per stream, written just before COMMIT. */
  readonly lines: Map<string, string[]>;
}

const LOCK_KEY = `SELECT pg_advisory_xact_lock(hashtext('waypoint_turn'), hashtext($1))`;
const TRY_ALONE = `SELECT pg_try_advisory_lock(hashtext('waypoint_alone'), hashtext($1)) AS got`;
const END_ALONE = `SELECT pg_advisory_unlock(hashtext('waypoint_alone'), hashtext($1))`;

/** Writes a transaction's log lines (postgres-logs.ts), on its client, before COMMIT. */
export type LinesWriter = (client: pg.PoolClient, stream: string, lines: string[]) => Promise<void>;

export class PostgresTransactions {
  private readonly context = new AsyncLocalStorage<OpenTransaction>();
  private readonly slots: number;
  private openCount = 0;
  private readonly waiting: (() => void)[] = [];
  private writeLines: LinesWriter | undefined;

  constructor(private readonly pool: pg.Pool) {
    const max = (pool as { options?: { max?: number } }).options?.max ?? 10;
    this.slots = Math.max(1, max - 2);
  }

  /** Set once by the logs, which write the lines kept aside. */
  onCommit(write: LinesWriter): void {
    this.writeLines = write;
  }

  /** The transaction this async context is in, while its work runs. */
  current(): OpenTransaction | undefined {
    const tx = this.context.getStore();
    return tx?.open ? tx : undefined;
  }

  /** Where a record statement runs now: the open transaction's client, else the pool. */
  db(): Queryable {
    return this.current()?.client ?? this.pool;
  }

  /**
   * Runs `work` as one transaction holding the key's lock, so work on one key runs one at a time
   * across every process on the database, in the order the locks are asked for. Inside a
   * transaction already, it joins it (and takes this key's lock too).
   */
  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const outer = this.current();
    if (outer) {
      if (!outer.keys.has(key)) {
        await outer.client.query(LOCK_KEY, [key]);
        outer.keys.add(key);
      }
      return work();
    }
    await this.takeSlot();
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (err) {
      this.giveSlot();
      throw err;
    }
    const tx: OpenTransaction = { client, open: true, keys: new Set([key]), lines: new Map() };
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      await client.query(LOCK_KEY, [key]);
      const result = await this.context.run(tx, work);
      tx.open = false;
      for (const stream of [...tx.lines.keys()].sort()) await this.writeLines!(client, stream, tx.lines.get(stream)!);
      // A statement of the turn failed where its error was caught: the server rolls back instead.
      if ((await client.query('COMMIT')).command !== 'COMMIT') throw new Error('The turn was not saved: one of its statements failed, so PostgreSQL rolled it back');
      return result;
    } catch (err) {
      tx.open = false;
      try {
        await client.query('ROLLBACK');
      } catch (lost) {
        // The connection is gone (the server rolled the transaction back itself): not reused.
        broken = lost instanceof Error ? lost : new Error(String(lost));
      }
      throw err;
    } finally {
      client.release(broken);
      this.giveSlot();
    }
  }

  /** Runs `work` unless another process holds `name` now; false when it did not run. */
  async alone(name: string, work: () => Promise<void>): Promise<boolean> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      const r = await client.query<{ got: boolean }>(TRY_ALONE, [name]);
      if (!r.rows[0]!.got) return false;
      try {
        // Not in a transaction: the work's statements go through the pool, as outside any turn.
        await this.context.exit(work);
        return true;
      } finally {
        await client.query(END_ALONE, [name]).catch((err: unknown) => (broken = err instanceof Error ? err : new Error(String(err))));
      }
    } finally {
      client.release(broken);
    }
  }

  private takeSlot(): Promise<void> {
    if (this.openCount < this.slots) {
      this.openCount++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private giveSlot(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.openCount--;
  }
}
