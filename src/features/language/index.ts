/**
 * Choosing the language of each turn (src/engine/turn-language.ts): the words people type to ask
 * for one (data/language-words.json) and the guess of what a message is written in.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseWithSchema } from '../../data-files/parse-with-schema.js';
import type { LanguageDeps } from '../../engine/turn-language.js';
import { MESSAGES_DIR } from '../../i18n/load-catalogs.js';
import { guessLanguage } from './guess-language.js';
import { languageVocabulary } from './language-vocabulary.js';

export const LANGUAGE_WORDS_FILE = path.join(MESSAGES_DIR, '..', 'language-words.json');

const schema = z.object({
  _about: z.string().optional(),
  es: z.array(z.string().min(1)).min(1),
  en: z.array(z.string().min(1)).min(1),
  toggle: z.array(z.string().min(1)),
});

export function languageFeature(file = LANGUAGE_WORDS_FILE): LanguageDeps {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: not valid JSON (${(err as Error).message})`);
  }
  const words = parseWithSchema(schema, json, file);
  return { words, guess: (text) => guessLanguage(text, languageVocabulary()) };
}
