/**
 * The log half of the Store port, for a store that keeps its logs in a helper of their own (files
 * beside lowdb's folders, tables in PostgreSQL): every log method of the port passes straight on.
 */
export interface LogBackend {
  append(stream: string, line: object): Promise<void>;
  read(stream: string, segment?: string): Promise<object[]>;
  seal(stream: string): Promise<string | undefined>;
  sealed(stream: string): Promise<string[]>;
  drop(stream: string, segment: string): Promise<void>;
  readSnapshot<T>(stream: string): Promise<T | undefined>;
  snapshotVersion(stream: string): Promise<string | undefined>;
  writeSnapshot<T>(stream: string, value: T): Promise<void>;
  readSnapshotChunks(stream: string): AsyncIterable<unknown>;
  writeSnapshotChunks(stream: string, chunks: Iterable<unknown> | AsyncIterable<unknown>): Promise<void>;
}

export abstract class StoreWithLogs {
  protected abstract readonly logs: LogBackend;

  appendLog(stream: string, line: object): Promise<void> {
    return this.logs.append(stream, line);
  }
  readLog(stream: string, segment?: string): Promise<object[]> {
    return this.logs.read(stream, segment);
  }
  sealLog(stream: string): Promise<string | undefined> {
    return this.logs.seal(stream);
  }
  sealedLogs(stream: string): Promise<string[]> {
    return this.logs.sealed(stream);
  }
  dropSealedLog(stream: string, segment: string): Promise<void> {
    return this.logs.drop(stream, segment);
  }
  readLogSnapshot<T>(stream: string): Promise<T | undefined> {
    return this.logs.readSnapshot<T>(stream);
  }
  logSnapshotVersion(stream: string): Promise<string | undefined> {
    return this.logs.snapshotVersion(stream);
  }
  writeLogSnapshot<T>(stream: string, value: T): Promise<void> {
    return this.logs.writeSnapshot(stream, value);
  }
  readLogSnapshotChunks(stream: string): AsyncIterable<unknown> {
    return this.logs.readSnapshotChunks(stream);
  }
  writeLogSnapshotChunks(stream: string, chunks: Iterable<unknown> | AsyncIterable<unknown>): Promise<void> {
    return this.logs.writeSnapshotChunks(stream, chunks);
  }
}
