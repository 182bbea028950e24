/**
 * Bytes a plan change writes, for a student with a long history: the whole plan in one record (as
 * before the archive) against the trimmed record plus the archive chunks (src/domain/plan/plan-archive.ts).
 * Counted as lowdb writes a record: pretty-printed JSON. In memory, so no disk noise.
 */
import { applyPlanChange } from '../src/domain/plan/apply-plan-change.js';
import { splitForArchive } from '../src/domain/plan/plan-archive.js';
import { currentPlan } from '../src/domain/plan/plan-history.js';
import type { PlanData } from '../src/domain/plan/plan-data-types.js';
import type { Plan } from '../src/domain/plan/plan-types.js';
import { parsePlanChange } from '../src/domain/plan/parse-plan-change.js';

const bytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value, null, 2));
const kb = (n: number): string => `${(n / 1024).toFixed(0)} KB`;

/** One more version: FFA in 10th added or removed, in turn. */
function change(plan: Plan, data: PlanData): Plan {
  const has = currentPlan(plan).grades.some((g) => g.rows.activities.some((i) => i.name === 'FFA'));
  const r = applyPlanChange(plan, parsePlanChange(has ? 'remove FFA' : 'add FFA in 10th')!, { now: '2026-09-01T15:00:00.000Z', by: 'bench', data });
  if (!r.ok) throw new Error(r.reason);
  return r.plan;
}

export function planWriteBytes(draft: Plan, data: PlanData, versions = 202, next = 100): Record<string, string> {
  let whole = draft;
  while (whole.versions.length < versions) whole = change(whole, data);
  const before = bytes(whole);

  // The first save of a record kept whole: every full chunk moves out, once.
  const first = splitForArchive(change(whole, data));
  const firstBytes = bytes(first.record) + first.chunks.reduce((n, c) => n + bytes(c), 0);

  // Then each change writes the record, and a chunk every 20 changes.
  let record = first.record;
  const perChange: number[] = [];
  for (let i = 0; i < next; i++) {
    const split = splitForArchive(change(record, data));
    record = split.record;
    perChange.push(bytes(record) + split.chunks.reduce((n, c) => n + bytes(c), 0));
  }
  const mean = perChange.reduce((a, b) => a + b, 0) / perChange.length;
  return {
    [`bytes written per change at ${versions} versions, whole plan in one record (before)`]: kb(before),
    [`bytes written per change after ${versions} versions, record + archive chunks, mean of next ${next}`]: kb(mean),
    [`bytes written per change after ${versions} versions, largest (a change that also writes a chunk)`]: kb(Math.max(...perChange)),
    [`first save of a ${versions}-version record kept whole (moves ${first.chunks.length} chunks out, once)`]: kb(firstBytes),
  };
}
