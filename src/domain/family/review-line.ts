/**
 * The next plan review or counselor meeting, in one sentence or two, from the review status the
 * reminders use (src/domain/reminders). Words: data/messages/<language>/due.json ("due.review.*").
 */
import { t } from '../../i18n/t.js';
import { currentLanguage } from '../../i18n/language.js';
import type { ReviewStatus } from '../reminders/index.js';
import { shortDate } from '../reminders/reminder-messages.js';
import type { ReviewWindow } from '../reminders/school-calendar.js';
import { byAudience, type Voice } from './voice.js';

// One formatter per language (building one per call is slow): "15 de noviembre".
const SPANISH_DATE = new Intl.DateTimeFormat('es-US', { month: 'long', day: 'numeric', timeZone: 'UTC' });

/** "Nov 15" from "2025-11-15"; "15 de noviembre" in Spanish. */
export function dayName(isoDay: string): string {
  if (currentLanguage() !== 'es') return shortDate(isoDay);
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  return SPANISH_DATE.format(new Date(Date.UTC(y, m - 1, d)));
}

/** Review windows named in the policy file whose names the catalogs hold ("fall" -> "otoño"). */
const SEASONS = new Set(['fall', 'spring', 'winter', 'summer']);

/** A window's name in the turn's language; a name the catalogs do not know is said as written. */
export function seasonName(w: ReviewWindow): string {
  return SEASONS.has(w.label) ? t(`due.season.${w.label}`) : w.label;
}

/** The window's name and dates, for sentences that carry {{season}}, {{from}}, {{to}}. */
export function windowParams(w: ReviewWindow): { season: string; from: string; to: string } {
  return { season: seasonName(w), from: dayName(w.firstDay), to: dayName(w.lastDay) };
}

function nextMeeting(status: ReviewStatus, voice: Voice): string {
  const w = status.nextWindow;
  return w ? t(byAudience('due.review.next', voice), windowParams(w)) : t(byAudience('due.review.nextYear', voice));
}

/** What to say about reviews and counselor meetings, or undefined when there is nothing to say. */
export function reviewLine(status: ReviewStatus | undefined, voice: Voice): string | undefined {
  if (!status) return undefined;
  const who = { name: voice.name, Name: voice.Name };
  switch (status.state) {
    case 'no-plan': {
      const open = status.openWindow;
      if (open) return t(byAudience('due.review.openNoPlan', voice), { until: dayName(open.lastDay) });
      return nextMeeting(status, voice);
    }
    case 'due': {
      const open = status.openWindow!;
      return t(byAudience('due.review.due', voice), { ...who, season: seasonName(open), until: dayName(open.lastDay) });
    }
    case 'reviewed': {
      const open = status.openWindow!;
      return `${t(byAudience('due.review.reviewed', voice), { ...who, season: seasonName(open) })} ${nextMeeting(status, voice)}`;
    }
    case 'overdue':
      return t(byAudience('due.review.overdue', voice), who);
    case 'up-to-date':
      return nextMeeting(status, voice);
  }
}
