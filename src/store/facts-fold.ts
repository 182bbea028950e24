/**
 * Folding facts entries (from the snapshot and the log) into current facts per record.
 * The newest entry per (collection, id) wins, by `at`; for equal `at`, the one applied later.
 * A deleted record leaves its time behind (so an older entry read later cannot bring it back),
 * and a record saved again after a delete goes last, as in a store.
 */
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

/** The snapshot: per collection, [id, at, facts] in first-seen order. */
/**
 * What the facts of each record hold (record-facts.ts). A snapshot of another schema is rebuilt
 * from the records once, so a fact added later (a profile's language) is known for every record.
 */
export const FACTS_SCHEMA = 2;

export interface FactsSnapshot {
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

const PENDING = Object.freeze({}) as object;

export class FoldState {
  private readonly facts = new Map<IndexedCollection, Map<string, object>>(INDEXED_COLLECTIONS.map((c) => [c, new Map()]));
  private readonly ats = new Map<IndexedCollection, Map<string, string>>(INDEXED_COLLECTIONS.map((c) => [c, new Map()]));
  private readonly refs: [IndexedCollection, string][] = [];

  /** f: the facts; null: deleted; 'ref': read the record (resolveRefs). */
  apply(c: IndexedCollection, id: string, at: string, f: object | null | 'ref'): void {
    const ats = this.ats.get(c)!;
    const prev = ats.get(id);
    if (prev !== undefined && prev > at) return;
    ats.set(id, at);
    const col = this.facts.get(c)!;
    if (f === null) col.delete(id);
    else if (f === 'ref') {
      col.set(id, PENDING);
      this.refs.push([c, id]);
    } else col.set(id, f);
  }

  /** Applies log lines; a line that is not a facts entry raises DamagedDataError naming `where`. */
  applyLines(lines: readonly object[], where: string, from = 0): void {
    for (let i = from; i < lines.length; i++) {
      const l = lines[i] as Partial<FactsLine>;
      const ok = typeof l.c === 'string' && typeof l.id === 'string' && typeof l.at === 'string' && (l.ref === 1 || l.f === null || typeof l.f === 'object');
      if (!ok) throw new DamagedDataError(where, `line ${i + 1} is not a facts entry`);
      if (isIndexed(l.c!)) this.apply(l.c!, l.id!, l.at!, l.ref === 1 ? 'ref' : (l.f ?? null)); // other collections: a newer version's
    }
  }

  applySnapshot(snapshot: FactsSnapshot, where: string): void {
    if (snapshot?.v !== 1 || typeof snapshot.cols !== 'object' || snapshot.cols === null) throw new DamagedDataError(where, 'not a facts snapshot');
    for (const [c, rows] of Object.entries(snapshot.cols)) {
      if (!isIndexed(c) || !Array.isArray(rows)) continue;
      for (const [id, at, f] of rows) this.apply(c, id, at, f);
    }
  }

  /** Records a fresh read of every record of the collections (as of `at`). */
  applyRecord<C extends IndexedCollection>(c: C, id: string, at: string, value: unknown): void {
    this.apply(c, id, at, value === undefined ? null : (factsOf(c, value) as object));
  }

  /** Facts too long for a log line come from their records. */
  async resolveRefs(get: (c: IndexedCollection, id: string) => Promise<unknown>): Promise<void> {
    while (this.refs.length > 0) {
      const [c, id] = this.refs.shift()!;
      const col = this.facts.get(c)!;
      if (col.get(id) !== PENDING) continue; // replaced by a later entry
      const value = await get(c, id);
      if (col.get(id) !== PENDING) continue;
      if (value === undefined) col.delete(id);
      else col.set(id, factsOf(c, value) as object);
    }
  }

  toSnapshot(): FactsSnapshot {
    const cols: FactsSnapshot['cols'] = {};
    for (const [c, col] of this.facts) {
      const ats = this.ats.get(c)!;
      cols[c] = [...col].map(([id, f]) => [id, ats.get(id)!, f]);
    }
    return { v: 1, schema: FACTS_SCHEMA, at: new Date().toISOString(), cols };
  }

  view(stats: IndexedFacts['stats']): IndexedFacts {
    const col = <C extends IndexedCollection>(c: C) => this.facts.get(c) as unknown as Map<string, FactsByCollection[C]>;
    return {
      plans: col('plans'),
      profiles: col('profiles'),
      studentLinks: col('student-links'),
      caseloads: col('caseloads'),
      counselors: col('counselors'),
      sent: col('reminders-sent'),
      meetings: col('meetings'),
      stats,
    };
  }
}
