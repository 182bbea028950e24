/** Reads data/es/interest-items.json (Spanish words of the interest questions, by id). Missing file: none. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_DIR } from '../config.js';
import type { ItemWords, SpanishItemWords } from '../domain/interest-items-es.js';

export const SPANISH_INTEREST_ITEMS_FILE = path.join(PROJECT_DIR, 'data', 'es', 'interest-items.json');

let cached: SpanishItemWords | undefined;

/** Read once for the default file (every engine built in a process shares it). */
export function loadSpanishInterestItems(file = SPANISH_INTEREST_ITEMS_FILE): SpanishItemWords {
  if (file === SPANISH_INTEREST_ITEMS_FILE) return (cached ??= readWords(file));
  return readWords(file);
}

function readWords(file: string): SpanishItemWords {
  if (!existsSync(file)) return new Map();
  let parsed: { items?: ItemWords[] };
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as { items?: ItemWords[] };
  } catch (err) {
    throw new Error(`${file}: not valid JSON (${(err as Error).message})`);
  }
  if (!Array.isArray(parsed.items)) throw new Error(`${file}: "items" must be a list`);
  return new Map(parsed.items.map((i) => [i.id, i]));
}
