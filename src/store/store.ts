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
