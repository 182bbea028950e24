/**
 * Copies a whole Waypoint store: every collection and every log (live lines, sealed segments,
 * snapshot), between a lowdb folder and a PostgreSQL database, either way, or folder to folder.
 *
 *   npm run store:copy -- --from <lowdb folder | postgres://...> --to <lowdb folder | postgres://...> [--replace]
 *
 * Stop Waypoint (every process on the source) first. The target must be empty unless --replace,
 * which first removes everything in it. Afterwards both sides are counted and the counts printed;
 * the command fails when they differ. A PostgreSQL target gets its migrations first; a PostgreSQL
 * source is only read.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { mkdir, readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LowdbStore } from '../src/store/lowdb-store.js';
import { describeDatabase } from '../src/store/postgres-connect.js';
import { PostgresStore } from '../src/store/postgres-store.js';
import type { Store, StoredRecord } from '../src/store/store.js';

export const USAGE = 'Usage: npm run store:copy -- --from <lowdb folder | postgres://...> --to <lowdb folder | postgres://...> [--replace]';

export interface CopyArgs {
  from: string;
  to: string;
  replace: boolean;
}

export function parseCopyArgs(argv: string[]): CopyArgs | { error: string } {
  const found: Partial<CopyArgs> = { replace: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--replace') found.replace = true;
    else if (a === '--from' || a === '--to') {
      const v = argv[++i];
      if (!v || v.startsWith('--')) return { error: `${a} needs a lowdb folder or a postgres:// URL.` };
      found[a.slice(2) as 'from' | 'to'] = v;
    } else return { error: `Unknown argument: ${a}` };
  }
  if (!found.from || !found.to) return { error: 'Both --from and --to are needed.' };
  return found as CopyArgs;
}

const isDatabaseUrl = (where: string): boolean => /^postgres(ql)?:\/\//.test(where);
const BATCH = 500;

/** One end of a copy: the store, and what the port does not say (which collections and logs there are). */
export interface StoreSide {
  label: string;
  store: Store;
  collections(): Promise<string[]>;
  streams(): Promise<string[]>;
  clear(): Promise<void>;
  close(): Promise<void>;
  putMany(collection: string, records: StoredRecord<unknown>[]): Promise<void>;
}

const NAME = /^[a-z0-9][a-z0-9-]*$/;
const STREAM_FILE = /^([a-z0-9][a-z0-9-]*)\.(?:log\.jsonl|log\.\d{13}-[0-9a-f]{8}\.compacting|snapshot\.json)$/;

function lowdbSide(dir: string): StoreSide {
  const store = new LowdbStore(dir);
  const names = async () => (existsSync(dir) ? readdir(dir, { withFileTypes: true }) : []);
  const side: StoreSide = {
    label: `lowdb folder ${dir}`,
    store,
    async collections() {
      const out: string[] = [];
      for (const e of await names()) if (e.isDirectory() && NAME.test(e.name) && (await store.ids(e.name)).length > 0) out.push(e.name);
      return out.sort();
    },
    async streams() {
      const found = new Set<string>();
      for (const e of await names()) if (e.isFile()) found.add(STREAM_FILE.exec(e.name)?.[1] ?? '');
      found.delete('');
      return [...found].sort();
    },
    async clear() {
      for (const c of await side.collections()) for (const id of await store.ids(c)) await store.delete(c, id);
      for (const s of await side.streams()) {
        await store.sealLog(s);
        for (const seg of await store.sealedLogs(s)) await store.dropSealedLog(s, seg);
        await unlink(path.join(dir, `${s}.snapshot.json`)).catch(() => undefined);
      }
    },
    close: async () => undefined,
    async putMany(collection, records) {
      for (const r of records) await store.put(collection, r.id, r.value);
    },
  };
  return side;
}

function postgresSide(store: PostgresStore, url: string): StoreSide {
  return {
    label: `PostgreSQL ${describeDatabase(url)}`,
    store,
    collections: () => store.collections(),
    streams: () => store.streams(),
    clear: () => store.clear(),
    close: () => store.close(),
    putMany: (collection, records) => store.putMany(collection, records),
  };
}

/** Opens one end. A source must exist; a lowdb target folder is created, a PostgreSQL one migrated. */
export async function openSide(where: string, role: 'source' | 'target'): Promise<StoreSide> {
  if (isDatabaseUrl(where)) return postgresSide(await PostgresStore.connect(where, { migrate: role === 'target' }), where);
  const dir = path.resolve(where);
  if (role === 'source' && !(existsSync(dir) && statSync(dir).isDirectory())) throw new Error(`There is no folder ${dir} to copy from.`);
  if (role === 'target') await mkdir(dir, { recursive: true });
  return lowdbSide(dir);
}

interface LogCount {
  live: number;
  segments: number[];
  snapshot: boolean;
}
export interface StoreCounts {
  records: Map<string, number>;
  logs: Map<string, LogCount>;
}

export async function countStore(side: StoreSide): Promise<StoreCounts> {
  const records = new Map<string, number>();
  for (const c of await side.collections()) records.set(c, (await side.store.ids(c)).length);
  const logs = new Map<string, LogCount>();
  for (const s of await side.streams()) {
    const segments: number[] = [];
    // An empty segment (left by a crash) holds nothing to copy, and PostgreSQL has no empty segments.
    for (const seg of await side.store.sealedLogs(s)) {
      const lines = (await side.store.readLog(s, seg)).length;
      if (lines > 0) segments.push(lines);
    }
    logs.set(s, { live: (await side.store.readLog(s)).length, segments, snapshot: (await side.store.logSnapshotVersion(s)) !== undefined });
  }
  return { records, logs };
}

const isEmpty = (c: StoreCounts): boolean => c.records.size === 0 && c.logs.size === 0;

async function copyLines(to: Store, stream: string, lines: object[]): Promise<void> {
  // Not awaited one by one: the store sends queued lines together, in order.
  for (let i = 0; i < lines.length; i += 5000) await Promise.all(lines.slice(i, i + 5000).map((l) => to.appendLog(stream, l)));
}

/** Copies everything from `from` into `to` (empty, or emptied first with replace). */
export async function copyStore(from: StoreSide, to: StoreSide, options: { replace: boolean; write: (line: string) => void }): Promise<{ ok: boolean; before: StoreCounts; after: StoreCounts }> {
  const before = await countStore(from);
  if (!isEmpty(await countStore(to))) {
    if (!options.replace) throw new Error(`The target (${to.label}) is not empty. Add --replace to remove what it holds and copy over it.`);
    await to.clear();
  }
  for (const c of before.records.keys()) {
    const ids = await from.store.ids(c);
    for (let i = 0; i < ids.length; i += BATCH) {
      const values = await Promise.all(ids.slice(i, i + BATCH).map(async (id) => ({ id, value: await from.store.get<unknown>(c, id) })));
      await to.putMany(
        c,
        values.filter((r) => r.value !== undefined),
      );
    }
  }
  for (const s of before.logs.keys()) {
    for (const seg of await from.store.sealedLogs(s)) {
      await copyLines(to.store, s, await from.store.readLog(s, seg));
      await to.store.sealLog(s);
    }
    await copyLines(to.store, s, await from.store.readLog(s));
    // Chunk by chunk (a snapshot written whole is one chunk): never the whole snapshot in memory.
    if ((await from.store.logSnapshotVersion(s)) !== undefined) await to.store.writeLogSnapshotChunks(s, from.store.readLogSnapshotChunks(s));
  }
  const after = await countStore(to);
  const ok = printCounts(before, after, options.write);
  return { ok, before, after };
}

const n = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;
const logText = (l: LogCount | undefined): string =>
  l
    ? `${n(l.live, 'live line', 'live lines')}, ${n(l.segments.length, 'sealed segment', 'sealed segments')} (${n(l.segments.reduce((a, b) => a + b, 0), 'line', 'lines')}), ${l.snapshot ? 'a snapshot' : 'no snapshot'}`
    : 'nothing';

/** Prints source and target counts side by side; true when every count matches. */
function printCounts(before: StoreCounts, after: StoreCounts, write: (line: string) => void): boolean {
  let ok = true;
  const collections = [...new Set([...before.records.keys(), ...after.records.keys()])].sort();
  const width = Math.max(10, ...collections.map((c) => c.length));
  write(`${'collection'.padEnd(width)}  ${'from'.padStart(9)}  ${'to'.padStart(9)}`);
  for (const c of collections) {
    const [a, b] = [before.records.get(c) ?? 0, after.records.get(c) ?? 0];
    if (a !== b) ok = false;
    write(`${c.padEnd(width)}  ${String(a).padStart(9)}  ${String(b).padStart(9)}${a === b ? '' : '  DIFFERENT'}`);
  }
  for (const s of [...new Set([...before.logs.keys(), ...after.logs.keys()])].sort()) {
    const [a, b] = [logText(before.logs.get(s)), logText(after.logs.get(s))];
    if (a !== b) ok = false;
    write(a === b ? `log ${s}: ${a}` : `log ${s}: ${a} in the source, ${b} in the target  DIFFERENT`);
  }
  const total = [...before.records.values()].reduce((x, y) => x + y, 0);
  write(
    ok
      ? `Counts match: ${n(total, 'record', 'records')} in ${n(before.records.size, 'collection', 'collections')}, ${n(before.logs.size, 'log', 'logs')}.`
      : 'Counts differ: the copy is not complete.',
  );
  return ok;
}

/** Whether two places name the same store (copying a store onto itself with --replace would empty it). */
export function sameStore(a: string, b: string): boolean {
  if (isDatabaseUrl(a) !== isDatabaseUrl(b)) return false;
  return isDatabaseUrl(a) ? describeDatabase(a).replace(/^[^@]*@/, '') === describeDatabase(b).replace(/^[^@]*@/, '') : path.resolve(a) === path.resolve(b);
}

async function main(): Promise<void> {
  const args = parseCopyArgs(process.argv.slice(2));
  if ('error' in args) {
    console.error(`${args.error}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (sameStore(args.from, args.to)) {
    console.error('--from and --to are the same store.');
    process.exitCode = 2;
    return;
  }
  const from = await openSide(args.from, 'source');
  try {
    const to = await openSide(args.to, 'target');
    try {
      console.log(`Copying ${from.label} to ${to.label}`);
      const { ok } = await copyStore(from, to, { replace: args.replace, write: (line) => console.log(line) });
      if (!ok) process.exitCode = 1;
    } finally {
      await to.close();
    }
  } finally {
    await from.close();
  }
}

// Run as a command (not when a test imports it).
if (process.argv[1] && existsSync(process.argv[1]) && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  });
}
