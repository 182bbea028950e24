/**
 * The Store port: named collections of JSON records keyed by id. Small on purpose, so a PostgreSQL
 * implementation can sit beside the lowdb one. Every write of one record is atomic and costs the
 * same however many records exist.
 */
export interface StoredRecord<T> {
  id: string;
  value: T;
}

export interface Store {
  get<T>(collection: string, id: string): Promise<T | undefined>;
  put<T>(collection: string, id: string, value: T): Promise<void>;
  /** Writes only when no record with this id exists; true when written. Safe across processes. */
  putIfAbsent<T>(collection: string, id: string, value: T): Promise<boolean>;
  delete(collection: string, id: string): Promise<void>;
  ids(collection: string): Promise<string[]>;
  list<T>(collection: string): Promise<StoredRecord<T>[]>;

  // Append-only logs beside the records (the facts index uses them; see facts-log.ts). A stream
  // has one live log, sealed segments (a live log moved aside for compaction) and one snapshot.
  /** Appends one small JSON line (under 4 KB) to the live log: one atomic append, also across processes. */
  appendLog(stream: string, line: object): Promise<void>;
  /** The lines of the live log, or of one sealed segment, oldest first ([] when it does not exist). */
  readLog(stream: string, segment?: string): Promise<object[]>;
  /** Moves the live log aside, atomically, as a sealed segment; later appends start a fresh log. */
  sealLog(stream: string): Promise<string | undefined>;
  /** Sealed segments not yet dropped, oldest first. */
  sealedLogs(stream: string): Promise<string[]>;
  dropSealedLog(stream: string, segment: string): Promise<void>;
  /** The snapshot written whole (writeLogSnapshot); of a snapshot written in chunks, its first chunk. */
  readLogSnapshot<T>(stream: string): Promise<T | undefined>;
  /** Changes whenever the snapshot is replaced (undefined: none), so a reader can keep a parsed copy. */
  logSnapshotVersion(stream: string): Promise<string | undefined>;
  /** Replaces the stream's snapshot atomically (never half written): a snapshot of one chunk. */
  writeLogSnapshot<T>(stream: string, value: T): Promise<void>;
  /**
   * The snapshot's chunks (JSON values), in the order written; nothing when there is no snapshot.
   * Parsed one at a time as the caller iterates, so a large snapshot is never one giant value in
   * memory, and all from one snapshot even when another process replaces it meanwhile.
   */
  readLogSnapshotChunks(stream: string): AsyncIterable<unknown>;
  /** Replaces the stream's snapshot atomically with these chunks, written one at a time as they come. */
  writeLogSnapshotChunks(stream: string, chunks: Iterable<unknown> | AsyncIterable<unknown>): Promise<void>;
}

/** A stored file that cannot be read as the record it should be. Never overwritten. */
export class DamagedDataError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`The data file ${file} is damaged (${detail}). Waypoint left it untouched; fix or restore it, then start again.`);
    this.name = 'DamagedDataError';
  }
}
