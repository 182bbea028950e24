import { notARecord } from './record-file-checks.js';
import type { Store, StoredRecord } from './store.js';

/** An in-memory Store for tests and benchmarks. Values are copied in and out like a real store. */
export class MemoryStore implements Store {
  private readonly data = new Map<string, Map<string, string>>();
  private readonly logs = new Map<string, string[]>();
  private readonly sealed = new Map<string, string[]>();
  /** Per stream, the snapshot's chunks as JSON text. */
  private readonly snapshots = new Map<string, string[]>();
  private readonly snapshotVersions = new Map<string, string>();
  private sealCount = 0;
  private snapshotCount = 0;

  private col(name: string): Map<string, string> {
    let c = this.data.get(name);
    if (!c) this.data.set(name, (c = new Map()));
    return c;
  }

  async get<T>(collection: string, id: string): Promise<T | undefined> {
    const raw = this.col(collection).get(id);
    return raw === undefined ? undefined : (JSON.parse(raw) as T);
  }

  async put<T>(collection: string, id: string, value: T): Promise<void> {
    // The same rule as on disk: a record is a JSON object.
    if (notARecord(value)) throw new TypeError(`A record must be a JSON object (${collection}/${id})`);
    this.col(collection).set(id, JSON.stringify(value));
  }

  async putIfAbsent<T>(collection: string, id: string, value: T): Promise<boolean> {
    const c = this.col(collection);
    if (c.has(id)) return false;
    c.set(id, JSON.stringify(value));
    return true;
  }

  async delete(collection: string, id: string): Promise<void> {
    this.col(collection).delete(id);
  }

  async ids(collection: string): Promise<string[]> {
    return [...this.col(collection).keys()];
  }

  async list<T>(collection: string): Promise<StoredRecord<T>[]> {
    return [...this.col(collection).entries()].map(([id, raw]) => ({ id, value: JSON.parse(raw) as T }));
  }

  async appendLog(stream: string, line: object): Promise<void> {
    const log = this.logs.get(stream) ?? [];
    log.push(JSON.stringify(line));
    this.logs.set(stream, log);
  }

  async readLog(stream: string, segment?: string): Promise<object[]> {
    const lines = (segment === undefined ? this.logs.get(stream) : this.sealed.get(segment)) ?? [];
    return lines.map((l) => JSON.parse(l) as object);
  }

  async sealLog(stream: string): Promise<string | undefined> {
    const log = this.logs.get(stream);
    if (!log) return undefined;
    const segment = `${stream}.log.${String(++this.sealCount).padStart(13, '0')}.compacting`;
    this.sealed.set(segment, log);
    this.logs.delete(stream);
    return segment;
  }

  async sealedLogs(stream: string): Promise<string[]> {
    return [...this.sealed.keys()].filter((s) => s.startsWith(`${stream}.log.`)).sort();
  }

  async dropSealedLog(_stream: string, segment: string): Promise<void> {
    this.sealed.delete(segment);
  }

  async readLogSnapshot<T>(stream: string): Promise<T | undefined> {
    const raw = this.snapshots.get(stream)?.[0];
    return raw === undefined ? undefined : (JSON.parse(raw) as T);
  }

  async logSnapshotVersion(stream: string): Promise<string | undefined> {
    return this.snapshotVersions.get(stream);
  }

  writeLogSnapshot<T>(stream: string, value: T): Promise<void> {
    return this.writeLogSnapshotChunks(stream, [value]);
  }

  async *readLogSnapshotChunks(stream: string): AsyncIterable<unknown> {
    for (const raw of this.snapshots.get(stream) ?? []) yield JSON.parse(raw);
  }

  async writeLogSnapshotChunks(stream: string, chunks: Iterable<unknown> | AsyncIterable<unknown>): Promise<void> {
    const texts: string[] = [];
    for await (const chunk of chunks) texts.push(JSON.stringify(chunk));
    this.snapshots.set(stream, texts);
    this.snapshotVersions.set(stream, String(++this.snapshotCount));
  }
}
