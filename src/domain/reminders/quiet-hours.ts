/**
 * When messages may go out: not in quiet hours (default 20:00-07:00 local) and not on weekends.
 * A message due at a quiet moment waits for the next allowed moment.
 */
import { addDays, localParts, weekdayOf, zonedInstant } from './local-time.js';
import type { ReviewPolicy } from './review-policy.js';

function inQuietHours(minute: number, policy: ReviewPolicy): boolean {
  const { quietFrom: from, quietTo: to } = policy;
  return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}

/** True when a reminder may be sent at `now`. */
export function isAllowedTime(now: Date, policy: ReviewPolicy): boolean {
  return nextAllowedTime(now, policy).getTime() === now.getTime();
}

/** `now` itself when sending is allowed then; otherwise the first allowed moment after it. */
export function nextAllowedTime(now: Date, policy: ReviewPolicy): Date {
  const tz = policy.timeZone;
  let t = now.getTime();
  for (let guard = 0; guard < 20; guard++) {
    const p = localParts(t, tz);
    const date = { year: p.year, month: p.month, day: p.day };
    const weekend = !policy.sendOnWeekends && (weekdayOf(date) === 0 || weekdayOf(date) === 6);
    const minute = p.hour * 60 + p.minute;
    if (weekend) {
      t = zonedInstant(addDays(date, 1), 0, tz);
    } else if (inQuietHours(minute, policy)) {
      const sameDay = minute < policy.quietTo;
      t = zonedInstant(sameDay ? date : addDays(date, 1), policy.quietTo, tz);
    } else {
      return new Date(t);
    }
  }
  throw new Error('no allowed sending time found: check quietHours and sendOnWeekends in the review policy');
}
