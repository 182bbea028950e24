/**
 * The facts of one indexed collection, kept in columns (facts-fields.ts), read as a ReadonlyMap
 * (id -> facts object, made when asked for). Folding rules (facts-fold.ts): the entry with the
 * newest time wins; a deleted record keeps its time; iteration follows a Map's order (first set
 * first; a record set again after a delete goes last).
 *
 * Ids are slots of a key table shared with other tables; each table gives the slots it holds
 * rows of its own (dense, in first-seen order), so a table of 2,500 counselors costs 2,500 rows
 * however many students the key table holds. A record whose facts do not fit the columns exactly
 * is kept as its object. `get` gives the same object again while the record is unchanged (a
 * cache of recent reads), so a caller can tell an unchanged record by identity
 * (caseload-row-cache.ts).
 */
import { CodeColumn, NumberColumn, RowOrder, SlotList } from './facts-columns.js';
import type { KeyTable } from './facts-keys.js';
import type { Field } from './facts-fields.js';
import type { IndexedCollection } from './record-facts.js';

const PRESENT = 1;
const DELETED = 2;
/** Facts too long for a log line: read from the record (FoldState.resolveRefs). */
const PENDING = 3;
/** Kept as the object, beside the columns. */
const ODD = 4;

/** Objects kept for `get`'s identity before the cache starts again. */
const CACHE = 50_000;

export class FactsTable<F extends object> implements ReadonlyMap<string, F> {
  /** Row + 1 of each key slot (0: none). */
  private readonly rowOf = new CodeColumn();
  private readonly slotOf = new SlotList();
  private readonly state = new CodeColumn(true);
  private readonly times = new NumberColumn();
  private readonly order = new RowOrder();
  private count = 0;
  private readonly odd = new Map<number, F>();
  private cache = new Map<number, F>();

  constructor(
    readonly collection: IndexedCollection,
    readonly keyTable: KeyTable,
    readonly fields: readonly Field[],
  ) {}

  /** Room for `rows` rows in all, and key slots up to `slots`, so a snapshot loads without growing. */
  reserve(rows: number, slots: number): void {
    this.rowOf.reserve(slots);
    for (const col of [this.slotOf, this.state, this.times, this.order]) col.reserve(rows);
    for (const field of this.fields) field.reserve(rows);
  }

  /** The row of a key slot, made now when new. */
  rowFor(slot: number): number {
    const r = this.rowOf.get(slot);
    if (r > 0) return r - 1;
    const row = this.slotOf.push(slot);
    this.rowOf.set(slot, row + 1);
    return row;
  }

  /** The row of a record's id, or -1. */
  rowOfId(id: string): number {
    const slot = this.keyTable.find(id);
    return slot < 0 ? -1 : this.rowOf.get(slot) - 1;
  }

  /**
   * Applies one entry at time `at` (ms) to the key slot: facts, null (deleted) or 'ref' (read the
   * record later). The row, or -1 when an entry with a later time was applied before (this one loses).
   */
  apply(slot: number, at: number, f: F | null | 'ref'): number {
    const row = this.rowFor(slot);
    if (!this.claim(row, at)) return -1;
    if (f === null) {
      this.remove(row);
      this.state.set(row, DELETED);
    } else if (f === 'ref') {
      this.add(row);
      this.state.set(row, PENDING);
    } else {
      this.add(row);
      this.store(row, f);
    }
    return row;
  }

  /** A pending record's facts, read from it (undefined: the record is gone). */
  resolve(row: number, f: F | undefined): void {
    if (this.state.get(row) !== PENDING) return;
    this.cache.delete(row);
    if (f === undefined) {
      this.remove(row);
      this.state.set(row, DELETED);
    } else this.store(row, f);
  }

  isPending(row: number): boolean {
    return this.state.get(row) === PENDING;
  }

  /** The id of a row. */
  idOf(row: number): string {
    return this.keyTable.key(this.slotOf.get(row));
  }

  /** Takes the row for an entry at `at`, unless a later one was applied. */
  private claim(row: number, at: number): boolean {
    if (this.times.get(row) > at) return false;
    this.times.set(row, at);
    this.cache.delete(row);
    this.odd.delete(row);
    return true;
  }

  private live(row: number): boolean {
    const s = this.state.get(row);
    return s === PRESENT || s === PENDING || s === ODD;
  }

  private add(row: number): void {
    if (this.live(row)) return;
    this.order.add(row);
    this.count++;
  }

  private remove(row: number): void {
    if (!this.live(row)) return;
    this.order.remove(row, --this.count);
  }

  private fits(f: F): boolean {
    const v = f as Record<string, unknown>;
    let known = 0;
    for (const field of this.fields) {
      const value = v[field.key];
      if (!field.fits(value)) return false;
      if (value !== undefined) known++;
    }
    return Object.keys(v).length === known;
  }

  private store(row: number, f: F): void {
    if (this.fits(f)) {
      const v = f as Record<string, unknown>;
      for (const field of this.fields) field.put(row, v[field.key]);
      this.state.set(row, PRESENT);
    } else {
      this.odd.set(row, f);
      this.state.set(row, ODD);
    }
  }

  /** The facts of a row, made from the columns (undefined: no record). */
  decode(row: number): F | undefined {
    switch (this.state.get(row)) {
      case PRESENT: {
        const out: Record<string, unknown> = {};
        for (const field of this.fields) {
          const value = field.get(row);
          if (value !== undefined) out[field.key] = value;
          else if (field.required) out[field.key] = [];
        }
        return out as F;
      }
      case ODD:
        return this.odd.get(row);
      case PENDING:
        return {} as F;
      default:
        return undefined;
    }
  }

  /** A reader of one fact by row, for sweeps over every record without making whole objects. */
  reader(key: string): (row: number) => unknown {
    const field = this.fields.find((f) => f.key === key);
    return (row) => {
      if (row < 0) return undefined;
      const s = this.state.get(row);
      if (s === PRESENT) return field?.get(row) ?? (field?.required ? [] : undefined);
      return s === ODD ? (this.odd.get(row) as Record<string, unknown>)[key] : undefined;
    };
  }

  /**
   * A reader of a time fact as epoch ms (a list of times: the latest; NaN: none), for a record
   * kept in the columns; undefined for one kept whole (read it with `reader`).
   */
  msReader(key: string): (row: number) => number | undefined {
    const field = this.fields.find((f) => f.key === key);
    const ms = field?.ms;
    if (!ms) throw new Error(`facts index: ${this.collection}.${key} is not a time`);
    return (row) => (this.state.get(row) === PRESENT ? ms(row) : undefined);
  }

  hasRow(row: number): boolean {
    return row >= 0 && this.live(row);
  }

  /** The key-table slot of a row, and the row of a slot (-1: none). */
  slotOfRow(row: number): number {
    return this.slotOf.get(row);
  }
  rowOfSlot(slot: number): number {
    return this.rowOf.get(slot) - 1;
  }

  /** The key-table slots a list of keys (a caseload's students) holds, without making strings. */
  eachListedSlot(row: number, key: string, each: (slot: number) => void): void {
    const s = this.state.get(row);
    if (s === PRESENT) this.fields.find((f) => f.key === key)?.eachKey?.(row, each);
    else if (s === ODD) {
      const list = (this.odd.get(row) as Record<string, unknown>)[key];
      if (Array.isArray(list)) for (const k of list) if (typeof k === 'string') each(this.keyTable.intern(k));
    }
  }

  // ReadonlyMap

  get size(): number {
    return this.count;
  }

  has(id: string): boolean {
    return this.hasRow(this.rowOfId(id));
  }

  get(id: string): F | undefined {
    const row = this.rowOfId(id);
    if (row < 0) return undefined;
    const kept = this.cache.get(row);
    if (kept !== undefined) return kept;
    const f = this.decode(row);
    if (f !== undefined && this.state.get(row) !== PENDING) {
      if (this.cache.size >= CACHE) this.cache = new Map();
      this.cache.set(row, f);
    }
    return f;
  }

  /** Rows of the records, in order. */
  *rows(): Generator<number, undefined, unknown> {
    for (const row of this.order.rows()) if (this.live(row)) yield row;
    return undefined;
  }

  *keys(): Generator<string, undefined, unknown> {
    for (const row of this.rows()) yield this.idOf(row);
    return undefined;
  }

  *values(): Generator<F, undefined, unknown> {
    for (const row of this.rows()) yield this.cache.get(row) ?? this.decode(row)!;
    return undefined;
  }

  *entries(): Generator<[string, F], undefined, unknown> {
    for (const row of this.rows()) yield [this.idOf(row), this.cache.get(row) ?? this.decode(row)!];
    return undefined;
  }

  [Symbol.iterator](): Generator<[string, F], undefined, unknown> {
    return this.entries();
  }

  forEach(fn: (value: F, key: string, map: ReadonlyMap<string, F>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) fn.call(thisArg, v, k, this);
  }

  // For snapshot chunks (facts-chunks.ts)

  /** Every key slot the records use (their ids, and the keys their facts list), for the snapshot's key chunks. */
  eachKeySlot(each: (keySlot: number) => void, idsOnly: boolean): void {
    for (const row of this.rows()) {
      each(this.slotOf.get(row));
      if (idsOnly || this.state.get(row) !== PRESENT) continue;
      for (const field of this.fields) field.eachKey?.(row, each);
    }
  }

  /** Time (ms) of the entry a row holds. */
  timeOf(row: number): number {
    return this.times.get(row);
  }

  /** Whether the row's facts are in the columns (else kept whole: `decode` gives them). */
  isColumnar(row: number): boolean {
    return this.state.get(row) === PRESENT;
  }

  /** Takes a row for an entry at `at` (false: a later entry holds it), as a record in the table. */
  take(row: number, at: number): boolean {
    if (!this.claim(row, at)) return false;
    this.add(row);
    return true;
  }

  /** After `take`: the facts as an object (kept in the columns when they fit). */
  putWhole(row: number, f: F): void {
    this.store(row, f);
  }

  /** After `take` and each field's `fromWire`: the row's facts are the columns'. */
  markColumnar(row: number): void {
    this.state.set(row, PRESENT);
  }
}
