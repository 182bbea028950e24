/**
 * Append-only logs for the lowdb store, as plain files in the data folder:
 *   <dir>/<stream>.log.jsonl                        the live log, one JSON object per line
 *   <dir>/<stream>.log.<ms>-<rand>.compacting       a sealed segment (the live log, moved aside)
 *   <dir>/<stream>.snapshot.json                    the folded snapshot, one JSON line per chunk (temp file, then rename)
 * Lines are written with O_APPEND writes of whole lines, under 4 KB each, so appends from several
 * processes never interleave. A line that cannot be read raises DamagedDataError naming the file and line;
 * a damaged file is never overwritten or deleted.
 */
import { randomBytes } from 'node:crypto';
import { appendFile, mkdir, open, readFile, readdir, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { DamagedDataError } from './store.js';

/** Bytes in one appended line, newline included; longer lines are refused (the caller stores a reference instead). */
export const MAX_LOG_LINE_BYTES = 4000;

/** Bytes read or written at a time for a snapshot. */
const SNAPSHOT_BLOCK = 1 << 20;

const SEGMENT = /^([a-z0-9][a-z0-9-]*)\.log\.(\d{13})-[0-9a-f]{8}\.compacting$/;

function checkStream(stream: string): void {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(stream)) throw new Error(`Bad log stream name: ${stream}`);
}

/** Splits log text into parsed lines. `live`: an unterminated last line is an append still being written. */
export function parseLogLines(text: string, file: string, live: boolean): object[] {
  const lines = text.split('\n');
  const last = lines.pop()!;
  if (last !== '' && !live) lines.push(last);
  const out: object[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      value = undefined;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new DamagedDataError(file, `line ${i + 1} is not a valid log entry`);
    }
    out.push(value);
  });
  return out;
}

interface Pending {
  text: string;
  bytes: number;
  resolve: () => void;
  reject: (err: unknown) => void;
}
interface AppendQueue {
  lines: Pending[];
  running: boolean;
}

export class LogFiles {
  private made: Promise<unknown> | undefined;
  private readonly queues = new Map<string, AppendQueue>();
  private readonly damaged = new Set<string>();

  constructor(private readonly dir: string) {}

  private liveFile(stream: string): string {
    checkStream(stream);
    return path.join(this.dir, `${stream}.log.jsonl`);
  }

  private segmentFile(stream: string, segment: string): string {
    const m = SEGMENT.exec(segment);
    if (!m || m[1] !== stream) throw new Error(`Bad log segment name: ${segment}`);
    return path.join(this.dir, segment);
  }

  private ensureDir(): Promise<unknown> {
    return (this.made ??= mkdir(this.dir, { recursive: true }));
  }

  /**
   * Appends one line. Lines queued while an append to the same log is under way go out together,
   * in order, in writes of whole lines under MAX_LOG_LINE_BYTES (each write still atomic), and
   * the file is opened anew for every write, so a log sealed meanwhile is never written to.
   */
  append(stream: string, line: object): Promise<void> {
    const file = this.liveFile(stream);
    const text = JSON.stringify(line) + '\n';
    if (Buffer.byteLength(text) > MAX_LOG_LINE_BYTES) return Promise.reject(new Error(`A log line for ${stream} is over ${MAX_LOG_LINE_BYTES} bytes`));
    let q = this.queues.get(file);
    if (!q) this.queues.set(file, (q = { lines: [], running: false }));
    const queue = q;
    return new Promise<void>((resolve, reject) => {
      queue.lines.push({ text, bytes: Buffer.byteLength(text), resolve, reject });
      if (!queue.running) void this.drain(file, queue);
    });
  }

  private async drain(file: string, q: AppendQueue): Promise<void> {
    q.running = true;
    try {
      await this.ensureDir();
      while (q.lines.length > 0) {
        const batch: Pending[] = [];
        let bytes = 0;
        while (q.lines.length > 0 && (batch.length === 0 || bytes + q.lines[0]!.bytes <= MAX_LOG_LINE_BYTES)) {
          const next = q.lines.shift()!;
          bytes += next.bytes;
          batch.push(next);
        }
        try {
          await appendFile(file, batch.map((b) => b.text).join(''), 'utf8');
          for (const b of batch) b.resolve();
        } catch (err) {
          for (const b of batch) b.reject(err);
        }
      }
    } catch (err) {
      for (const b of q.lines.splice(0)) b.reject(err);
    } finally {
      q.running = false;
    }
  }

  async read(stream: string, segment?: string): Promise<object[]> {
    const file = segment === undefined ? this.liveFile(stream) : this.segmentFile(stream, segment);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    try {
      return parseLogLines(text, file, segment === undefined);
    } catch (err) {
      if (err instanceof DamagedDataError) this.damaged.add(file);
      throw err;
    }
  }

  async seal(stream: string): Promise<string | undefined> {
    const live = this.liveFile(stream);
    // Names sort oldest first; never older than a segment already there (clock steps).
    const existing = await this.sealed(stream);
    const lastMs = existing.length ? Number(SEGMENT.exec(existing[existing.length - 1]!)![2]) : 0;
    const ms = Math.max(Date.now(), lastMs + 1);
    const segment = `${stream}.log.${String(ms).padStart(13, '0')}-${randomBytes(4).toString('hex')}.compacting`;
    try {
      await rename(live, this.segmentFile(stream, segment));
      return segment;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  async sealed(stream: string): Promise<string[]> {
    checkStream(stream);
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    return names.filter((n) => SEGMENT.exec(n)?.[1] === stream).sort();
  }

  async drop(stream: string, segment: string): Promise<void> {
    const file = this.segmentFile(stream, segment);
    if (this.damaged.has(file)) throw new DamagedDataError(file, 'it could not be read, so it is not deleted');
    await unlink(file).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
  }

  private snapshotFile(stream: string): string {
    checkStream(stream);
    return path.join(this.dir, `${stream}.snapshot.json`);
  }

  /** The first chunk of the snapshot (a snapshot written whole is one chunk). */
  async readSnapshot<T>(stream: string): Promise<T | undefined> {
    for await (const chunk of this.readSnapshotChunks(stream)) return chunk as T;
    return undefined;
  }

  /**
   * The snapshot's chunks, one JSON line each, parsed as they are read (a block at a time), from one
   * open file: a snapshot renamed into place meanwhile is not mixed in. A line that is not JSON
   * raises DamagedDataError naming the file and the line, and the file is never overwritten.
   */
  async *readSnapshotChunks(stream: string): AsyncIterable<unknown> {
    const file = this.snapshotFile(stream);
    let handle: FileHandle;
    try {
      handle = await open(file, 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    try {
      let line = 0;
      const parse = (bytes: Buffer): unknown => {
        line++;
        try {
          return JSON.parse(bytes.toString('utf8'));
        } catch {
          this.damaged.add(file);
          throw new DamagedDataError(file, line === 1 ? 'not valid JSON' : `line ${line} is not valid JSON`);
        }
      };
      // The part of a line read so far, when it goes on past the block (the block is reused).
      let parts: Buffer[] = [];
      const block = Buffer.allocUnsafe(SNAPSHOT_BLOCK);
      for (;;) {
        const { bytesRead } = await handle.read(block, 0, block.length, null);
        if (bytesRead === 0) break;
        const data = block.subarray(0, bytesRead);
        let from = 0;
        for (let nl = data.indexOf(10, from); nl >= 0; nl = data.indexOf(10, from)) {
          const bytes = parts.length > 0 ? Buffer.concat([...parts, data.subarray(from, nl)]) : data.subarray(from, nl);
          parts = [];
          if (bytes.length > 0) yield parse(bytes);
          from = nl + 1;
        }
        if (from < data.length) parts.push(Buffer.from(data.subarray(from)));
      }
      // A snapshot written whole by an older version has no newline at its end.
      const last = Buffer.concat(parts);
      if (last.some((b) => b !== 32 && b !== 13 && b !== 9)) yield parse(last);
    } finally {
      await handle.close();
    }
  }

  /** The snapshot file's identity: every write renames a new file into place. */
  async snapshotVersion(stream: string): Promise<string | undefined> {
    try {
      const s = await stat(this.snapshotFile(stream), { bigint: true });
      return `${s.ino}:${s.mtimeNs}:${s.size}`;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  writeSnapshot<T>(stream: string, value: T): Promise<void> {
    return this.writeSnapshotChunks(stream, [value]);
  }

  /** Writes the chunks, one JSON line each, to a temp file as they come, then renames it into place. */
  async writeSnapshotChunks(stream: string, chunks: Iterable<unknown> | AsyncIterable<unknown>): Promise<void> {
    const file = this.snapshotFile(stream);
    if (this.damaged.has(file)) throw new DamagedDataError(file, 'it could not be read, so it is not overwritten');
    await this.ensureDir();
    const tmp = path.join(this.dir, `.${stream}.snapshot.${randomBytes(6).toString('hex')}.tmp`);
    const handle = await open(tmp, 'w');
    try {
      let pending: string[] = [];
      let size = 0;
      const flush = async () => {
        if (pending.length > 0) await handle.writeFile(pending.join(''));
        pending = [];
        size = 0;
      };
      for await (const chunk of chunks) {
        const text = JSON.stringify(chunk);
        if (text === undefined) throw new TypeError(`A snapshot chunk of ${stream} is not a JSON value`);
        pending.push(text, '\n');
        size += text.length;
        if (size >= SNAPSHOT_BLOCK) await flush();
      }
      await flush();
      await handle.close();
      await rename(tmp, file);
    } catch (err) {
      await handle.close().catch(() => undefined);
      await unlink(tmp).catch(() => undefined);
      throw err;
    }
  }
}
