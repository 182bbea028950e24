/**
 * The school year around a moment: when it started and ends, and its review windows as instants
 * in the policy's time zone. A window runs from local midnight on its first day to local midnight
 * after its last day.
 */
import { addDays, compareMonthDay, isoDate, localParts, zonedInstant, type LocalDate } from './local-time.js';
import type { MonthDay, ReviewPolicy } from './review-policy.js';

export interface ReviewWindow {
  /** "2025-26-fall": unique across years, used in reminder keys. */
  id: string;
  /** "fall" */
  label: string;
  /** First and last local day, "2025-09-15" and "2025-11-15". */
  firstDay: string;
  lastDay: string;
  /** Instants (ms): opens at local midnight of firstDay, ends at local midnight after lastDay. */
  opensAt: number;
  endsAt: number;
}

export interface SchoolCalendar {
  /** "2025-26" */
  schoolYear: string;
  startsAt: number;
  endsAt: number;
  previousYearStartsAt: number;
  windows: ReviewWindow[];
  /** The local date at `now`. */
  today: LocalDate;
}

function dateInSchoolYear(md: MonthDay, startYear: number, start: MonthDay): LocalDate {
  const year = compareMonthDay(md, start) >= 0 ? startYear : startYear + 1;
  return { year, month: md.month, day: md.day };
}

function buildCalendar(policy: ReviewPolicy, now: number): SchoolCalendar {
  const tz = policy.timeZone;
  const today = localParts(now, tz);
  const start = policy.schoolYearStarts;
  const startYear = compareMonthDay(today, start) >= 0 ? today.year : today.year - 1;
  const startOf = (y: number) => zonedInstant({ year: y, month: start.month, day: start.day }, 0, tz);
  const label = `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
  return {
    schoolYear: label,
    startsAt: startOf(startYear),
    endsAt: startOf(startYear + 1),
    previousYearStartsAt: startOf(startYear - 1),
    today: { year: today.year, month: today.month, day: today.day },
    windows: policy.windows.map((w) => {
      const first = dateInSchoolYear(w.opens, startYear, start);
      const last = dateInSchoolYear(w.closes, startYear, start);
      return {
        id: `${label}-${w.id}`,
        label: w.label,
        firstDay: isoDate(first),
        lastDay: isoDate(last),
        opensAt: zonedInstant(first, 0, tz),
        endsAt: zonedInstant(addDays(last, 1), 0, tz),
      };
    }),
  };
}

let last: { policy: ReviewPolicy; now: number; calendar: SchoolCalendar } | undefined;

/** The school calendar at `now` (remembered for the last policy and moment, so sweeps stay fast). */
export function schoolCalendar(policy: ReviewPolicy, now: Date | number): SchoolCalendar {
  const t = typeof now === 'number' ? now : now.getTime();
  if (last && last.policy === policy && last.now === t) return last.calendar;
  const calendar = buildCalendar(policy, t);
  last = { policy, now: t, calendar };
  return calendar;
}
