/**
 * Folding facts entries (from the snapshot and the log) into current facts per record.
 * The newest entry per (collection, id) wins, by `at`; for equal `at`, the one applied later.
 * A deleted record leaves its time behind (so an older entry read later cannot bring it back),
 * and a record saved again after a delete goes last, as in a store.
 *
 * The folded facts live in columns (facts-table.ts), one table per collection; ids are interned
 * once for all the collections keyed by user (reminder claims have their own). The snapshot is
 * written and read in chunks (facts-chunks.ts), so loading never parses one giant value.
 */
import { Dictionary, SlotList } from './facts-columns.js';
import { KeyTable } from './facts-keys.js';
import { fieldsOf, WireError } from './facts-fields.js';
import { applyTableChunk, keyChunks, numbering, tableChunks, type KeyChunk, type TableChunk } from './facts-chunks.js';
import { FactsTable } from './facts-table.js';
import { DamagedDataError } from './store.js';
import {
  INDEXED_COLLECTIONS,
  factsOf,
  isIndexed,
  type CaseloadFacts,
  type CounselorFacts,
  type MeetingFacts,
  type FactsByCollection,
  type IndexedCollection,
  type PlanFacts,
  type ProfileFacts,
  type SentFacts,
  type StudentLinkFacts,
} from './record-facts.js';

/** One log line. `f` null: the record was deleted. `ref`: facts too long for a line; read the record. */
export interface FactsLine {
  c: string;
  id: string;
  f?: object | null;
  ref?: 1;
  at: string;
}

/**
 * What the facts of each record hold (record-facts.ts) and how the snapshot is laid out. A
 * snapshot of another schema is rebuilt from the records once, so a fact added later (a profile's
 * language) is known for every record. 3: the snapshot in chunks, times as epoch ms.
 */
export const FACTS_SCHEMA = 3;

/** The snapshot's first chunk; key chunks, then table chunks follow (facts-chunks.ts). */
export interface SnapshotHeader {
  v: 2;
  schema: number;
  at: string;
  /** How many keys (and their bytes) and rows follow, so the columns are made to size at once. */
  keys?: { people: number; claims: number; peopleBytes: number; claimBytes: number };
  rows?: Partial<Record<IndexedCollection, number>>;
}

/** A snapshot as an older version wrote it: one value, per collection [id, at, facts] in first-seen order. */
export interface WholeSnapshot {
  v: 1;
  schema?: number;
  at: string;
  cols: Partial<Record<IndexedCollection, [string, string, object][]>>;
}

/** The current facts. The maps belong to the index and change on its next load: use, don't keep. */
export interface IndexedFacts {
  plans: ReadonlyMap<string, PlanFacts>;
  profiles: ReadonlyMap<string, ProfileFacts>;
  studentLinks: ReadonlyMap<string, StudentLinkFacts>;
  caseloads: ReadonlyMap<string, CaseloadFacts>;
  counselors: ReadonlyMap<string, CounselorFacts>;
  /** Reminder claims (reminders-sent): key -> state and when sent. */
  sent: ReadonlyMap<string, SentFacts>;
  /** Counselor meetings (meetings): student key -> meeting dates and windows. */
  meetings: ReadonlyMap<string, MeetingFacts>;
  /** For deciding on compaction. */
  stats: { liveLines: number; sealedSegments: number; snapshotAt?: string; rebuilt: boolean };
}

let lastAtMs = 0;
/** Entry time: never goes backwards within this process, so later writes always fold later. */
export function nextAt(now = Date.now()): string {
  lastAtMs = Math.max(now, lastAtMs + 1);
  return new Date(lastAtMs).toISOString();
}

/** What a snapshot read gave: its header, or why there is none to use. */
export type SnapshotRead = { kind: 'read'; at: string } | { kind: 'none' } | { kind: 'other-schema'; schema: number };

export class FoldState {
  private readonly people = new KeyTable();
  private readonly claims = new KeyTable();
  private readonly dict = new Dictionary();
  private readonly tables = new Map<IndexedCollection, FactsTable<object>>(
    INDEXED_COLLECTIONS.map((c) => {
      const keys = c === 'reminders-sent' ? this.claims : this.people;
      return [c, new FactsTable<object>(c, keys, fieldsOf(c, this.people, this.dict))];
    }),
  );
  private readonly refs: [IndexedCollection, number][] = [];

  table<C extends IndexedCollection>(c: C): FactsTable<FactsByCollection[C] & object> {
    return this.tables.get(c) as unknown as FactsTable<FactsByCollection[C] & object>;
  }

  /** f: the facts; null: deleted; 'ref': read the record (resolveRefs). `at`: epoch ms. */
  apply(c: IndexedCollection, id: string, at: number, f: object | null | 'ref'): void {
    const t = this.tables.get(c)!;
    const row = t.apply(t.keyTable.intern(id), at, f);
    if (row >= 0 && f === 'ref') this.refs.push([c, row]);
  }

  /** Applies log lines; a line that is not a facts entry raises DamagedDataError naming `where`. */
  applyLines(lines: readonly object[], where: string, from = 0): void {
    for (let i = from; i < lines.length; i++) {
      const l = lines[i] as Partial<FactsLine>;
      const at = typeof l.at === 'string' ? Date.parse(l.at) : NaN;
      const ok = typeof l.c === 'string' && typeof l.id === 'string' && !Number.isNaN(at) && (l.ref === 1 || l.f === null || typeof l.f === 'object');
      if (!ok) throw new DamagedDataError(where, `line ${i + 1} is not a facts entry`);
      if (isIndexed(l.c!)) this.apply(l.c!, l.id!, at, l.ref === 1 ? 'ref' : (l.f ?? null)); // other collections: a newer version's
    }
  }

  /**
   * Reads a snapshot chunk by chunk as it folds it. Stops at the header when the snapshot is of
   * another schema (nothing applied; the caller rebuilds) unless `anySchema`. A snapshot written
   * whole by an older version is folded too. A chunk that cannot be read raises DamagedDataError
   * naming `where`.
   */
  async applySnapshot(chunks: AsyncIterable<unknown>, where: string, options: { anySchema?: boolean } = {}): Promise<SnapshotRead> {
    const fold = this.snapshotFolder(where, options.anySchema === true);
    for await (const chunk of chunks) if (fold.next(chunk)) break;
    return fold.result();
  }

  /** The same over chunks already in hand (check-every-record.ts reads a snapshot file that way). */
  applySnapshotChunks(chunks: Iterable<unknown>, where: string): SnapshotRead {
    const fold = this.snapshotFolder(where, true);
    for (const chunk of chunks) if (fold.next(chunk)) break;
    return fold.result();
  }

  /** Folds chunks one at a time: `next` is true when the rest is not to be read. */
  private snapshotFolder(where: string, anySchema: boolean): { next(chunk: unknown): boolean; result(): SnapshotRead } {
    let n = 0;
    let read: SnapshotRead = { kind: 'none' };
    // The key slot of each key number of this snapshot.
    const numbered = { people: new SlotList(), claims: new SlotList() };
    const slotIn = (list: SlotList) => (k: number) => (Number.isInteger(k) && k >= 0 && k < list.length ? list.get(k) : -1);
    const peopleSlot = slotIn(numbered.people);
    const claimSlot = slotIn(numbered.claims);
    return {
      result: () => read,
      next: (chunk) => {
        n++;
        if (n === 1) {
          const h = chunk as { v?: unknown; schema?: unknown; at?: unknown } | null;
          if (typeof h !== 'object' || h === null || (h.v !== 1 && h.v !== 2)) throw new DamagedDataError(where, 'not a facts snapshot');
          const schema = typeof h.schema === 'number' ? h.schema : 1;
          read = schema === FACTS_SCHEMA ? { kind: 'read', at: typeof h.at === 'string' ? h.at : '' } : { kind: 'other-schema', schema };
          if (schema !== FACTS_SCHEMA && !anySchema) return true;
          if (h.v === 1) this.applyWhole(h as unknown as WholeSnapshot, where);
          else this.reserve(h as Partial<SnapshotHeader>);
          return false;
        }
        const keys = chunk as Partial<KeyChunk> | null;
        if (keys?.k === 'people' || keys?.k === 'claims') {
          const [table, list] = keys.k === 'people' ? [this.people, numbered.people] : [this.claims, numbered.claims];
          const all = keys.keys;
          if (!Array.isArray(all)) throw new DamagedDataError(where, `chunk ${n} is not a list of keys`);
          list.reserve(list.length + all.length);
          for (const k of all) {
            if (typeof k !== 'string') throw new DamagedDataError(where, `chunk ${n} is not a list of keys`);
            list.push(table.intern(k));
          }
          return false;
        }
        const c = (chunk as Partial<TableChunk> | null)?.c;
        if (typeof c !== 'string') throw new DamagedDataError(where, `chunk ${n} is not a chunk of facts`);
        if (!isIndexed(c)) return false; // a newer version's collection
        try {
          const s = (chunk as TableChunk).s;
          applyTableChunk(this.tables.get(c)!, chunk as TableChunk, c === 'reminders-sent' ? claimSlot : peopleSlot, { strings: Array.isArray(s) ? s : [], slotOf: peopleSlot });
        } catch (err) {
          if (err instanceof WireError) throw new DamagedDataError(where, `chunk ${n} (${c}): ${err.message}`);
          throw err;
        }
        return false;
      },
    };
  }

  /** Sizes the columns for what a snapshot header says follows (a header without counts: they grow as they go). */
  private reserve(h: Partial<SnapshotHeader>): void {
    const k = h.keys;
    if (typeof k !== 'object' || k === null) return;
    const count = (v: unknown) => (Number.isInteger(v) && (v as number) >= 0 && (v as number) < 1e9 ? (v as number) : 0);
    this.people.reserve(count(k.people), count(k.peopleBytes));
    this.claims.reserve(count(k.claims), count(k.claimBytes));
    for (const [c, t] of this.tables) t.reserve(count(h.rows?.[c]), count(c === 'reminders-sent' ? k.claims : k.people));
  }

  private applyWhole(snapshot: WholeSnapshot, where: string): void {
    if (typeof snapshot.cols !== 'object' || snapshot.cols === null) throw new DamagedDataError(where, 'not a facts snapshot');
    for (const [c, rows] of Object.entries(snapshot.cols)) {
      if (!isIndexed(c) || !Array.isArray(rows)) continue;
      for (const [id, at, f] of rows) this.apply(c, id, Date.parse(at), f);
    }
  }

  /** Records a fresh read of every record of the collections (as of `at`). */
  applyRecord<C extends IndexedCollection>(c: C, id: string, at: string, value: unknown): void {
    this.apply(c, id, Date.parse(at), value === undefined ? null : (factsOf(c, value) as object));
  }

  /** Facts too long for a log line come from their records. */
  async resolveRefs(get: (c: IndexedCollection, id: string) => Promise<unknown>): Promise<void> {
    while (this.refs.length > 0) {
      const [c, row] = this.refs.shift()!;
      const t = this.tables.get(c)!;
      if (!t.isPending(row)) continue; // replaced by a later entry
      const value = await get(c, t.idOf(row));
      if (!t.isPending(row)) continue;
      t.resolve(row, value === undefined ? undefined : (factsOf(c, value) as object));
    }
  }

  /** The snapshot, chunk by chunk: a header, the keys in use, then each collection's records. */
  *snapshotChunks(): Generator<unknown, undefined, unknown> {
    const sent = this.tables.get('reminders-sent')!;
    const people = numbering(this.people, (each) => {
      for (const t of this.tables.values()) if (t !== sent) t.eachKeySlot(each, false);
    });
    const claims = numbering(this.claims, (each) => sent.eachKeySlot(each, true));
    const header: SnapshotHeader = {
      v: 2,
      schema: FACTS_SCHEMA,
      at: new Date().toISOString(),
      keys: { people: people.count, claims: claims.count, peopleBytes: people.bytes, claimBytes: claims.bytes },
      rows: Object.fromEntries([...this.tables].map(([c, t]) => [c, t.size])),
    };
    yield header;
    yield* keyChunks('people', this.people, people.numbers);
    yield* keyChunks('claims', this.claims, claims.numbers);
    const peopleNumber = (slot: number) => people.numbers[slot]!;
    const claimNumber = (slot: number) => claims.numbers[slot]!;
    for (const t of this.tables.values()) yield* tableChunks(t, t === sent ? claimNumber : peopleNumber, peopleNumber);
    return undefined;
  }

  view(stats: IndexedFacts['stats']): IndexedFacts {
    return {
      plans: this.table('plans'),
      profiles: this.table('profiles'),
      studentLinks: this.table('student-links'),
      caseloads: this.table('caseloads'),
      counselors: this.table('counselors'),
      sent: this.table('reminders-sent'),
      meetings: this.table('meetings'),
      stats,
    };
  }
}
