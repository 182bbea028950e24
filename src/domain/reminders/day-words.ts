/**
 * Days and review windows in the words of the language being spoken: "Nov 15" and "fall" in
 * English, "15 de noviembre" and "otoño" in Spanish. Window names the catalogs do not know are
 * said as the policy file writes them.
 */
import { currentLanguage } from '../../i18n/language.js';
import { t } from '../../i18n/t.js';
import type { ReviewWindow } from './school-calendar.js';

// One formatter per language: toLocaleDateString builds a new one per call, which was a sixth of
// an opening-day sweep's time.
const SHORT_DATE = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const SPANISH_DATE = new Intl.DateTimeFormat('es-US', { month: 'long', day: 'numeric', timeZone: 'UTC' });

const utcDay = (isoDay: string): Date => {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
};

/** "Nov 15" from "2025-11-15", whatever the language. */
export function shortDate(isoDay: string): string {
  return SHORT_DATE.format(utcDay(isoDay));
}

/** "Nov 15" from "2025-11-15"; "15 de noviembre" in Spanish. */
export function dayWords(isoDay: string): string {
  return currentLanguage() === 'es' ? SPANISH_DATE.format(utcDay(isoDay)) : shortDate(isoDay);
}

const SEASONS = new Set(['fall', 'spring', 'winter', 'summer']);

/** A window's name: "fall", "otoño". */
export function seasonWords(w: Pick<ReviewWindow, 'label'>): string {
  return SEASONS.has(w.label) ? t(`due.season.${w.label}`) : w.label;
}
