/**
 * How each fact of a record (record-facts.ts) is kept in a column (facts-columns.ts), by the
 * record's row in its table, and written in a snapshot chunk (facts-table.ts): times as epoch
 * milliseconds, low-variety strings as codes, lists of keys as key-table slots. A value a column cannot give back exactly (a time not in the
 * canonical ISO form, a field a newer version added) does not "fit": its whole record is then kept
 * as it is, beside the columns (facts-table.ts), so nothing is ever changed on the way.
 */
import { CodeColumn, Dictionary, ListColumn, NumberColumn, TextColumn } from './facts-columns.js';
import type { KeyTable } from './facts-keys.js';
import type { IndexedCollection } from './record-facts.js';

/**
 * Writing a chunk: its strings, each written once and referred to by index, and user keys as their
 * numbers in the snapshot's key chunks.
 */
export class WireOut {
  private readonly index = new Map<string, number>();
  readonly strings: string[] = [];
  constructor(readonly keyNumber: (slot: number) => number) {}
  ref(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.index.set(s, i);
      this.strings.push(s);
    }
    return i;
  }
}

/** Reading a chunk: its strings, and the slot of each key number of the snapshot (-1: not a key of it). */
export interface WireIn {
  strings: readonly string[];
  slotOf(keyNumber: number): number;
}

/** Why a chunk's value cannot be read (the chunk is damaged). */
export class WireError extends Error {}

export interface Field {
  readonly key: string;
  /** Always in the facts (a list, maybe empty); else left out when absent. */
  readonly required: boolean;
  /** Whether `value` (undefined: absent) can be kept in the column exactly. */
  fits(value: unknown): boolean;
  put(slot: number, value: unknown): void;
  /** The value, or undefined when absent. */
  get(slot: number): unknown;
  toWire(slot: number, out: WireOut): unknown;
  fromWire(slot: number, wire: unknown, into: WireIn): void;
  /** A time as epoch ms (of a list of times: the latest), NaN when absent; for times only. */
  ms?(slot: number): number;
  /** Room for `rows` rows (a snapshot says how many it holds). */
  reserve(rows: number): void;
  /** The user keys the value refers to (their key-table slots), for lists of keys. */
  eachKey?(slot: number, each: (keySlot: number) => void): void;
}

/** Epoch ms of a time in the canonical form (what toISOString gives), else NaN. */
export function canonicalMs(value: unknown): number {
  if (typeof value !== 'string' || value.length !== 24) return NaN;
  const ms = Date.parse(value);
  return Number.isNaN(ms) || new Date(ms).toISOString() !== value ? NaN : ms;
}

const isoOf = (ms: number): string => new Date(ms).toISOString();
/** No lone surrogate: the string survives UTF-8 as it is. */
const wellFormed = (s: string): boolean => (s as unknown as { isWellFormed(): boolean }).isWellFormed();
const isNumber = (w: unknown): w is number => typeof w === 'number' && Number.isFinite(w);
const bad = (key: string): never => {
  throw new WireError(`its ${key} is not readable`);
};
const stringOf = (w: unknown, into: WireIn, key: string): string => (Number.isInteger(w) && into.strings[w as number] !== undefined ? into.strings[w as number]! : bad(key));

/** A time (ISO string) as epoch ms. Wire: ms or null. */
function date(key: string): Field {
  const col = new NumberColumn();
  return {
    key,
    required: false,
    reserve: (n) => col.reserve(n),
    fits: (v) => v === undefined || !Number.isNaN(canonicalMs(v)),
    put: (slot, v) => col.set(slot, v === undefined ? NaN : canonicalMs(v)),
    ms: (slot) => col.get(slot),
    get: (slot) => {
      const ms = col.get(slot);
      return Number.isNaN(ms) ? undefined : isoOf(ms);
    },
    toWire: (slot) => {
      const ms = col.get(slot);
      return Number.isNaN(ms) ? null : ms;
    },
    fromWire: (slot, w) => col.set(slot, w === null ? NaN : isNumber(w) ? w : bad(key)),
  };
}

/** A number. Wire: the number or null. */
function num(key: string): Field {
  const col = new NumberColumn();
  return {
    key,
    required: false,
    reserve: (n) => col.reserve(n),
    fits: (v) => v === undefined || (typeof v === 'number' && Number.isFinite(v)),
    put: (slot, v) => col.set(slot, v === undefined ? NaN : (v as number)),
    get: (slot) => {
      const n = col.get(slot);
      return Number.isNaN(n) ? undefined : n;
    },
    toWire: (slot) => {
      const n = col.get(slot);
      return Number.isNaN(n) ? null : n;
    },
    fromWire: (slot, w) => col.set(slot, w === null ? NaN : isNumber(w) ? w : bad(key)),
  };
}

/** A low-variety string (role, language, school, school year). Wire: index into the chunk's strings + 1, or 0. */
function code(key: string, dict: Dictionary): Field {
  const col = new CodeColumn();
  return {
    key,
    required: false,
    reserve: (n) => col.reserve(n),
    fits: (v) => v === undefined || typeof v === 'string',
    put: (slot, v) => col.set(slot, v === undefined ? 0 : dict.code(v as string)),
    get: (slot) => {
      const c = col.get(slot);
      return c === 0 ? undefined : dict.value(c);
    },
    toWire: (slot, out) => {
      const c = col.get(slot);
      return c === 0 ? 0 : out.ref(dict.value(c)) + 1;
    },
    fromWire: (slot, w, into) => col.set(slot, w === 0 ? 0 : dict.code(stringOf(isNumber(w) ? w - 1 : NaN, into, key))),
  };
}

/** A string that differs per record (a display name). Wire: the string or null. */
function text(key: string): Field {
  const col = new TextColumn();
  return {
    key,
    required: false,
    reserve: (n) => col.reserve(n),
    fits: (v) => v === undefined || (typeof v === 'string' && wellFormed(v)),
    put: (slot, v) => col.set(slot, v as string | undefined),
    get: (slot) => col.get(slot),
    toWire: (slot) => col.get(slot) ?? null,
    fromWire: (slot, w) => col.set(slot, w === null ? undefined : typeof w === 'string' && wellFormed(w) ? w : bad(key)),
  };
}

/** `true` or absent. Wire: 1 or 0. */
function flag(key: string): Field {
  const col = new CodeColumn(true);
  return {
    key,
    required: false,
    reserve: (n) => col.reserve(n),
    fits: (v) => v === undefined || v === true,
    put: (slot, v) => col.set(slot, v === true ? 1 : 0),
    get: (slot) => (col.get(slot) === 1 ? true : undefined),
    toWire: (slot) => col.get(slot),
    fromWire: (slot, w) => col.set(slot, w === 1 ? 1 : w === 0 ? 0 : bad(key)),
  };
}

/** A list of user keys, as slots of the key table. `required`: always there (maybe empty); else absent when empty. Wire: the keys' numbers, or null. */
function keys(key: string, table: KeyTable, required: boolean): Field {
  const col = new ListColumn(true);
  return {
    key,
    required,
    reserve: (n) => col.reserve(n),
    fits: (v) => (v === undefined ? !required : Array.isArray(v) && (required || v.length > 0) && v.every((k) => typeof k === 'string')),
    put: (slot, v) => col.set(slot, v === undefined ? undefined : (v as string[]).map((k) => table.intern(k))),
    get: (slot) => {
      const n = col.length(slot);
      if (n < 0) return undefined;
      const out = new Array<string>(n);
      for (let i = 0; i < n; i++) out[i] = table.key(col.at(slot, i));
      return out;
    },
    toWire: (slot, out) => {
      const n = col.length(slot);
      if (n < 0) return null;
      const list = new Array<number>(n);
      for (let i = 0; i < n; i++) list[i] = out.keyNumber(col.at(slot, i));
      return list;
    },
    fromWire: (slot, w, into) => {
      if (w === null && !required) return col.set(slot, undefined);
      if (!Array.isArray(w)) bad(key);
      const list = w as unknown[];
      const slots = new Array<number>(list.length);
      for (let i = 0; i < list.length; i++) {
        const s = isNumber(list[i]) ? into.slotOf(list[i] as number) : -1;
        slots[i] = s >= 0 ? s : bad(key);
      }
      col.set(slot, slots);
    },
    eachKey: (slot, each) => {
      const n = col.length(slot);
      for (let i = 0; i < n; i++) each(col.at(slot, i));
    },
  };
}

/** A list of times, always there (maybe empty). Wire: ms numbers. */
function dates(key: string): Field {
  const col = new ListColumn(false);
  return {
    key,
    required: true,
    reserve: (n) => col.reserve(n),
    fits: (v) => Array.isArray(v) && v.every((t) => !Number.isNaN(canonicalMs(t))),
    put: (slot, v) => col.set(slot, (v as string[]).map(canonicalMs)),
    ms: (slot) => {
      let best = NaN;
      for (let i = 0, n = col.length(slot); i < n; i++) {
        const t = col.at(slot, i);
        if (!(t <= best)) best = t;
      }
      return best;
    },
    get: (slot) => {
      const n = col.length(slot);
      if (n < 0) return undefined;
      const out = new Array<string>(n);
      for (let i = 0; i < n; i++) out[i] = isoOf(col.at(slot, i));
      return out;
    },
    toWire: (slot) => {
      const n = Math.max(0, col.length(slot));
      const out = new Array<number>(n);
      for (let i = 0; i < n; i++) out[i] = col.at(slot, i);
      return out;
    },
    fromWire: (slot, w) => col.set(slot, Array.isArray(w) && w.every(isNumber) ? (w as number[]) : bad(key)),
  };
}

/** Counselor meetings: { at, windowId? } each, always there (maybe empty). Wire: [ms, window + 1 or 0, ...]. */
function meetings(key: string, dict: Dictionary): Field {
  const col = new ListColumn(false);
  const isMeeting = (m: unknown): boolean => {
    if (typeof m !== 'object' || m === null || Array.isArray(m)) return false;
    const { at, windowId } = m as { at?: unknown; windowId?: unknown };
    return !Number.isNaN(canonicalMs(at)) && Object.keys(m).every((k) => k === 'at' || (k === 'windowId' && typeof windowId === 'string'));
  };
  return {
    key,
    required: true,
    reserve: (n) => col.reserve(n),
    fits: (v) => Array.isArray(v) && v.every(isMeeting),
    put: (slot, v) => col.set(slot, (v as { at: string; windowId?: string }[]).flatMap((m) => [canonicalMs(m.at), m.windowId === undefined ? 0 : dict.code(m.windowId)])),
    get: (slot) => {
      const n = col.length(slot);
      if (n < 0) return undefined;
      const out: { at: string; windowId?: string }[] = [];
      for (let i = 0; i < n; i += 2) {
        const w = col.at(slot, i + 1);
        out.push(w === 0 ? { at: isoOf(col.at(slot, i)) } : { at: isoOf(col.at(slot, i)), windowId: dict.value(w) });
      }
      return out;
    },
    toWire: (slot, out) => {
      const n = Math.max(0, col.length(slot));
      const list = new Array<number>(n);
      for (let i = 0; i < n; i += 2) {
        list[i] = col.at(slot, i);
        const w = col.at(slot, i + 1);
        list[i + 1] = w === 0 ? 0 : out.ref(dict.value(w)) + 1;
      }
      return list;
    },
    fromWire: (slot, w, into) => {
      if (!Array.isArray(w) || w.length % 2 !== 0 || !w.every(isNumber)) bad(key);
      const list = (w as number[]).slice();
      for (let i = 1; i < list.length; i += 2) if (list[i] !== 0) list[i] = dict.code(stringOf(list[i]! - 1, into, key));
      col.set(slot, list);
    },
  };
}

/** The columns of each indexed collection, in the order its facts list them (record-facts.ts). */
export function fieldsOf(c: IndexedCollection, people: KeyTable, dict: Dictionary): Field[] {
  switch (c) {
    case 'plans':
      return [date('drafted'), dates('reviews')];
    case 'profiles':
      return [code('role', dict), text('displayName'), code('language', dict), flag('familyReminders'), num('grade'), date('gradeSetAt'), code('gradeSchoolYear', dict), code('graduatedIn', dict)];
    case 'student-links':
      return [keys('counselorKeys', people, true), keys('familyKeys', people, false), code('school', dict)];
    case 'caseloads':
      return [keys('studentKeys', people, true)];
    case 'counselors':
      return [];
    case 'reminders-sent':
      return [code('state', dict), date('sentAt')];
    case 'meetings':
      return [meetings('meetings', dict)];
  }
}
