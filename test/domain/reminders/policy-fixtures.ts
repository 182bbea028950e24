/** Shared test helpers: the default policy, local clock times, and plans with given dates. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseReviewPolicy, zonedInstant, type PlanReviewDates, type ReviewPolicy } from '../../../src/domain/reminders/index.js';

export const POLICY_FILE = path.resolve('data/review-policy.json');

export function policy(timeZone = 'America/Chicago', overrides: Record<string, unknown> = {}): ReviewPolicy {
  const raw = { ...JSON.parse(readFileSync(POLICY_FILE, 'utf8')), ...overrides };
  return parseReviewPolicy(raw, POLICY_FILE, timeZone);
}

/** "2025-09-15 07:00" (or with ":ss") wall-clock time in `timeZone`, as a Date. */
export function local(when: string, timeZone = 'America/Chicago'): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?$/.exec(when);
  if (!m) throw new Error(`bad test time ${when}`);
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  return new Date(zonedInstant({ year: y!, month: mo!, day: d! }, h! * 60 + mi!, timeZone) + (s || 0) * 1000);
}

/** A plan drafted at `drafted` with reviews at `reviews` (local Chicago times or ISO). */
export function planAt(drafted: string, ...reviews: string[]): PlanReviewDates {
  const iso = (t: string) => (t.includes('T') ? t : local(t).toISOString());
  return { versions: [{ at: iso(drafted) }], reviews: reviews.map((r) => ({ at: iso(r) })) };
}
