/**
 * A day for people to read, in the turn's language: "Dec 6, 2026" in English, "6 de diciembre de
 * 2026" in Spanish. Chat and printed plans say days this way; files for spreadsheets (CSV) keep the
 * ISO form ("2026-12-06"). The day is the UTC day of the time, as it is stored.
 */
import { currentLanguage, type Language } from './language.js';

// One formatter per language: building one per call is slow.
const FORMATS: Record<Language, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' }),
  es: new Intl.DateTimeFormat('es-US', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** "2026-12-06T15:00:00Z" or "2026-12-06" -> "Dec 6, 2026" / "6 de diciembre de 2026"; text that is not a day stays as it is. */
export function dateWords(iso: string, language: Language = currentLanguage()): string {
  const day = iso.slice(0, 10);
  const date = new Date(`${day}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(date.getTime()) ? FORMATS[language].format(date) : iso;
}
