/**
 * Caseload rows kept between turns, so a counselor with 400 students gets numbers, lists and
 * searches without reading 400 students' files each time. Only with a store that keeps the facts
 * index (IndexedStore, as the app runs): a row is reused while the index shows the same profile,
 * plan, links and meeting facts for that student (any write to those replaces them, in this
 * process or another), in the same review window and day, for at most MAX_AGE_MS (what the index
 * does not hold: when they last chatted, the last counselor reminder, which this process also
 * forgets on write). Other stores (memory, in tests) read every row every time.
 */
import type { FrameworkIndex } from '../../domain/framework-index.js';
import { windowForMeeting } from '../../domain/meetings.js';
import { schoolCalendar, type ReviewPolicy } from '../../domain/reminders/index.js';
import type { IndexedFacts } from '../../store/facts-fold.js';
import type { Store } from '../../store/store.js';
import { studentRows, type StudentRow } from './caseload-rows.js';

export const MAX_AGE_MS = 5 * 60 * 1000;
const MAX_ROWS = 50_000;

interface Entry {
  row: StudentRow;
  refs: unknown[];
  epoch: string;
  at: number;
}

const caches = new WeakMap<object, Map<string, Entry>>();

type WithFacts = Store & { facts(): Promise<IndexedFacts> };
const hasFacts = (s: Store): s is WithFacts => typeof (s as { facts?: unknown }).facts === 'function';

const refsOf = (f: IndexedFacts, key: string): unknown[] => [f.profiles.get(key), f.plans.get(key), f.studentLinks.get(key), f.meetings?.get(key)];

/** Forget a student's row after this process wrote something the index does not show. */
export function forgetRow(store: Store, studentKey: string): void {
  caches.get(store)?.delete(studentKey);
}

/** The rows for these students (in this order), reading only the ones that changed. */
export async function caseloadRows(store: Store, keys: string[], fw: FrameworkIndex, policy: ReviewPolicy, now: Date): Promise<StudentRow[]> {
  if (!hasFacts(store)) return studentRows(store, keys, fw, policy, now);
  const facts = await store.facts();
  const calendar = schoolCalendar(policy, now);
  const open = calendar.windows.find((w) => w.opensAt <= now.getTime() && now.getTime() < w.endsAt)?.id ?? '';
  const epoch = `${calendar.schoolYear}|${windowForMeeting(calendar, now.getTime())?.id ?? ''}|${open}|${calendar.today.year}-${calendar.today.month}-${calendar.today.day}`;
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new Map()));
  const out: (StudentRow | undefined)[] = [];
  const missing: { i: number; key: string; refs: unknown[] }[] = [];
  keys.forEach((key, i) => {
    const refs = refsOf(facts, key);
    const e = cache.get(key);
    const fresh = e && e.epoch === epoch && now.getTime() - e.at <= MAX_AGE_MS && e.at <= now.getTime() && e.refs.every((r, j) => r === refs[j]);
    out.push(fresh ? e.row : undefined);
    if (!fresh) missing.push({ i, key, refs });
  });
  if (missing.length > 0) {
    const rows = await studentRows(store, missing.map((m) => m.key), fw, policy, now);
    if (cache.size + rows.length > MAX_ROWS) cache.clear();
    missing.forEach((m, j) => {
      out[m.i] = rows[j]!;
      cache.set(m.key, { row: rows[j]!, refs: m.refs, epoch, at: now.getTime() });
    });
  }
  return out as StudentRow[];
}
