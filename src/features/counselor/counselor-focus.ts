/**
 * What a counselor's next short message may refer to: the last list they saw ("more") and the
 * student they last named ("add note: ..."). Collection "counselor-focus", id = counselor's user
 * key. Small, rewritten on each use.
 */
import type { Store } from '../../store/store.js';

export const COUNSELOR_FOCUS = 'counselor-focus';
/** A student named longer ago than this is not assumed ("add note" asks who). */
export const FOCUS_MINUTES = 30;

export interface CounselorFocus {
  lastList?: { code: string; offset: number };
  studentKey?: string;
  studentAt?: string;
  /** A note waiting for the counselor to say which student it is for. */
  pendingNote?: string;
  updatedAt: string;
}

export async function readFocus(store: Store, counselorKey: string): Promise<CounselorFocus | undefined> {
  return store.get<CounselorFocus>(COUNSELOR_FOCUS, counselorKey);
}

export async function updateFocus(store: Store, counselorKey: string, now: Date, change: Partial<CounselorFocus>): Promise<void> {
  const before = (await readFocus(store, counselorKey)) ?? { updatedAt: now.toISOString() };
  const next: CounselorFocus = { ...before, ...change, updatedAt: now.toISOString() };
  for (const k of Object.keys(change) as (keyof CounselorFocus)[]) if (change[k] === undefined) delete next[k];
  await store.put<CounselorFocus>(COUNSELOR_FOCUS, counselorKey, next);
}

/** The student named in the last FOCUS_MINUTES, if any. */
export function focusedStudent(focus: CounselorFocus | undefined, now: Date): string | undefined {
  if (!focus?.studentKey || !focus.studentAt) return undefined;
  return now.getTime() - Date.parse(focus.studentAt) <= FOCUS_MINUTES * 60_000 ? focus.studentKey : undefined;
}
