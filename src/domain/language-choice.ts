/**
 * Which language Waypoint speaks with someone. Their own choice ("español", "english") wins and
 * is kept in their profile. Until they choose, the platform's locale (Slack, Teams) is the start,
 * and what their messages are written in decides: the first clearly Spanish message switches to
 * Spanish and Waypoint says once, in Spanish, how to switch back; a clearly English one switches
 * back while nothing is chosen. Pure: the guess comes from src/features/language/guess-language.ts.
 */
import type { Language } from '../i18n/language.js';

/** How sure a guess is, from 0 (a coin toss) to 1. */
export interface LanguageGuess {
  language: Language;
  sureness: number;
  /** Words in the message. */
  words: number;
}

/** Kept in the session while the person has not chosen. */
export interface SessionLanguage {
  current: Language;
  /** The switch to Spanish was explained ("¿Prefiere español? ..."). */
  told?: boolean;
}

/** A guess below this is ignored: short words shared by both languages ("ok", "no") say nothing. */
export const SURE_ENOUGH = 0.5;
/** Back to English from Spanish only on a message this long: Spanish speakers type "ok" and "yes" too. */
export const WORDS_TO_SWITCH_BACK = 3;

export interface LanguageDecision {
  language: Language;
  session: SessionLanguage | undefined;
  /** Say, in the new language, that Waypoint switched and how to switch back. */
  tellSwitch: boolean;
}

export function chooseLanguage(o: {
  chosen?: Language;
  session?: SessionLanguage;
  locale?: Language;
  guess?: LanguageGuess;
}): LanguageDecision {
  if (o.chosen) return { language: o.chosen, session: o.session, tellSwitch: false };
  const start = o.session?.current ?? o.locale ?? 'en';
  const g = o.guess;
  const usable = g && g.sureness >= SURE_ENOUGH && !(g.language === 'en' && start === 'es' && g.words < WORDS_TO_SWITCH_BACK);
  const guess = usable ? g.language : undefined;
  const language = guess ?? start;
  const tellSwitch = language === 'es' && start !== 'es' && !o.session?.told;
  const session: SessionLanguage = { current: language, ...(o.session?.told || tellSwitch ? { told: true } : {}) };
  return { language, session, tellSwitch };
}

export interface LanguageWords {
  es: string[];
  en: string[];
  toggle: string[];
}

/** Lower case, no accents, no punctuation, single spaces: "¡Español, por favor!" -> "espanol por favor". */
export function plainWords(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9ñ ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "es-MX" -> "es"; a locale of neither language -> undefined. */
export function localeLanguage(locale: string | undefined): Language | undefined {
  const l = locale?.toLowerCase() ?? '';
  return l.startsWith('es') ? 'es' : l.startsWith('en') ? 'en' : undefined;
}

/** "español por favor" -> "es"; "cambiar idioma" -> the other language; anything else -> undefined. */
export function languageAsked(text: string, words: LanguageWords, current: Language): Language | undefined {
  const said = plainWords(text);
  if (!said) return undefined;
  const asked = askedWords(words);
  if (asked.es.has(said)) return 'es';
  if (asked.en.has(said)) return 'en';
  if (asked.toggle.has(said)) return current === 'es' ? 'en' : 'es';
  return undefined;
}

/** Each list's words made plain once, not at every message. */
const plainLists = new WeakMap<LanguageWords, Record<keyof LanguageWords, ReadonlySet<string>>>();

function askedWords(words: LanguageWords): Record<keyof LanguageWords, ReadonlySet<string>> {
  let sets = plainLists.get(words);
  if (!sets) {
    const plain = (list: string[]) => new Set(list.map(plainWords));
    sets = { es: plain(words.es), en: plain(words.en), toggle: plain(words.toggle) };
    plainLists.set(words, sets);
  }
  return sets;
}
