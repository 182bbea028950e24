/**
 * The facts index: a compact, always-current copy of a few facts per record (record-facts.ts),
 * kept as an append-only log of `{ c, id, f, at }` lines plus a snapshot, through the Store port.
 *
 * The snapshot is written and read in chunks (about 10,000 records each; facts-fold.ts), so a
 * million students' index loads with memory bounded by a chunk and never blocks the process for
 * long; the folded facts live in compact columns (facts-table.ts), not an object per record.
 *
 * Loading folds snapshot + sealed segments + live log (facts-fold.ts: newest `at` wins). It reads
 * in the opposite order (live log, segments, snapshot), so a compaction running in another
 * process at the same moment can never hide an entry: an entry leaves the live log only into a
 * segment, and a segment is dropped only after a snapshot holding it is in place. Between loads
 * the folded state is kept: while the snapshot is unchanged and no segment exists, the next load
 * reads the live log and applies only its new lines.
 *
 * Compaction (under a lock record): seal the live log (new appends start a fresh one), wait a
 * moment for appends already under way, fold snapshot + every sealed segment (also ones left by a
 * crash), write the snapshot (atomic), check the segments did not grow, then drop them.
 * With no snapshot at all (data from before the index), the index is rebuilt once from the
 * collections (slow: reads every record of the indexed collections).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { FoldState, nextAt, type FactsLine, type IndexedFacts } from './facts-fold.js';
import { INDEXED_COLLECTIONS, factsOf, type IndexedCollection } from './record-facts.js';
import type { Store } from './store.js';

export { nextAt, type FactsLine, type IndexedFacts } from './facts-fold.js';

export const FACTS_STREAM = 'facts';
const LOCKS = 'index-locks';

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

type Records = Iterable<{ c: IndexedCollection; id: string; value: unknown }>;

interface Kept {
  version: string;
  state: FoldState;
  liveLines: number;
  firstLine?: string;
  snapshotAt: string;
}

export class FactsLog {
  readonly stream: string;
  private readonly o: Required<Omit<FactsLogOptions, 'logger' | 'stream'>> & { logger?: FactsLogLogger };
  private kept: Kept | undefined;
  private loading: Promise<IndexedFacts> | undefined;
  /** Stats of the last load, for compactIfDue. */
  lastStats: IndexedFacts['stats'] | undefined;

  constructor(
    private readonly inner: Store,
    options: FactsLogOptions = {},
  ) {
    this.stream = options.stream ?? FACTS_STREAM;
    this.o = { sealWaitMs: 500, maxLogLines: 50_000, compactEveryMs: 24 * 3600_000, lockStaleMs: 15 * 60_000, ...options };
  }

  private get liveName(): string {
    return `${this.stream}.log.jsonl (live log)`;
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

  /** The current facts (one load at a time per process; callers at the same moment share it). */
  load(): Promise<IndexedFacts> {
    this.loading ??= this.loadNow().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async loadNow(rebuilt = false): Promise<IndexedFacts> {
    const live = await this.inner.readLog(this.stream);
    const names = await this.inner.sealedLogs(this.stream);
    const version = await this.inner.logSnapshotVersion(this.stream);
    const k = this.kept;
    if (k && names.length === 0 && version === k.version && live.length >= k.liveLines && (k.liveLines === 0 || JSON.stringify(live[0]) === k.firstLine)) {
      k.state.applyLines(live, this.liveName, k.liveLines);
      await k.state.resolveRefs((c, id) => this.inner.get(c, id));
      k.liveLines = live.length;
      k.firstLine ??= live.length > 0 ? JSON.stringify(live[0]) : undefined;
      return this.done(k.state, { liveLines: live.length, sealedSegments: 0, snapshotAt: k.snapshotAt, rebuilt });
    }
    this.kept = undefined;
    const segments = await Promise.all(names.map(async (name) => ({ name, lines: await this.inner.readLog(this.stream, name) })));
    const state = new FoldState();
    const snapshot = await state.applySnapshot(this.inner.readLogSnapshotChunks(this.stream), `${this.stream} snapshot`);
    // A snapshot made before a fact was added (another schema) is rebuilt once, like a missing one.
    if (snapshot.kind !== 'read') {
      if (rebuilt || !(await this.rebuild())) return this.answerFromRecords(live, segments);
      return this.loadNow(true);
    }
    for (const seg of segments) state.applyLines(seg.lines, seg.name);
    state.applyLines(live, this.liveName);
    await state.resolveRefs((c, id) => this.inner.get(c, id));
    if (version !== undefined && names.length === 0) {
      this.kept = { version, state, liveLines: live.length, snapshotAt: snapshot.at, ...(live.length > 0 ? { firstLine: JSON.stringify(live[0]) } : {}) };
    }
    return this.done(state, { liveLines: live.length, sealedSegments: names.length, snapshotAt: snapshot.at, rebuilt });
  }

  private done(state: FoldState, stats: IndexedFacts['stats']): IndexedFacts {
    this.lastStats = stats;
    return state.view(stats);
  }

  /** Another process holds the lock and is rebuilding: answer from the records for now. */
  private async answerFromRecords(live: object[], segments: { name: string; lines: object[] }[]): Promise<IndexedFacts> {
    const state = await this.readRecords(nextAt());
    for (const seg of segments) state.applyLines(seg.lines, seg.name);
    state.applyLines(live, this.liveName);
    await state.resolveRefs((c, id) => this.inner.get(c, id));
    return this.done(state, { liveLines: live.length, sealedSegments: segments.length, rebuilt: true });
  }

  /** Compacts when the live log is long, the snapshot is old, or sealed segments were left behind. */
  async compactIfDue(stats = this.lastStats, now = new Date()): Promise<boolean> {
    if (!stats) return false;
    const old = !stats.snapshotAt || now.getTime() - Date.parse(stats.snapshotAt) >= this.o.compactEveryMs;
    if (!(old || stats.liveLines > this.o.maxLogLines || stats.sealedSegments > 0)) return false;
    return this.compact();
  }

  /** One compaction; false when another process is compacting. */
  compact(): Promise<boolean> {
    return this.compactWith([]);
  }

  /**
   * Bulk path for imports that wrote many records straight to the store: one compaction that also
   * folds in these records' facts, instead of one log line each. False when another process is
   * compacting (then nothing is added: try again).
   */
  bulkAdd(records: Records): Promise<boolean> {
    return this.compactWith(records);
  }

  private compactWith(records: Records): Promise<boolean> {
    return this.withLock(async () => {
      await this.inner.sealLog(this.stream);
      if (this.o.sealWaitMs > 0) await sleep(this.o.sealWaitMs);
      const segments = await this.inner.sealedLogs(this.stream);
      const state = new FoldState();
      await state.applySnapshot(this.inner.readLogSnapshotChunks(this.stream), `${this.stream} snapshot`, { anySchema: true });
      const at = nextAt();
      let added = 0;
      for (const r of records) {
        state.applyRecord(r.c, r.id, at, r.value);
        added++;
      }
      await this.writeAndDrop(state, segments, true);
      this.o.logger?.info({ stream: this.stream, segments: segments.length, added }, 'facts index compacted');
    });
  }

  /** Rebuilds the snapshot from the collections (slow: reads every record of the indexed collections). */
  rebuild(): Promise<boolean> {
    return this.withLock(async () => {
      const started = Date.now();
      this.o.logger?.info({ stream: this.stream }, 'facts index missing: building it from the stored records (once)');
      await this.inner.sealLog(this.stream);
      if (this.o.sealWaitMs > 0) await sleep(this.o.sealWaitMs);
      const segments = await this.inner.sealedLogs(this.stream);
      // Older log entries lose to what the records say now; the segments are read only to check them.
      for (const s of segments) new FoldState().applyLines(await this.inner.readLog(this.stream, s), s);
      await this.writeAndDrop(await this.readRecords(nextAt()), segments, false);
      this.o.logger?.info({ stream: this.stream, ms: Date.now() - started }, 'facts index rebuilt');
    });
  }

  /** Writes the snapshot (after folding in the segments), then drops the segments once none has grown. */
  private async writeAndDrop(state: FoldState, segments: string[], foldSegments: boolean): Promise<void> {
    const counts = new Map<string, number>();
    if (foldSegments) {
      for (const s of segments) {
        const lines = await this.inner.readLog(this.stream, s);
        state.applyLines(lines, s);
        counts.set(s, lines.length);
      }
    }
    for (let round = 0; ; round++) {
      await state.resolveRefs((c, id) => this.inner.get(c, id));
      await this.inner.writeLogSnapshotChunks(this.stream, state.snapshotChunks());
      if (!foldSegments) break;
      // An append that opened the old log just before the seal lands in its segment: fold it too.
      let grew = false;
      for (const s of segments) {
        const lines = await this.inner.readLog(this.stream, s);
        if (lines.length === counts.get(s)) continue;
        grew = true;
        state.applyLines(lines, s, counts.get(s));
        counts.set(s, lines.length);
      }
      if (!grew) break;
      if (round >= 5) throw new Error(`facts log segments of ${this.stream} keep growing; not dropping them`);
    }
    for (const s of segments) await this.inner.dropSealedLog(this.stream, s);
  }

  /** Every record of the indexed collections, read in batches and cut to facts at once. */
  private async readRecords(at: string): Promise<FoldState> {
    const state = new FoldState();
    for (const c of INDEXED_COLLECTIONS) {
      const ids = await this.inner.ids(c);
      for (let i = 0; i < ids.length; i += 256) {
        const part = await Promise.all(ids.slice(i, i + 256).map(async (id) => ({ id, value: c === 'counselors' ? {} : await this.inner.get(c, id) })));
        for (const { id, value } of part) if (value !== undefined) state.applyRecord(c, id, at, value);
      }
    }
    return state;
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
