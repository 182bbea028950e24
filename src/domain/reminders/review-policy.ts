/**
 * The review reminder policy (data/review-policy.json): when the school year starts, the meeting
 * windows, when the second reminder goes, quiet hours, weekends, time zone, digest day.
 * Pure: parse the JSON you read elsewhere with parseReviewPolicy.
 */
import { z } from 'zod';
import { DataFileError, jsonPath } from '../data-file-error.js';
import { compareMonthDay, isTimeZone } from './local-time.js';

export interface MonthDay {
  month: number;
  day: number;
}

export interface ReviewWindowRule {
  /** Short id used in reminder keys ("fall"). */
  id: string;
  /** Word used in messages ("fall"). */
  label: string;
  opens: MonthDay;
  /** Last day of the window (inclusive). */
  closes: MonthDay;
}

export interface ReviewPolicy {
  schoolYearStarts: MonthDay;
  /** In school-year order, not overlapping. */
  windows: ReviewWindowRule[];
  secondReminderAfterDays: number;
  /** Minutes after local midnight: no messages from `quietFrom` until `quietTo` (may wrap midnight). */
  quietFrom: number;
  quietTo: number;
  sendOnWeekends: boolean;
  timeZone: string;
  /** 0 = Sunday .. 6 = Saturday */
  counselorDigestDay: number;
}

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const monthDay = z
  .string()
  .regex(/^\d{2}-\d{2}$/, 'must be a month and day like "09-15"')
  .transform((s, ctx): MonthDay => {
    const [month, day] = s.split('-').map(Number) as [number, number];
    if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]!) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `is not a day every year has: "${s}"` });
      return z.NEVER;
    }
    return { month, day };
  });

const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time like "20:00"')
  .transform((s) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3)));

const schema = z.object({
  schoolYearStarts: monthDay,
  windows: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes'),
        label: z.string().min(1).max(40),
        opens: monthDay,
        closes: monthDay,
      }),
    )
    .min(1),
  secondReminderAfterDays: z.number().int().min(1).max(120),
  quietHours: z.object({ from: clockTime, to: clockTime }),
  sendOnWeekends: z.boolean(),
  timeZone: z.string().min(1).nullable().optional(),
  counselorDigestDay: z.enum(DAYS),
});

/** Position of a month/day inside a school year that starts on `start` (for ordering). */
export function schoolYearOrdinal(md: MonthDay, start: MonthDay): number {
  return (compareMonthDay(md, start) >= 0 ? 0 : 1300) + md.month * 100 + md.day;
}

/**
 * Checks and converts the policy file. `defaultTimeZone` (WAYPOINT_TIME_ZONE) is used when the
 * file's timeZone is null or missing. Problems become a DataFileError naming the file and JSON path.
 */
export function parseReviewPolicy(data: unknown, file: string, defaultTimeZone: string): ReviewPolicy {
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new DataFileError(file, `${jsonPath(issue.path)} ${issue.message}`);
  }
  const d = result.data;
  const fail = (path: (string | number)[], detail: string): never => {
    throw new DataFileError(file, `${jsonPath(path)} ${detail}`);
  };
  const timeZone = d.timeZone ?? defaultTimeZone;
  if (!isTimeZone(timeZone)) fail(['timeZone'], `is not a time zone name such as America/Chicago: "${timeZone}"`);
  if (d.quietHours.from === d.quietHours.to) fail(['quietHours', 'to'], 'must differ from quietHours.from');

  const ids = new Set<string>();
  let previousClose = -1;
  d.windows.forEach((w, i) => {
    if (ids.has(w.id)) fail(['windows', i, 'id'], `repeats the window id "${w.id}"`);
    ids.add(w.id);
    const opens = schoolYearOrdinal(w.opens, d.schoolYearStarts);
    const closes = schoolYearOrdinal(w.closes, d.schoolYearStarts);
    if (closes < opens) fail(['windows', i, 'closes'], 'must not be before the window opens (in the same school year)');
    if (opens <= previousClose) fail(['windows', i, 'opens'], 'must be after the previous window closes (windows go in school-year order)');
    previousClose = closes;
  });

  return {
    schoolYearStarts: d.schoolYearStarts,
    windows: d.windows,
    secondReminderAfterDays: d.secondReminderAfterDays,
    quietFrom: d.quietHours.from,
    quietTo: d.quietHours.to,
    sendOnWeekends: d.sendOnWeekends,
    timeZone,
    counselorDigestDay: DAYS.indexOf(d.counselorDigestDay),
  };
}
