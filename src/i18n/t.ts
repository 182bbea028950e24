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
/** The English catalog's keys (plural forms under their base key too), to tell a missing key at once. */
let englishKeys: Set<string> | undefined;
/**
 * Texts already made, by language, key and parameters: most turns say the same few texts, and a
 * lookup in i18next costs about ten microseconds. Emptied when it grows past MEMO_LIMIT.
 */
const memo = new Map<string, string>();
const MEMO_LIMIT = 20_000;
let lookups = 0;

/** How many texts have been looked up since start (the catalog bench reads it). */
export function lookupCount(): number {
  return lookups;
}

function keysOf(tree: unknown, prefix: string, into: Set<string>): Set<string> {
  if (tree && typeof tree === 'object') {
    for (const [k, v] of Object.entries(tree)) keysOf(v, prefix ? `${prefix}.${k}` : k, into);
  } else {
    into.add(prefix);
    into.add(prefix.replace(/_(zero|one|two|few|many|other)$/, ''));
  }
  return into;
}

function words(): i18n {
  if (instance) return instance;
  const catalogs = loadCatalogs();
  englishKeys = keysOf(catalogs[DEFAULT_LANGUAGE], '', new Set());
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
  lookups++;
  if (!englishKeys!.has(key)) throw new Error(`no message "${key}" in the English catalog (data/messages/en)`);
  const id = params ? `${language}\u0000${key}\u0000${JSON.stringify(params)}` : `${language}\u0000${key}`;
  const known = memo.get(id);
  if (known !== undefined) return known;
  const made = w.t(key, { lng: language, ...params } as Record<string, unknown>) as string;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(id, made);
  return made;
}

/** The text at `key` in the language of the turn being handled. */
export function t(key: string, params?: Params): string {
  return translate(currentLanguage(), key, params);
}

/**
 * How Waypoint addresses someone: a student informally, anyone else formally. Only Spanish makes
 * the difference ("¿Quieres...?" / "¿Quiere...?"): i18next reads `key_formal` where the Spanish
 * catalog has one, and the plain key everywhere else. Spread into a message's parameters.
 */
export function addressing(student: boolean): Params {
  return student ? {} : { context: 'formal' };
}

/** A translator for one language, whatever turn is running (reminders, notices, exports). */
export function tIn(language: Language): Translate {
  return (key, params) => translate(language, key, params);
}
