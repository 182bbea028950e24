/**
 * The plan data's own words (goal ideas, postsecondary options from data/plans/clusters/*.json) in
 * the turn's language. A plan keeps them in English (what it was drafted with); they are said and
 * printed from data/es/plans/phrases.json ({ "phrases": { English: Spanish } }) in a Spanish turn.
 * A phrase without an entry (a district's own, a goal the student typed) is said as it is.
 * Course, activity and organization names stay as the school's course catalog calls them.
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
