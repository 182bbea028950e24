/**
 * Every word Waypoint says comes through `t(key, params)`: the text at `key` in the catalog of the
 * turn's language (src/i18n/language.ts), with {{placeholders}} filled and plurals chosen by
 * i18next (`key_one` / `key_other`, from the `count` parameter, by each language's plural rules).
 * A key missing in a language falls back to English; a key missing in English is a bug, so it
 * throws. `tIn(language)` is for words said to someone else (a reminder in the recipient's language).
 */
import i18next, { type i18n } from 'i18next';
import { currentLanguage, DEFAULT_LANGUAGE, LANGUAGES, type Language } from './language.js';
import { loadCatalogs } from './load-catalogs.js';

export type Params = Record<string, string | number>;
export type Translate = (key: string, params?: Params) => string;

let instance: i18n | undefined;

function words(): i18n {
  if (instance) return instance;
  const catalogs = loadCatalogs();
  const made = i18next.createInstance();
  void made.init({
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    resources: Object.fromEntries(LANGUAGES.map((l) => [l, { translation: catalogs[l] }])),
    initAsync: false,
    // Our texts go to chat platforms and PDFs, not HTML: each renderer escapes for its platform.
    interpolation: { escapeValue: false },
    returnNull: false,
    returnEmptyString: false,
  });
  instance = made;
  return made;
}

function translate(language: Language, key: string, params?: Params): string {
  const w = words();
  if (!w.exists(key, { lng: DEFAULT_LANGUAGE }) && !w.exists(`${key}_other`, { lng: DEFAULT_LANGUAGE })) {
    throw new Error(`no message "${key}" in the English catalog (data/messages/en)`);
  }
  return w.t(key, { lng: language, ...params } as Record<string, unknown>) as string;
}

/** The text at `key` in the language of the turn being handled. */
export function t(key: string, params?: Params): string {
  return translate(currentLanguage(), key, params);
}

/** A translator for one language, whatever turn is running (reminders, notices, exports). */
export function tIn(language: Language): Translate {
  return (key, params) => translate(language, key, params);
}
