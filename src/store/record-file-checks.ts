/**
 * What makes a file a readable record, for the lowdb store: a regular file (not a folder, a FIFO
 * or a device, which would hang or fail a read with no name), holding a JSON object (not null, a
 * list, a string or a number). Anything else is a damaged record, named by its file and left as it is.
 * Also: leftover temp files from a crash, removed in the background after start.
 */
import { opendirSync, readdirSync, statSync, unlinkSync, type Dir, type Stats } from 'node:fs';
import path from 'node:path';
import { DamagedDataError } from './store.js';

/** The file's stats, or undefined when there is none; a record-named thing that is not a file is damaged. */
export function recordFileStats(file: string): Stats | undefined {
  let st: Stats;
  try {
    st = statSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new DamagedDataError(file, `it cannot be read (${code ?? 'unknown error'})`);
  }
  if (st.isDirectory()) throw new DamagedDataError(file, 'it is a folder, not a record file');
  if (!st.isFile()) throw new DamagedDataError(file, 'it is a special file (like a pipe or a device), not a record file');
  return st;
}

/** Why a parsed value is not a record (undefined when it is one): records are JSON objects. */
export function notARecord(value: unknown): string | undefined {
  if (value === null) return 'it holds null, not a record';
  if (Array.isArray(value)) return 'it holds a list, not a record';
  if (typeof value !== 'object') return `it holds a ${typeof value}, not a record`;
  return undefined;
}

/** Throws DamagedDataError when the value read from `file` is not a record. */
export function checkRecord(file: string, value: unknown): void {
  const problem = notARecord(value);
  if (problem) throw new DamagedDataError(file, problem);
}

/** How old a temp file with no owner must be before it counts as left over (a write takes milliseconds). */
const TEMP_GRACE_MS = 60_000;

/** Whether process `pid` is running on this machine. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Directory entries handled between two yields to the event loop (a few milliseconds of work). */
const ENTRIES_PER_SLICE = 2_000;

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Removes temp files a crashed write left in the data folder and its collection folders:
 * ".<record>.<pid>-<n>.tmp" of a process that is gone, and ".<random>.tmp" (log snapshots, at the
 * top) older than a minute. Resolves to how many were removed.
 *
 * It has to list every file name (about 2.5 s per million files), so it reads the folders a slice
 * at a time and lets turns run in between: it runs in the background after start-up.
 */
export async function removeLeftoverTempFiles(dir: string, now = Date.now()): Promise<number> {
  await yieldToOthers(); // start-up goes on first
  let removed = 0;
  let folders: string[];
  try {
    folders = [dir, ...readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => path.join(dir, e.name))];
  } catch {
    return 0;
  }
  for (const folder of folders) {
    let listing: Dir;
    try {
      listing = opendirSync(folder, { bufferSize: 1024 });
    } catch {
      continue; // Removed meanwhile.
    }
    try {
      for (let n = 1; ; n++) {
        const entry = listing.readSync();
        if (!entry) break;
        if (entry.name.startsWith('.') && entry.name.endsWith('.tmp') && removeIfLeftOver(path.join(folder, entry.name), now)) removed++;
        if (n % ENTRIES_PER_SLICE === 0) await yieldToOthers();
      }
    } catch {
      // The folder went away while being read: nothing more to clean there.
    } finally {
      listing.closeSync();
    }
  }
  return removed;
}

/** Removes one temp file when its writer is gone (or, with no writer named, when it is old). */
function removeIfLeftOver(file: string, now: number): boolean {
  const pid = /\.(\d+)-\d+\.tmp$/.exec(path.basename(file))?.[1];
  try {
    const st = statSync(file);
    if (!st.isFile()) return false;
    const orphan = pid !== undefined ? Number(pid) !== process.pid && !isRunning(Number(pid)) : now - st.mtimeMs > TEMP_GRACE_MS;
    if (!orphan) return false;
    unlinkSync(file);
    return true;
  } catch {
    return false; // Gone already, or not ours to remove.
  }
}
