/**
 * The facts index's key table (facts-columns.ts): every user key (or reminder key) interned once as
 * a slot, 0, 1, 2, ... in first-seen order, that the tables' columns are found by.
 */
import { grown } from './facts-columns.js';

/**
 * Interned keys: key -> slot (0, 1, 2, ... in first-seen order) and back. A million keys as one
 * Map of strings cost about 100 bytes each and half a microsecond to add; here an ASCII key is
 * kept as its bytes in one arena, found through an open-addressing table of slots (about 35
 * bytes a key, outside the heap). A key with other characters goes in a plain Map.
 */
export class KeyTable {
  private arena = Buffer.alloc(0);
  private used = 0;
  private off = new Uint32Array(0);
  private len = new Uint32Array(0);
  private hashes = new Uint32Array(0);
  /** Slot + 1 per bucket (0: empty); a power of two, at most half full. */
  private buckets = new Int32Array(1024);
  private count = 0;
  /** Keys with a character beyond ASCII: key -> slot. */
  private readonly other = new Map<string, number>();
  private readonly otherKeys = new Map<number, string>();

  /** Room for `n` keys in all, so a snapshot's keys load without growing. */
  reserve(n: number, bytes: number): void {
    if (n > this.off.length) {
      this.off = grown(this.off, n, 0, true);
      this.len = grown(this.len, n, 0, true);
      this.hashes = grown(this.hashes, n, 0, true);
    }
    if (this.used + bytes > this.arena.length) this.growArena(this.used + bytes, true);
    let size = this.buckets.length;
    while (size < n * 2) size *= 2;
    if (size > this.buckets.length) this.rehash(size);
  }

  /** The key's slot, made now when new. */
  intern(key: string): number {
    const h = hashOf(key);
    if (h < 0) return this.internOther(key);
    const mask = this.buckets.length - 1;
    for (let b = h & mask; ; b = (b + 1) & mask) {
      const s = this.buckets[b]! - 1;
      if (s < 0) return this.add(key, h, b);
      if (this.hashes[s] === h && this.equals(s, key)) return s;
    }
  }

  /** The key's slot, or -1 when it was never interned. */
  find(key: string): number {
    const h = hashOf(key);
    if (h < 0) return this.other.get(key) ?? -1;
    const mask = this.buckets.length - 1;
    for (let b = h & mask; ; b = (b + 1) & mask) {
      const s = this.buckets[b]! - 1;
      if (s < 0) return -1;
      if (this.hashes[s] === h && this.equals(s, key)) return s;
    }
  }

  key(slot: number): string {
    const n = this.len[slot]!;
    if (n === 0) return this.otherKeys.get(slot)!;
    const from = this.off[slot]!;
    return this.arena.toString('latin1', from, from + n - 1);
  }

  get size(): number {
    return this.count;
  }

  get bytes(): number {
    return this.arena.length + this.off.byteLength + this.len.byteLength + this.hashes.byteLength + this.buckets.byteLength;
  }

  private equals(slot: number, key: string): boolean {
    const n = this.len[slot]! - 1;
    if (n !== key.length) return false;
    const from = this.off[slot]!;
    const a = this.arena;
    for (let i = 0; i < n; i++) if (a[from + i] !== key.charCodeAt(i)) return false;
    return true;
  }

  private add(key: string, h: number, bucket: number): number {
    const slot = this.newSlot();
    if (this.used + key.length > this.arena.length) this.growArena(this.used + key.length, false);
    this.arena.write(key, this.used, key.length, 'latin1');
    this.off[slot] = this.used;
    this.len[slot] = key.length + 1;
    this.hashes[slot] = h;
    this.used += key.length;
    this.buckets[bucket] = slot + 1;
    if (this.count * 2 > this.buckets.length) this.rehash(this.buckets.length * 2);
    return slot;
  }

  private internOther(key: string): number {
    let slot = this.other.get(key);
    if (slot === undefined) {
      slot = this.newSlot();
      this.other.set(key, slot);
      this.otherKeys.set(slot, key);
    }
    return slot;
  }

  private newSlot(): number {
    const slot = this.count++;
    if (slot >= this.off.length) {
      this.off = grown(this.off, slot + 1, 0);
      this.len = grown(this.len, slot + 1, 0);
      this.hashes = grown(this.hashes, slot + 1, 0);
    }
    return slot;
  }

  private growArena(need: number, exact: boolean): void {
    const next = Buffer.allocUnsafe(exact ? need : Math.max(need, Math.ceil(this.arena.length * 1.25), 4096));
    this.arena.copy(next, 0, 0, this.used);
    this.arena = next;
  }

  private rehash(size: number): void {
    const buckets = new Int32Array(size);
    const mask = size - 1;
    for (let s = 0; s < this.count; s++) {
      if (this.len[s] === 0) continue;
      let b = this.hashes[s]! & mask;
      while (buckets[b] !== 0) b = (b + 1) & mask;
      buckets[b] = s + 1;
    }
    this.buckets = buckets;
  }
}

/** FNV-1a of an ASCII key (a non-negative 31-bit number), or -1 when the key has another character. */
function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c > 127) return -1;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return (h ^ (h >>> 15)) & 0x7fffffff;
}

