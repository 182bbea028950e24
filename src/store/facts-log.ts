/**
 * The facts index: a compact, always-current copy of a few facts per record (record-facts.ts),
 * kept as an append-only log of `{ c, id, f, at }` lines plus a snapshot, through the Store port.
 *
 * Folding: the newest entry per (collection, id) wins, by `at`; for equal `at`, the later one read
 * (snapshot, then sealed segments oldest first, then the live log). Reading happens in the
 * opposite order (live log, segments, snapshot), so a compaction running in another process at
 * the same moment can never hide an entry: an entry leaves the live log only into a segment, and
 * a segment is dropped only after a snapshot holding it is in place.
 *
 * Compaction (under a lock record): seal the live log (new appends start a fresh one), wait a
 * moment for appends already under way, fold snapshot + every sealed segment (also ones left by a
 * crash), write the snapshot (atomic), check the segments did not grow, then drop them.
 * With no snapshot at all (data from before the index), the index is rebuilt once from the
 * collections (slow: reads every record of the indexed collections).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { DamagedDataError, type Store } from './store.js';
import { INDEXED_COLLECTIONS, factsOf, isIndexed, type CaseloadFacts, type IndexedCollection, type PlanFacts, type ProfileFacts, type SentFacts, type StudentLinkFacts } from './record-facts.js';

export const FACTS_STREAM = 'facts';
const LOCKS = 'index-locks';

/** One log line. `f` null: the record was deleted. `ref`: facts too long for a line; read the record. */
export interface FactsLine {
  c: string;
  id: string;
  f?: object | null;
  ref?: 1;
  at: string;
}

interface Snapshot {
  v: 1;
  at: string;
  /** [collection, id, at, facts], in first-seen order. */
  entries: [string, string, string, object][];
}

export interface IndexedFacts {
  plans: Map<string, PlanFacts>;
  profiles: Map<string, ProfileFacts>;
  studentLinks: Map<string, StudentLinkFacts>;
  caseloads: Map<string, CaseloadFacts>;
  counselors: Set<string>;
  /** Reminder claims (reminders-sent): key -> state and when sent. */
  sent: Map<string, SentFacts>;
  /** For deciding on compaction. */
  stats: { liveLines: number; sealedSegments: number; snapshotAt?: string; rebuilt: boolean };
}

export interface FactsLogLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface FactsLogOptions {
  stream?: string;
  logger?: FactsLogLogger;
  /** Wait after sealing, for appends already under way in other processes (default 500 ms). */
  sealWaitMs?: number;
  /** Compact when the live log has more lines than this (default 50,000). */
  maxLogLines?: number;
  /** Compact when the snapshot is older than this (default one day). */
  compactEveryMs?: number;
  /** A compaction lock older than this was left by a crash and is taken over (default 15 minutes). */
  lockStaleMs?: number;
}

type Entry = { at: string; f: object | null; ref?: boolean };
type Folded = Map<string, Map<string, Entry>>;

let lastAtMs = 0;
/** Entry time: never goes backwards within this process, so later writes always fold later. */
export function nextAt(now = Date.now()): string {
  lastAtMs = Math.max(now, lastAtMs + 1);
  return new Date(lastAtMs).toISOString();
}

function apply(folded: Folded, c: string, id: string, e: Entry): void {
  let col = folded.get(c);
  if (!col) folded.set(c, (col = new Map()));
  const prev = col.get(id);
  if (prev && prev.at > e.at) return;
  if (prev && prev.f === null && !prev.ref && (e.f !== null || e.ref)) col.delete(id); // re-created: goes last, as in a store
  col.set(id, e);
}

function foldLines(folded: Folded, lines: object[], where: string): number {
  lines.forEach((raw, i) => {
    const l = raw as Partial<FactsLine>;
    const ok = typeof l.c === 'string' && typeof l.id === 'string' && typeof l.at === 'string' && (l.ref === 1 || l.f === null || typeof l.f === 'object');
    if (!ok) throw new DamagedDataError(where, `line ${i + 1} is not a facts entry`);
    if (!isIndexed(l.c!)) return; // written by a newer version: not ours to read
    apply(folded, l.c!, l.id!, l.ref === 1 ? { at: l.at!, f: null, ref: true } : { at: l.at!, f: l.f ?? null });
  });
  return lines.length;
}

export class FactsLog {
  readonly stream: string;
  private readonly o: Required<Omit<FactsLogOptions, 'logger' | 'stream'>> & { logger?: FactsLogLogger };

  constructor(
    private readonly inner: Store,
    options: FactsLogOptions = {},
  ) {
    this.stream = options.stream ?? FACTS_STREAM;
    this.o = { sealWaitMs: 500, maxLogLines: 50_000, compactEveryMs: 24 * 3600_000, lockStaleMs: 15 * 60_000, ...options };
  }

  /** The log entry for a saved record's facts (value undefined: deleted); a reference when too long for one line. */
  entryFor(c: IndexedCollection, id: string, value: unknown | undefined): Omit<FactsLine, 'at'> {
    if (value === undefined) return { c, id, f: null };
    const entry = { c, id, f: factsOf(c, value) };
    return Buffer.byteLength(JSON.stringify(entry)) < 3800 ? entry : { c, id, ref: 1 };
  }

  /** Appends the entry, stamped now (after the write it describes has finished). */
  append(entry: Omit<FactsLine, 'at'>): Promise<void> {
    return this.inner.appendLog(this.stream, { ...entry, at: nextAt() });
  }

  /** Folds snapshot + sealed segments + live log. Rebuilds from the collections when there is no snapshot. */
  async load(): Promise<IndexedFacts> {
    const read = await this.readAll();
    if (!read.snapshot) {
      await this.rebuild();
      const again = await this.readAll();
      if (again.snapshot) return this.toFacts(await this.foldRead(again), again, true);
      // Another process holds the lock and is rebuilding: answer from the collections for now.
      const folded = await this.foldCollections(nextAt());
      for (const seg of again.segments) foldLines(folded, seg.lines, seg.name);
      foldLines(folded, again.live, `${this.stream}.log.jsonl (live log)`);
      return this.toFacts(await this.resolveRefs(folded), again, true);
    }
    return this.toFacts(await this.foldRead(read), read, false);
  }

  /** Compacts when the live log is long, the snapshot is old, or sealed segments were left behind. */
  async compactIfDue(stats: IndexedFacts['stats'], now = new Date()): Promise<boolean> {
    const old = !stats.snapshotAt || now.getTime() - Date.parse(stats.snapshotAt) >= this.o.compactEveryMs;
    if (!(old || stats.liveLines > this.o.maxLogLines || stats.sealedSegments > 0)) return false;
    return this.compact();
  }

  /** One compaction; false when another process is compacting. */
  compact(): Promise<boolean> {
    return this.withLock(async () => {
      await this.inner.sealLog(this.stream);
      if (this.o.sealWaitMs > 0) await sleep(this.o.sealWaitMs);
      const segments = await this.inner.sealedLogs(this.stream);
      const snapshot = await this.inner.readLogSnapshot<Snapshot>(this.stream);
      const folded: Folded = new Map();
      if (snapshot) this.foldSnapshot(folded, snapshot);
      await this.sealAndDrop(folded, segments);
      this.o.logger?.info({ stream: this.stream, segments: segments.length }, 'facts index compacted');
    });
  }

  /** Rebuilds the snapshot from the collections (slow: reads every record of the indexed collections). */
  rebuild(): Promise<boolean> {
    return this.withLock(async () => {
      const started = Date.now();
      this.o.logger?.warn({ stream: this.stream }, 'facts index missing: rebuilding it from the stored records (slow, once)');
      await this.inner.sealLog(this.stream);
      if (this.o.sealWaitMs > 0) await sleep(this.o.sealWaitMs);
      const segments = await this.inner.sealedLogs(this.stream);
      const folded: Folded = new Map();
      // Older log entries lose to what the records say now; read the segments only to check them.
      for (const s of segments) foldLines(new Map(), await this.inner.readLog(this.stream, s), s);
      await this.foldCollections(nextAt(), folded);
      await this.sealAndDrop(folded, segments, false);
      this.o.logger?.info({ stream: this.stream, ms: Date.now() - started }, 'facts index rebuilt');
    });
  }

  /** Writes the snapshot from `folded` (+ the segments), then drops the segments once none has grown. */
  private async sealAndDrop(folded: Folded, segments: string[], foldSegments = true): Promise<void> {
    const counts = new Map<string, number>();
    if (foldSegments) for (const s of segments) counts.set(s, foldLines(folded, await this.inner.readLog(this.stream, s), s));
    for (let round = 0; ; round++) {
      await this.inner.writeLogSnapshot<Snapshot>(this.stream, this.toSnapshot(await this.resolveRefs(folded)));
      if (!foldSegments) break;
      // An append that opened the old log just before the seal lands in its segment: fold it too.
      let grew = false;
      for (const s of segments) {
        const lines = await this.inner.readLog(this.stream, s);
        if (lines.length === counts.get(s)) continue;
        grew = true;
        counts.set(s, foldLines(folded, lines, s));
      }
      if (!grew) break;
      if (round >= 5) throw new Error(`facts log segments of ${this.stream} keep growing; not dropping them`);
    }
    for (const s of segments) await this.inner.dropSealedLog(this.stream, s);
  }

  private async readAll() {
    const live = await this.inner.readLog(this.stream);
    const names = await this.inner.sealedLogs(this.stream);
    const segments = await Promise.all(names.map(async (name) => ({ name, lines: await this.inner.readLog(this.stream, name) })));
    const snapshot = await this.inner.readLogSnapshot<Snapshot>(this.stream);
    return { live, segments, snapshot };
  }

  private async foldRead(read: Awaited<ReturnType<FactsLog['readAll']>>): Promise<Folded> {
    const folded: Folded = new Map();
    if (read.snapshot) this.foldSnapshot(folded, read.snapshot);
    for (const seg of read.segments) foldLines(folded, seg.lines, seg.name);
    foldLines(folded, read.live, `${this.stream}.log.jsonl (live log)`);
    return this.resolveRefs(folded);
  }

  private foldSnapshot(folded: Folded, snapshot: Snapshot): void {
    if (snapshot.v !== 1 || !Array.isArray(snapshot.entries)) throw new DamagedDataError(`${this.stream} snapshot`, 'not a facts snapshot');
    for (const [c, id, at, f] of snapshot.entries) if (isIndexed(c)) apply(folded, c, id, { at, f });
  }

  /** Every record of the indexed collections, read in batches and cut to facts at once. */
  private async foldCollections(at: string, folded: Folded = new Map()): Promise<Folded> {
    for (const c of INDEXED_COLLECTIONS) {
      const ids = await this.inner.ids(c);
      for (let i = 0; i < ids.length; i += 256) {
        const part = await Promise.all(ids.slice(i, i + 256).map(async (id) => ({ id, value: c === 'counselors' ? {} : await this.inner.get(c, id) })));
        for (const { id, value } of part) if (value !== undefined) apply(folded, c, id, { at, f: factsOf(c, value) });
      }
    }
    return folded;
  }

  /** Facts too long for a log line are read from their records. */
  private async resolveRefs(folded: Folded): Promise<Folded> {
    for (const [c, col] of folded) {
      for (const [id, e] of col) {
        if (!e.ref) continue;
        const value = await this.inner.get(c, id);
        col.set(id, { at: e.at, f: value === undefined ? null : factsOf(c as IndexedCollection, value) });
      }
    }
    return folded;
  }

  private toSnapshot(folded: Folded): Snapshot {
    const entries: Snapshot['entries'] = [];
    for (const [c, col] of folded) for (const [id, e] of col) if (e.f !== null) entries.push([c, id, e.at, e.f]);
    return { v: 1, at: new Date().toISOString(), entries };
  }

  private toFacts(folded: Folded, read: Awaited<ReturnType<FactsLog['readAll']>>, rebuilt: boolean): IndexedFacts {
    const live = <T>(c: IndexedCollection) => {
      const out = new Map<string, T>();
      for (const [id, e] of folded.get(c) ?? []) if (e.f !== null) out.set(id, e.f as T);
      return out;
    };
    return {
      plans: live<PlanFacts>('plans'),
      profiles: live<ProfileFacts>('profiles'),
      studentLinks: live<StudentLinkFacts>('student-links'),
      caseloads: live<CaseloadFacts>('caseloads'),
      counselors: new Set(live<object>('counselors').keys()),
      sent: live<SentFacts>('reminders-sent'),
      stats: { liveLines: read.live.length, sealedSegments: read.segments.length, ...(read.snapshot ? { snapshotAt: read.snapshot.at } : {}), rebuilt },
    };
  }

  /** Runs `work` holding the stream's lock record; false (and nothing done) when another process holds it. */
  private async withLock(work: () => Promise<void>): Promise<boolean> {
    const lock = { at: new Date().toISOString(), pid: process.pid };
    if (!(await this.inner.putIfAbsent(LOCKS, this.stream, lock))) {
      const held = await this.inner.get<{ at?: string }>(LOCKS, this.stream);
      const age = held?.at ? Date.now() - Date.parse(held.at) : Infinity;
      if (age < this.o.lockStaleMs) return false;
      this.o.logger?.warn({ stream: this.stream }, 'facts index: taking over a compaction lock left by a crash');
      await this.inner.delete(LOCKS, this.stream);
      if (!(await this.inner.putIfAbsent(LOCKS, this.stream, lock))) return false;
    }
    try {
      await work();
      return true;
    } finally {
      await this.inner.delete(LOCKS, this.stream);
    }
  }
}
