/**
 * The full check of a lowdb data folder, for `npm run check-store` (scripts/check-store.ts): reads
 * every record file (`<dir>/<collection>/<id>.json`) and every log (`<stream>.log.jsonl`, sealed
 * segments, `<stream>.snapshot.json`) and reports each damaged one with its problem. Start-up no
 * longer does this (a million students took about 40 s): the store checks each record when it is
 * read, and the facts index checks its log when it loads.
 *
 * Reads synchronously and keeps nothing: several times quicker than through the thread pool, and
 * memory stays flat however many records there are. Temp files (".name.tmp") and files that are
 * not records (exports, the terminal's log) are skipped.
 */
import { opendirSync, readdirSync, readFileSync, type Dir } from 'node:fs';
import path from 'node:path';
import { FoldState } from './facts-fold.js';
import { FACTS_STREAM } from './facts-log.js';
import { parseLogLines } from './lowdb-logs.js';
import { notARecord, recordFileStats } from './record-file-checks.js';
import { DamagedDataError } from './store.js';

export interface DamagedFile {
  file: string;
  problem: string;
}

export interface FolderCheck {
  /** Record files read. */
  records: number;
  /** Log, segment and snapshot files read. */
  logs: number;
  damaged: DamagedFile[];
}

const LIVE = /^([a-z0-9][a-z0-9-]*)\.log\.jsonl$/;
const SEGMENT = /^([a-z0-9][a-z0-9-]*)\.log\.\d{13}-[0-9a-f]{8}\.compacting$/;
const SNAPSHOT = /^([a-z0-9][a-z0-9-]*)\.snapshot\.json$/;

const isErrno = (err: unknown, code: string) => (err as NodeJS.ErrnoException | undefined)?.code === code;

function asDamaged(file: string, err: unknown): DamagedDataError {
  if (err instanceof DamagedDataError) return err;
  return new DamagedDataError(file, `it cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
}

/** Reads one record file: undefined when it is a record (or is gone), else why it is damaged. */
function checkRecordFile(file: string): DamagedDataError | undefined {
  let raw: string;
  try {
    if (!recordFileStats(file)) return undefined;
    raw = readFileSync(file, 'utf8');
  } catch (err) {
    return isErrno(err, 'ENOENT') ? undefined : asDamaged(file, err);
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return new DamagedDataError(file, 'not valid JSON');
  }
  const problem = notARecord(value);
  return problem ? new DamagedDataError(file, problem) : undefined;
}

/** Calls `visit` with every record file's path, folder by folder, listing each folder a part at a time. */
function forEachRecordFile(dir: string, visit: (file: string) => void): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const folder = path.join(dir, entry.name);
    let listing: Dir;
    try {
      listing = opendirSync(folder, { bufferSize: 1024 });
    } catch (err) {
      if (isErrno(err, 'ENOENT')) continue;
      throw err;
    }
    try {
      for (let e = listing.readSync(); e; e = listing.readSync()) {
        if (e.name.endsWith('.json') && !e.name.startsWith('.')) visit(path.join(folder, e.name));
      }
    } finally {
      listing.closeSync();
    }
  }
}

/**
 * Reads every record below `dir` once and stops at the first damaged one, throwing its
 * DamagedDataError (after `onDamaged`). Returns how many records were read.
 */
export function checkEveryRecord(dir: string, onDamaged: (file: string) => void = () => undefined): number {
  let checked = 0;
  forEachRecordFile(dir, (file) => {
    const damaged = checkRecordFile(file);
    if (damaged) {
      onDamaged(file);
      throw damaged;
    }
    checked++;
  });
  return checked;
}

/** Why a facts snapshot is not one (undefined when it is): `{ v: 1, at, cols: { <collection>: [[id, at, facts], ...] } }`. */
function notAFactsSnapshot(value: Record<string, unknown>): string | undefined {
  const cols = value.cols;
  if (value.v !== 1 || typeof cols !== 'object' || cols === null || Array.isArray(cols)) return 'not a facts snapshot';
  for (const [c, rows] of Object.entries(cols)) {
    if (!Array.isArray(rows)) return `its ${c} are not a list`;
    const bad = rows.findIndex((r) => !Array.isArray(r) || typeof r[0] !== 'string' || typeof r[1] !== 'string' || typeof r[2] !== 'object' || r[2] === null);
    if (bad >= 0) return `entry ${bad + 1} of its ${c} is not [id, time, facts]`;
  }
  return undefined;
}

/** Reads one log, segment or snapshot file: undefined when it reads as the index reads it. */
function checkLogFile(file: string, name: string): DamagedDataError | undefined {
  let text: string;
  try {
    if (!recordFileStats(file)) return undefined; // a folder or a pipe is damaged, and never opened
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return isErrno(err, 'ENOENT') ? undefined : asDamaged(file, err);
  }
  try {
    const snapshot = SNAPSHOT.exec(name);
    if (snapshot) {
      // One JSON line per chunk (an older version's snapshot: one JSON value, one line).
      const lines = text.split('\n').filter((l) => l.trim() !== '');
      const chunks: unknown[] = [];
      for (const [i, line] of lines.entries()) {
        try {
          chunks.push(JSON.parse(line));
        } catch {
          return new DamagedDataError(file, i === 0 ? 'not valid JSON' : `line ${i + 1} is not valid JSON`);
        }
      }
      if (chunks.length === 0) return new DamagedDataError(file, 'not valid JSON');
      const first = chunks[0] as Record<string, unknown>;
      const problem = notARecord(first) ?? (snapshot[1] !== FACTS_STREAM ? undefined : first.v === 1 ? notAFactsSnapshot(first) : undefined);
      if (problem) return new DamagedDataError(file, problem);
      // The facts index's chunks must read as its load reads them.
      if (snapshot[1] === FACTS_STREAM && first.v !== 1) new FoldState().applySnapshotChunks(chunks, file);
      return undefined;
    }
    const live = LIVE.exec(name);
    const lines = parseLogLines(text, file, live !== null);
    // The facts index's lines must be facts entries, as its load reads them.
    if ((live ?? SEGMENT.exec(name))![1] === FACTS_STREAM) new FoldState().applyLines(lines, file);
    return undefined;
  } catch (err) {
    return asDamaged(file, err);
  }
}

/**
 * Reads every record and log of the data folder and reports every damaged file (it does not stop
 * at the first). `onProgress` hears the count of files read now and then (every 100,000).
 */
export function checkDataFolder(dir: string, onProgress: (filesRead: number) => void = () => undefined): FolderCheck {
  const result: FolderCheck = { records: 0, logs: 0, damaged: [] };
  const note = (damaged: DamagedDataError | undefined) => {
    if (damaged) result.damaged.push({ file: damaged.file, problem: damaged.detail });
    if ((result.records + result.logs) % 100_000 === 0) onProgress(result.records + result.logs);
  };
  for (const name of readdirSync(dir).sort()) {
    if (!LIVE.test(name) && !SEGMENT.test(name) && !SNAPSHOT.test(name)) continue;
    result.logs++;
    note(checkLogFile(path.join(dir, name), name));
  }
  forEachRecordFile(dir, (file) => {
    result.records++;
    note(checkRecordFile(file));
  });
  return result;
}
