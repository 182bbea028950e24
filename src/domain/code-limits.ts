/**
 * Limits on guessing codes. Per user: 10 wrong codes in an hour pause that user's code entry for an
 * hour; 30 in a day pause it for a day. For everyone together: 500 wrong
 * codes in an hour (many accounts guessing at once) pause all code entry for 15 minutes. A code that
 * works never takes a wrong one off the count. Pure: the caller stores the records.
 */
import type { CodeAttempts } from './codes.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface CodeLimit {
  /** Which limit was reached (the answer and the audit say it). */
  name: 'hour' | 'day';
  max: number;
  windowMs: number;
  lockMs: number;
}

export const USER_CODE_LIMITS: readonly CodeLimit[] = [
  { name: 'hour', max: 10, windowMs: HOUR, lockMs: HOUR },
  { name: 'day', max: 30, windowMs: DAY, lockMs: DAY },
];

/** Wrong codes from everyone together in GLOBAL_WINDOW_MS that pause all code entry for GLOBAL_LOCK_MS. */
export const GLOBAL_MAX_WRONG = 500;
export const GLOBAL_WINDOW_MS = HOUR;
export const GLOBAL_LOCK_MS = 15 * MINUTE;
/** Id of the everyone-together record in "code-attempts" (user keys always hold a colon). */
export const EVERYONE = 'everyone';

/** Whether code entry is locked for this user at `now`. */
export function isLocked(attempts: { lockedUntil?: string } | undefined, now: Date): boolean {
  return attempts?.lockedUntil !== undefined && now.getTime() < Date.parse(attempts.lockedUntil);
}

export function minutesLeft(attempts: { lockedUntil?: string }, now: Date): number {
  return Math.max(1, Math.ceil((Date.parse(attempts.lockedUntil!) - now.getTime()) / MINUTE));
}

/**
 * Records one wrong code for a user. Keeps the last day's; when a limit is reached, code entry is
 * paused for its lock time from now (`locked` names the limit when it was reached just now, for the
 * answer and the audit). A day's limit is also an hour's, so it is checked first.
 */
export function recordWrongCode(
  attempts: CodeAttempts | undefined,
  userKey: string,
  now: Date,
): { attempts: CodeAttempts; locked?: CodeLimit['name'] } {
  const t = now.getTime();
  const wrong = [...(attempts?.wrong ?? []).filter((at) => t - Date.parse(at) < DAY), now.toISOString()];
  for (const limit of [...USER_CODE_LIMITS].sort((a, b) => b.lockMs - a.lockMs)) {
    if (wrong.filter((at) => t - Date.parse(at) < limit.windowMs).length < limit.max) continue;
    // The day's wrong codes are forgotten once its lock is served; the hour's fall out by themselves.
    const kept = limit.name === 'day' ? [] : wrong;
    return { attempts: { userKey, wrong: kept, lockedUntil: new Date(t + limit.lockMs).toISOString() }, locked: limit.name };
  }
  return { attempts: { userKey, wrong } };
}

/** Collection "code-attempts", id EVERYONE: wrong codes from everyone, counted per minute. */
export interface EveryoneAttempts {
  userKey: typeof EVERYONE;
  /** [minute start ISO, wrong codes in that minute], oldest first, only the last GLOBAL_WINDOW_MS. */
  perMinute: [string, number][];
  lockedUntil?: string;
}

/** Counts one wrong code from anyone; reaching GLOBAL_MAX_WRONG in the window pauses all code entry. */
export function recordWrongCodeForEveryone(record: EveryoneAttempts | undefined, now: Date): { record: EveryoneAttempts; paused: boolean } {
  const t = now.getTime();
  const minute = new Date(Math.floor(t / MINUTE) * MINUTE).toISOString();
  const perMinute = (record?.perMinute ?? []).filter(([at]) => t - Date.parse(at) < GLOBAL_WINDOW_MS).map(([at, n]) => [at, n] as [string, number]);
  const last = perMinute[perMinute.length - 1];
  if (last && last[0] === minute) last[1] += 1;
  else perMinute.push([minute, 1]);
  const total = perMinute.reduce((sum, [, n]) => sum + n, 0);
  if (total >= GLOBAL_MAX_WRONG && !isLocked(record, now)) {
    return { record: { userKey: EVERYONE, perMinute: [], lockedUntil: new Date(t + GLOBAL_LOCK_MS).toISOString() }, paused: true };
  }
  return { record: { userKey: EVERYONE, perMinute, ...(record?.lockedUntil ? { lockedUntil: record.lockedUntil } : {}) }, paused: false };
}
