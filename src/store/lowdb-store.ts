import { randomBytes } from 'node:crypto';
import { StoreWithLogs } from './store-with-logs.js';
import { existsSync, linkSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import { checkRecord, notARecord, recordFileStats, removeLeftoverTempFiles } from './record-file-checks.js';
import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { JSONFileSync } from 'lowdb/node';
import { LogFiles } from './lowdb-logs.js';
import { DamagedDataError, type Store, type StoredRecord } from './store.js';

/** File name for a record id: reversible, safe on every file system, never "." or "..". */
export function fileNameForId(id: string): string {
  return encodeURIComponent(id).replace(/\./g, '%2E').replace(/\*/g, '%2A') + '.json';
}

export function idForFileName(name: string): string {
  return decodeURIComponent(name.slice(0, -'.json'.length));
}

/** A file's identity for noticing changes: size, modification time and inode. */
const stamp = (st: Stats): string => `${st.size}:${st.mtimeMs}:${st.ino}`;

/**
 * Files whose stamp is kept: the recently used ones, so memory stays flat at a million students. A
 * file forgotten is read once more before it is replaced (a few KB), which is all it costs.
 */
const SEEN_LIMIT = 100_000;

/**
 * The embedded default store: one lowdb JSON file per record, `<dir>/<collection>/<id>.json`.
 * Records are read with lowdb's synchronous file adapter and written as it writes them: to a temp
 * file, then renamed over the record, so a record is never half written, and a write costs the
 * same however many students are stored. Each write has a temp name of its own, so two processes
 * (a server and the admin CLI) writing one record never rename each other's half-written file.
 * Synchronous, because a record is a few KB: its few system calls cost less than the thread-pool
 * round trips of async calls, which were most of a turn's time and of its slowest turns (see the
 * engine bench), and one process's writes to a record stay in order.
 *
 * Each record is checked when it is read (get, list): a file that cannot be parsed, or is not a
 * JSON object, raises DamagedDataError naming it (that turn stops) and is never overwritten: a
 * write to a file this process has not read, or that changed since, reads it first. Start-up reads
 * no record, so it costs the same at a thousand students or a million; `npm run check-store` reads
 * them all (check-every-record.ts).
 */
export class LowdbStore extends StoreWithLogs implements Store {
  private readonly madeDirs = new Map<string, Promise<unknown>>();
  private readonly damaged = new Set<string>();
  /** Each record file as this process last read or wrote it (size, time, inode), to notice changes by others. */
  private readonly seen = new Map<string, string>();
  protected readonly logs: LogFiles;
  private writes = 0;
  private leftovers: Promise<number> = Promise.resolve(0);

  constructor(readonly dir: string) {
    super();
    this.logs = new LogFiles(dir);
  }

  /**
   * Creates the folder, and starts removing temp files a crash left behind, in the background:
   * finding them lists every file name (seconds at a million students), and a leftover temp file
   * harms nothing meanwhile. No record is read: each is checked when it is first read.
   */
  async open(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    this.leftovers = removeLeftoverTempFiles(this.dir).catch(() => 0);
  }

  /** How many leftover temp files the sweep started by open() removed, once it is done. */
  leftoversRemoved(): Promise<number> {
    return this.leftovers;
  }

  /** Keeps a file's stamp as most recently used, forgetting the oldest beyond SEEN_LIMIT. */
  private remember(file: string, st: Stats): void {
    this.seen.delete(file);
    this.seen.set(file, stamp(st));
    if (this.seen.size > SEEN_LIMIT) this.seen.delete(this.seen.keys().next().value!);
  }

  private file(collection: string, id: string): string {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(collection)) throw new Error(`Bad collection name: ${collection}`);
    return path.join(this.dir, collection, fileNameForId(id));
  }

  /** Creates a collection's folder once; callers share the same promise so writes keep their order. */
  private ensureDir(collection: string): Promise<unknown> {
    let made = this.madeDirs.get(collection);
    if (!made) {
      made = mkdir(path.join(this.dir, collection), { recursive: true });
      this.madeDirs.set(collection, made);
    }
    return made;
  }

  private async readFileRecord<T>(file: string): Promise<T | undefined> {
    let value: unknown;
    let st: Stats | undefined;
    try {
      st = recordFileStats(file);
      if (!st) return undefined;
      value = new JSONFileSync<unknown>(file).read();
      if (value === null && !existsSync(file)) return undefined;
      checkRecord(file, value);
    } catch (err) {
      this.damaged.add(file);
      if (err instanceof DamagedDataError) throw err;
      throw new DamagedDataError(file, err instanceof SyntaxError ? 'not valid JSON' : String(err));
    }
    this.remember(file, st);
    return value as T;
  }

  /**
   * Before a record is replaced: when this process has not read or written the file, or it changed
   * since (another process, or someone editing it), it is read first, so a damaged file is
   * reported, never overwritten from memory.
   */
  private checkBeforeReplacing(file: string): void {
    let st: Stats | undefined;
    try {
      st = recordFileStats(file);
    } catch (err) {
      this.damaged.add(file);
      throw err;
    }
    if (!st || this.seen.get(file) === stamp(st)) return;
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      this.damaged.add(file);
      throw new DamagedDataError(file, 'not valid JSON, so it is not overwritten');
    }
    const problem = notARecord(value);
    if (problem) {
      this.damaged.add(file);
      throw new DamagedDataError(file, `${problem}, so it is not overwritten`);
    }
  }

  async get<T>(collection: string, id: string): Promise<T | undefined> {
    return this.readFileRecord<T>(this.file(collection, id));
  }

  async put<T>(collection: string, id: string, value: T): Promise<void> {
    const file = this.file(collection, id);
    if (this.damaged.has(file)) throw new DamagedDataError(file, 'it could not be read, so it is not overwritten');
    if (notARecord(value)) throw new TypeError(`A record must be a JSON object (${collection}/${id})`);
    await this.ensureDir(collection);
    this.checkBeforeReplacing(file);
    // A temp name of this write's own: lowdb's adapter uses one per record, shared by every process.
    const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${(this.writes += 1)}.tmp`);
    try {
      writeFileSync(tmp, JSON.stringify(value, null, 2));
      renameSync(tmp, file);
      this.remember(file, statSync(file));
    } catch (err) {
      // A full disk, say: the record stays as it was, and no half-written temp file is left behind.
      try {
        unlinkSync(tmp);
      } catch {
        // Never made.
      }
      throw err;
    }
  }

  async putIfAbsent<T>(collection: string, id: string, value: T): Promise<boolean> {
    const file = this.file(collection, id);
    await this.ensureDir(collection);
    // Write a private temp file, then hard-link it into place: link() fails if the record exists,
    // atomically, even across processes sharing the folder.
    // Named with this process's id, so one left by a crash is removed at the next start.
    const tmp = path.join(path.dirname(file), `.${randomBytes(6).toString('hex')}.${process.pid}-${(this.writes += 1)}.tmp`);
    // Synchronous, like put: three small system calls cost less than three thread-pool trips.
    writeFileSync(tmp, JSON.stringify(value));
    try {
      linkSync(tmp, file);
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw err;
    } finally {
      try {
        unlinkSync(tmp);
      } catch {
        // Already gone: nothing to clean up.
      }
    }
  }

  async delete(collection: string, id: string): Promise<void> {
    const file = this.file(collection, id);
    await unlink(file).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
  }

  async ids(collection: string): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(path.join(this.dir, collection));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    return names.filter((n) => n.endsWith('.json') && !n.startsWith('.')).map(idForFileName);
  }

  /** Reads every record of a collection (in parallel batches; files are read directly, not cached). */
  async list<T>(collection: string): Promise<StoredRecord<T>[]> {
    const ids = await this.ids(collection);
    const out: StoredRecord<T>[] = [];
    const BATCH = 256;
    for (let i = 0; i < ids.length; i += BATCH) {
      const part = await Promise.all(
        ids.slice(i, i + BATCH).map(async (id) => {
          const file = this.file(collection, id);
          let raw: string;
          try {
            if (!recordFileStats(file)) return undefined;
            raw = await readFile(file, 'utf8');
          } catch (err) {
            if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
            if (err instanceof DamagedDataError) this.damaged.add(file);
            throw err;
          }
          let value: unknown;
          try {
            value = JSON.parse(raw);
          } catch {
            this.damaged.add(file);
            throw new DamagedDataError(file, 'not valid JSON');
          }
          if (notARecord(value)) this.damaged.add(file);
          checkRecord(file, value);
          return { id, value: value as T };
        }),
      );
      for (const r of part) if (r) out.push(r);
    }
    return out;
  }
}
