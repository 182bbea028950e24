/**
 * A Store decorator that keeps the facts index (facts-log.ts) current: after every write or delete
 * in an indexed collection (plans, profiles, student-links, caseloads, counselors) it appends one
 * short line to the facts log. A write costs one extra append, however many students there are.
 * Feature code does not change: it gets this store where it got the plain one.
 *
 * Every process that writes the data folder must use this wrapper (the composition roots do),
 * or its writes are missing from the index until the next rebuild.
 */
import { FactsLog, type FactsLogOptions, type IndexedFacts } from './facts-log.js';
import { isIndexed } from './record-facts.js';
import type { Store, StoredRecord } from './store.js';

export class IndexedStore implements Store {
  readonly log: FactsLog;
  /** Per record: the write and its log line, in call order (so lines follow the writes' order). */
  private readonly chains = new Map<string, Promise<unknown>>();

  constructor(
    readonly inner: Store,
    options: FactsLogOptions = {},
  ) {
    this.log = new FactsLog(inner, options);
  }

  /**
   * Opens the wrapped store when it has an open() (lowdb: creates the folder and starts removing a
   * crash's leftover temp files in the background; no record is read, each is checked when it is
   * read), then loads the index once, so a damaged log stops start-up and a missing index is
   * rebuilt now. `shortLived`: a command that runs and exits (admin, reminders) skips the wrapped
   * store's open, so it never waits for that background sweep. `readEveryRecord: false` is the
   * same thing under its old name (start-up no longer reads every record).
   */
  async open(options: { shortLived?: boolean; readEveryRecord?: boolean } = {}): Promise<void> {
    const inner = this.inner as Store & { open?: () => Promise<void> };
    const shortLived = options.shortLived === true || options.readEveryRecord === false;
    if (!shortLived && typeof inner.open === 'function') await inner.open();
    await this.log.load();
  }

  /** The folded facts: snapshot + log, newest per record. */
  facts(): Promise<IndexedFacts> {
    return this.log.load();
  }

  private inOrder<T>(collection: string, id: string, work: () => Promise<T>): Promise<T> {
    const key = `${collection}\u0000${id}`;
    const run = (this.chains.get(key) ?? Promise.resolve()).then(work, work);
    const tail = run.catch(() => undefined);
    this.chains.set(key, tail);
    void tail.then(() => {
      if (this.chains.get(key) === tail) this.chains.delete(key);
    });
    return run;
  }

  get<T>(collection: string, id: string): Promise<T | undefined> {
    return this.inner.get<T>(collection, id);
  }

  put<T>(collection: string, id: string, value: T): Promise<void> {
    if (!isIndexed(collection)) return this.inner.put(collection, id, value);
    const entry = this.log.entryFor(collection, id, value);
    return this.inOrder(collection, id, async () => {
      await this.inner.put(collection, id, value);
      await this.log.append(entry);
    });
  }

  async putIfAbsent<T>(collection: string, id: string, value: T): Promise<boolean> {
    if (!isIndexed(collection)) return this.inner.putIfAbsent(collection, id, value);
    const entry = this.log.entryFor(collection, id, value);
    return this.inOrder(collection, id, async () => {
      const written = await this.inner.putIfAbsent(collection, id, value);
      if (written) await this.log.append(entry);
      return written;
    });
  }

  delete(collection: string, id: string): Promise<void> {
    if (!isIndexed(collection)) return this.inner.delete(collection, id);
    return this.inOrder(collection, id, async () => {
      await this.inner.delete(collection, id);
      await this.log.append(this.log.entryFor(collection, id, undefined));
    });
  }

  ids(collection: string): Promise<string[]> {
    return this.inner.ids(collection);
  }

  list<T>(collection: string): Promise<StoredRecord<T>[]> {
    return this.inner.list<T>(collection);
  }

  appendLog(stream: string, line: object): Promise<void> {
    return this.inner.appendLog(stream, line);
  }
  readLog(stream: string, segment?: string): Promise<object[]> {
    return this.inner.readLog(stream, segment);
  }
  sealLog(stream: string): Promise<string | undefined> {
    return this.inner.sealLog(stream);
  }
  sealedLogs(stream: string): Promise<string[]> {
    return this.inner.sealedLogs(stream);
  }
  dropSealedLog(stream: string, segment: string): Promise<void> {
    return this.inner.dropSealedLog(stream, segment);
  }
  readLogSnapshot<T>(stream: string): Promise<T | undefined> {
    return this.inner.readLogSnapshot<T>(stream);
  }
  logSnapshotVersion(stream: string): Promise<string | undefined> {
    return this.inner.logSnapshotVersion(stream);
  }
  writeLogSnapshot<T>(stream: string, value: T): Promise<void> {
    return this.inner.writeLogSnapshot(stream, value);
  }
  readLogSnapshotChunks(stream: string): AsyncIterable<unknown> {
    return this.inner.readLogSnapshotChunks(stream);
  }
  writeLogSnapshotChunks(stream: string, chunks: Iterable<unknown> | AsyncIterable<unknown>): Promise<void> {
    return this.inner.writeLogSnapshotChunks(stream, chunks);
  }
}

/** The facts index behind a store, when it has one. */
export function factsIndexOf(store: Store): IndexedStore | undefined {
  return store instanceof IndexedStore ? store : undefined;
}
