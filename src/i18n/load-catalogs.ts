/**
 * The message catalogs: data/messages/<language>/<area>.json, one file per area of the product
 * ("codes.json" holds the keys "codes.*"). Read once, synchronously, the first time a word is
 * needed. A file that is not valid JSON, or holds something other than text at a key, stops the
 * start with the file's name and the key.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LANGUAGES, type Language } from './language.js';

/** The project folder (the one with package.json), from src/i18n or from the built dist/src/i18n. */
const PROJECT_DIR = ((): string => {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(here, '../..'), path.resolve(here, '../../..')];
  return candidates.find((dir) => existsSync(path.join(dir, 'package.json'))) ?? candidates[0]!;
})();

export const MESSAGES_DIR = path.join(PROJECT_DIR, 'data', 'messages');

/** A catalog tree: nested objects whose leaves are message texts. */
export interface CatalogTree {
  [key: string]: string | CatalogTree;
}

function checkTree(tree: unknown, file: string, at: string): CatalogTree {
  if (typeof tree !== 'object' || tree === null || Array.isArray(tree)) {
    throw new Error(`${file}: ${at || 'the file'} must be an object of message texts`);
  }
  for (const [key, value] of Object.entries(tree)) {
    const where = at ? `${at}.${key}` : key;
    if (typeof value === 'object' && value !== null) checkTree(value, file, where);
    else if (typeof value !== 'string') throw new Error(`${file}: "${where}" must be text`);
  }
  return tree as CatalogTree;
}

/** Every language's catalogs, by area: { en: { codes: {...}, family: {...} }, es: {...} }. */
export function loadCatalogs(dir = MESSAGES_DIR): Record<Language, CatalogTree> {
  const out = {} as Record<Language, CatalogTree>;
  for (const language of LANGUAGES) {
    const tree: CatalogTree = {};
    const folder = path.join(dir, language);
    for (const name of readdirSync(folder).filter((n) => n.endsWith('.json')).sort()) {
      const file = path.join(folder, name);
      let parsed: unknown;
      try {
        parsed = JSON.parse(readFileSync(file, 'utf8'));
      } catch (err) {
        throw new Error(`${file}: not valid JSON (${(err as Error).message})`);
      }
      tree[name.slice(0, -'.json'.length)] = checkTree(parsed, file, '');
    }
    out[language] = tree;
  }
  return out;
}

/** "codes.unknown" -> text, for every leaf of a tree. */
export function flattenCatalog(tree: CatalogTree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const at = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(at, value);
    else for (const [k, v] of flattenCatalog(value, at)) out.set(k, v);
  }
  return out;
}
