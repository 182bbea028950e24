/**
 * Compact columns for the facts index (facts-table.ts): one typed array per fact, indexed by a
 * record's slot, instead of an object per record. A million students' facts then cost a few
 * bytes each, outside the JavaScript heap (no garbage collection walks them), and load by filling
 * arrays rather than by making millions of small objects.
 *
 * Keys (ids) are interned once as slots (KeyTable, facts-keys.ts); low-variety strings (a role, a
 * school, a school year) as small codes (Dictionary). Every column grows on demand; reading past
 * its end gives the empty value.
 */

/** Low-variety strings as codes 1, 2, 3, ... (0: none). */
export class Dictionary {
  private readonly codes = new Map<string, number>();
  private readonly values: string[] = [''];

  code(value: string): number {
    let c = this.codes.get(value);
    if (c === undefined) {
      c = this.values.length;
      this.codes.set(value, c);
      this.values.push(value);
    }
    return c;
  }

  value(code: number): string {
    return this.values[code]!;
  }
}

export type Typed = Float64Array | Uint32Array | Int32Array | Uint8Array;

/** The array with room for `need` items: exactly that many when `exact`, else a quarter more than now. */
export function grown<T extends Typed>(a: T, need: number, fill: number, exact = false): T {
  if (need <= a.length) return a;
  const next = new (a.constructor as new (n: number) => T)(exact ? need : Math.max(need, Math.ceil(a.length * 1.25), 64));
  next.set(a);
  if (fill !== 0) next.fill(fill, a.length);
  return next;
}

/** Numbers per slot (NaN: none). */
export class NumberColumn {
  private a = new Float64Array(0);
  get(slot: number): number {
    return slot < this.a.length ? this.a[slot]! : NaN;
  }
  set(slot: number, v: number): void {
    if (slot >= this.a.length) {
      if (Number.isNaN(v)) return;
      this.a = grown(this.a, slot + 1, NaN);
    }
    this.a[slot] = v;
  }
  reserve(n: number): void {
    this.a = grown(this.a, n, NaN, true);
  }
  get bytes(): number {
    return this.a.byteLength;
  }
}

/** Small non-negative integers per slot (0 when unset): codes, flags, states. */
export class CodeColumn {
  private a: Uint32Array | Uint8Array;
  constructor(small = false) {
    this.a = small ? new Uint8Array(0) : new Uint32Array(0);
  }
  get(slot: number): number {
    return slot < this.a.length ? this.a[slot]! : 0;
  }
  set(slot: number, v: number): void {
    if (slot >= this.a.length) {
      if (v === 0) return;
      this.a = grown(this.a, slot + 1, 0);
    }
    this.a[slot] = v;
  }
  reserve(n: number): void {
    this.a = grown(this.a, n, 0, true);
  }
  get bytes(): number {
    return this.a.byteLength;
  }
}

/**
 * A list of numbers per slot, kept in one growing arena (a slot's list is rewritten at the end
 * when it changes; the old place is left unused until the next load).
 */
export class ListColumn {
  private off = new Uint32Array(0);
  /** Length + 1 (0: no list). */
  private len = new Uint32Array(0);
  private arena: Float64Array | Uint32Array;
  private used = 0;

  constructor(ints: boolean) {
    this.arena = ints ? new Uint32Array(0) : new Float64Array(0);
  }

  has(slot: number): boolean {
    return slot < this.len.length && this.len[slot]! > 0;
  }

  reserve(n: number): void {
    this.off = grown(this.off, n, 0, true);
    this.len = grown(this.len, n, 0, true);
  }

  /** The list's length, or -1 when there is none. */
  length(slot: number): number {
    return slot < this.len.length ? this.len[slot]! - 1 : -1;
  }

  at(slot: number, i: number): number {
    return this.arena[this.off[slot]! + i]!;
  }

  set(slot: number, values: ArrayLike<number> | undefined): void {
    if (values === undefined) {
      if (slot < this.len.length) this.len[slot] = 0;
      return;
    }
    if (slot >= this.len.length) {
      this.off = grown(this.off, slot + 1, 0);
      this.len = grown(this.len, slot + 1, 0);
    }
    const n = values.length;
    if (this.used + n > 0xffffffff) throw new Error('facts index: a list column is full');
    if (this.used + n > this.arena.length) this.arena = grown(this.arena, this.used + n, 0);
    for (let i = 0; i < n; i++) this.arena[this.used + i] = values[i]!;
    this.off[slot] = this.used;
    this.len[slot] = n + 1;
    this.used += n;
  }

  get bytes(): number {
    return this.off.byteLength + this.len.byteLength + this.arena.byteLength;
  }
}

/** A string per slot (display names), as UTF-8 in one growing arena. */
export class TextColumn {
  private off = new Uint32Array(0);
  /** Byte length + 1 (0: no string). */
  private len = new Uint32Array(0);
  private arena = Buffer.alloc(0);
  private used = 0;

  reserve(n: number): void {
    this.off = grown(this.off, n, 0, true);
    this.len = grown(this.len, n, 0, true);
  }

  get(slot: number): string | undefined {
    const n = slot < this.len.length ? this.len[slot]! : 0;
    if (n === 0) return undefined;
    const from = this.off[slot]!;
    return this.arena.toString('utf8', from, from + n - 1);
  }

  set(slot: number, value: string | undefined): void {
    if (value === undefined) {
      if (slot < this.len.length) this.len[slot] = 0;
      return;
    }
    if (slot >= this.len.length) {
      this.off = grown(this.off, slot + 1, 0);
      this.len = grown(this.len, slot + 1, 0);
    }
    const max = value.length * 3;
    if (this.used + max > this.arena.length) {
      if (this.used + max > 0xffffffff) throw new Error('facts index: a text column is full');
      const next = Buffer.alloc(Math.max(this.used + max, Math.ceil(this.arena.length * 1.5), 4096));
      this.arena.copy(next, 0, 0, this.used);
      this.arena = next;
    }
    const n = this.arena.write(value, this.used, 'utf8');
    this.off[slot] = this.used;
    this.len[slot] = n + 1;
    this.used += n;
  }

  get bytes(): number {
    return this.off.byteLength + this.len.byteLength + this.arena.byteLength;
  }
}

/** A growing list of slots (Int32), for a table's order. */
export class SlotList {
  private a = new Int32Array(0);
  length = 0;
  push(v: number): number {
    if (this.length >= this.a.length) this.a = grown(this.a, this.length + 1, 0);
    this.a[this.length] = v;
    return this.length++;
  }
  reserve(n: number): void {
    this.a = grown(this.a, n, 0, true);
  }
  get(i: number): number {
    return this.a[i]!;
  }
  set(i: number, v: number): void {
    this.a[i] = v;
  }
  get bytes(): number {
    return this.a.byteLength;
  }
}

/**
 * Rows in a Map's order: a row added goes last, a row removed leaves a hole (squeezed out once
 * there are more holes than rows), and a row added again after its removal goes last.
 */
export class RowOrder {
  private readonly order = new SlotList();
  /** Position in `order` + 1 (0: not in it). */
  private readonly pos = new CodeColumn();
  private holes = 0;

  add(row: number): void {
    this.pos.set(row, this.order.push(row) + 1);
  }

  /** `left`: rows still in the order after this one is removed. */
  remove(row: number, left: number): void {
    const p = this.pos.get(row);
    if (p === 0) return;
    this.order.set(p - 1, -1);
    this.pos.set(row, 0);
    if (++this.holes > 1024 && this.holes > left) this.squeeze();
  }

  *rows(): Generator<number, undefined, unknown> {
    for (let i = 0; i < this.order.length; i++) {
      const row = this.order.get(i);
      if (row >= 0) yield row;
    }
    return undefined;
  }

  reserve(n: number): void {
    this.order.reserve(n);
    this.pos.reserve(n);
  }

  private squeeze(): void {
    let to = 0;
    for (let i = 0; i < this.order.length; i++) {
      const row = this.order.get(i);
      if (row < 0) continue;
      this.order.set(to, row);
      this.pos.set(row, ++to);
    }
    this.order.length = to;
    this.holes = 0;
  }
}
