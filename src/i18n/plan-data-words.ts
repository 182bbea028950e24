/**
 * The plan data's own words (goal ideas, postsecondary options, work-based learning and activities
 * from data/plans/clusters/*.json) in the turn's language. A plan keeps them in English (what it was
 * drafted with); they are said and printed from data/es/plans/phrases.json ({ "phrases": { English:
 * Spanish } }) in a Spanish turn. A phrase without an entry (a district's own, a goal the student
 * typed) is said as it is. Course names and organizations (FFA, HOSA) stay as the school calls them.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { currentLanguage, DEFAULT_LANGUAGE, type Language } from './language.js';
import { MESSAGES_DIR } from './load-catalogs.js';

const loaded = new Map<Language, Record<string, string>>();

function phrases(language: Language): Record<string, string> {
  const have = loaded.get(language);
  if (have) return have;
  const file = path.join(MESSAGES_DIR, '..', language, 'plans', 'phrases.json');
  let table: Record<string, string> = {};
  if (existsSync(file)) {
    try {
      table = (JSON.parse(readFileSync(file, 'utf8')) as { phrases?: Record<string, string> }).phrases ?? {};
    } catch (err) {
      throw new Error(`${file}: not valid JSON (${(err as Error).message})`);
    }
  }
  loaded.set(language, table);
  return table;
}

/** "Associate's degree in horticulture", or in Spanish "Título asociado en horticultura". */
export function dataPhrase(english: string): string {
  const language = currentLanguage();
  if (language === DEFAULT_LANGUAGE) return english;
  return phrases(language)[english] ?? english;
}

/** The rows whose items are the templates' phrases (said in the turn's language), not course names. */
const PHRASE_ROWS: ReadonlySet<string> = new Set(['work-based-learning', 'activities']);

/**
 * What a plan cell shows for one item: a work-based learning step or an activity from the templates
 * in the turn's language ("Acompañar a alguien en su trabajo: un enfermero o un terapeuta"); a
 * course name, and anything the student typed themselves, as it is.
 */
export function planItemName(row: string, item: { name: string; custom?: boolean }): string {
  return PHRASE_ROWS.has(row) && !item.custom ? dataPhrase(item.name) : item.name;
}
