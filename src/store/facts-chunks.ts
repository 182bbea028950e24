/**
 * The facts index's snapshot chunks (facts-fold.ts writes and reads them in this order):
 *   header       { v: 2, schema, at, keys: counts, rows: counts }
 *   key chunks   { k: 'people' | 'claims', keys: [...] }: each key in use once, numbered in order
 *   table chunks { c, base, ids, at, f, s, odd? }: up to 10,000 records of one collection, a column
 *                per fact (facts-fields.ts), ids as key numbers (each less the one before), times
 *                as ms after `base`, strings once per chunk in `s`, records that do not fit the
 *                columns whole in `odd`.
 * One JSON line (or row) per chunk, about a megabyte each: parsed one at a time, never as one
 * giant value, and the keys of a million students are parsed and interned once, not once per
 * collection that holds them.
 */
import { WireError, WireOut, type WireIn } from './facts-fields.js';
import type { KeyTable } from './facts-keys.js';
import type { FactsTable } from './facts-table.js';
import type { IndexedCollection } from './record-facts.js';

/** Rows per table chunk, list items per table chunk (a caseload holds hundreds of keys), keys per key chunk. */
const CHUNK_ROWS = 10_000;
const CHUNK_ITEMS = 100_000;
const KEY_CHUNK = 50_000;

/** User keys (people: every collection but reminder claims; claims: reminder keys), numbered in the order written. */
export interface KeyChunk {
  k: 'people' | 'claims';
  keys: string[];
}

/** One snapshot chunk of a table: its rows' key numbers, times (ms after `base`) and facts, a column per fact. */
export interface TableChunk {
  c: IndexedCollection;
  base: number;
  /** Each row's key number, less the row before's (the first: less 0). */
  ids: number[];
  at: number[];
  f: Record<string, unknown[]>;
  /** Strings the facts refer to by index. */
  s: string[];
  /** Rows kept as objects: [row in the chunk, facts]. */
  odd?: [number, object][];
}

/** Numbers for the key slots in use (-1: not written), in slot order; how many, and their bytes. */
export function numbering(keys: KeyTable, mark: (each: (slot: number) => void) => void): { numbers: Int32Array; count: number; bytes: number } {
  const numbers = new Int32Array(keys.size).fill(-1);
  mark((slot) => {
    numbers[slot] = 0;
  });
  let count = 0;
  let bytes = 0;
  for (let slot = 0; slot < numbers.length; slot++) {
    if (numbers[slot] !== 0) continue;
    numbers[slot] = count++;
    bytes += keys.key(slot).length;
  }
  return { numbers, count, bytes };
}

export function* keyChunks(k: KeyChunk['k'], keys: KeyTable, numbers: Int32Array): Generator<KeyChunk, undefined, unknown> {
  let chunk: string[] = [];
  for (let slot = 0; slot < numbers.length; slot++) {
    if (numbers[slot]! < 0) continue;
    chunk.push(keys.key(slot));
    if (chunk.length >= KEY_CHUNK) {
      yield { k, keys: chunk };
      chunk = [];
    }
  }
  if (chunk.length > 0) yield { k, keys: chunk };
  return undefined;
}

/** A table's records as snapshot chunks, in order. `idNumber`/`keyNumber`: a key slot's number in the key chunks. */
export function* tableChunks<F extends object>(table: FactsTable<F>, idNumber: (slot: number) => number, keyNumber: (slot: number) => number): Generator<TableChunk, undefined, unknown> {
  let chunk: TableChunk | undefined;
  let out = new WireOut(keyNumber);
  let items = 0;
  let last = 0;
  for (const row of table.rows()) {
    if (!chunk) {
      last = 0;
      items = 0;
      out = new WireOut(keyNumber);
      chunk = { c: table.collection, base: table.timeOf(row), ids: [], at: [], f: Object.fromEntries(table.fields.map((f) => [f.key, []])), s: out.strings };
    }
    const i = chunk.ids.length;
    const id = idNumber(table.slotOfRow(row));
    chunk.ids.push(id - last);
    last = id;
    chunk.at.push(table.timeOf(row) - chunk.base);
    const columnar = table.isColumnar(row);
    for (const field of table.fields) {
      const col = chunk.f[field.key]!;
      if (!columnar) {
        col.push(null);
        continue;
      }
      const w = field.toWire(row, out);
      col.push(w);
      if (Array.isArray(w)) items += w.length;
    }
    if (!columnar) (chunk.odd ??= []).push([i, table.decode(row)!]);
    if (chunk.ids.length >= CHUNK_ROWS || items >= CHUNK_ITEMS) {
      yield chunk;
      chunk = undefined;
    }
  }
  if (chunk) yield chunk;
  return undefined;
}

/** Applies a table chunk (newest time per record wins, as for log entries). `idSlot`: the key slot of a key number (-1: none). */
export function applyTableChunk<F extends object>(table: FactsTable<F>, chunk: TableChunk, idSlot: (n: number) => number, into: WireIn): void {
  const { ids, at, f, base } = chunk;
  const n = ids?.length;
  if (!Array.isArray(ids) || !Array.isArray(at) || at.length !== n || typeof base !== 'number' || !Array.isArray(chunk.s) || typeof f !== 'object' || f === null) {
    throw new WireError('it is not a chunk of facts');
  }
  const fields = table.fields;
  const cols = fields.map((field) => {
    const col = f[field.key];
    if (!Array.isArray(col) || col.length !== n) throw new WireError(`its ${field.key} are not a list of ${n}`);
    return col;
  });
  const odd = new Map<number, object>();
  for (const entry of chunk.odd ?? []) {
    if (!Array.isArray(entry) || !Number.isInteger(entry[0]) || typeof entry[1] !== 'object' || entry[1] === null) throw new WireError('a record kept whole is not [row, facts]');
    odd.set(entry[0], entry[1]);
  }
  let id = 0;
  for (let i = 0; i < n; i++) {
    id += ids[i] as number;
    const slot = idSlot(id);
    const time = base + (at[i] as number);
    if (slot < 0 || !Number.isFinite(time)) throw new WireError(`row ${i + 1} has no id or time`);
    const row = table.rowFor(slot);
    if (!table.take(row, time)) continue;
    const whole = odd.get(i);
    if (whole !== undefined) {
      table.putWhole(row, whole as F);
      continue;
    }
    for (let k = 0; k < fields.length; k++) fields[k]!.fromWire(row, cols[k]![i], into);
    table.markColumnar(row);
  }
}
