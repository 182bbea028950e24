/**
 * The words of each language, from what we wrote in it: every catalog text (data/messages/<lang>)
 * and, where present, the understanding corpus (data/understanding/corpus-<lang>.json). Read once.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Language } from '../../i18n/language.js';
import { flattenCatalog, loadCatalogs, MESSAGES_DIR } from '../../i18n/load-catalogs.js';
import { buildVocabulary, type Vocabulary } from './guess-language.js';

const UNDERSTANDING_DIR = path.join(MESSAGES_DIR, '..', 'understanding');

function corpusTexts(language: Language): string[] {
  const file = path.join(UNDERSTANDING_DIR, `corpus-${language}.json`);
  if (!existsSync(file)) return [];
  const corpus = JSON.parse(readFileSync(file, 'utf8')) as { intents?: Record<string, string[]> };
  return Object.values(corpus.intents ?? {}).flat();
}

let vocabulary: Vocabulary | undefined;

export function languageVocabulary(): Vocabulary {
  if (vocabulary) return vocabulary;
  const catalogs = loadCatalogs();
  const catalogTexts = (l: Language) => [...flattenCatalog(catalogs[l]).values()].map((t) => t.replace(/\{\{\w+\}\}/g, ' '));
  vocabulary = buildVocabulary({ english: [...catalogTexts('en'), ...corpusTexts('en')], spanish: [...catalogTexts('es'), ...corpusTexts('es')] });
  return vocabulary;
}
