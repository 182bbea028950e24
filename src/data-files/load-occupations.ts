/**
 * Loads the occupation data the matcher is built from:
 * - data/occupations.json (the built-in index): it lists its parts, one file per cluster in
 *   data/occupations/; a .json file in a part's folder that the index does not list is an error,
 *   so no occupations are dropped without anyone noticing,
 * - data/pathway-keywords.json (our own words per pathway), when present,
 * - data/ambiguous-words.json (words to ask about, like "doctor"), when present,
 * - data/title-words.json (the last words of job titles and their pathways), when present,
 * - data/generated/onet-index.json (made by `npm run import:onet`), when present.
 * A file that is there but broken stops with a DataFileError naming the file and JSON path.
 */
import { access, readdir } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_DIR } from '../config.js';
import { DataFileError, readJsonFile } from './read-json-file.js';
import { parseWithSchema } from './parse-with-schema.js';
import {
  ambiguousWordsSchema,
  occupationFileSchema,
  occupationIndexSchema,
  onetIndexSchema,
  pathwayKeywordsSchema,
  titleWordsSchema,
} from '../domain/occupations/occupation-schemas.js';
import { parseInterestItems } from '../domain/interest-items.js';
import type {
  AmbiguousWords,
  InterestPhrase,
  Occupation,
  OccupationData,
  OccupationFile,
  OnetIndex,
  PathwayKeywordMap,
  TitleWords,
} from '../domain/occupations/occupation-types.js';

export const DATA_DIR = path.join(PROJECT_DIR, 'data');
export const OCCUPATION_INDEX_FILE = path.join(DATA_DIR, 'occupations.json');
export const ONET_INDEX_FILE = path.join(DATA_DIR, 'generated', 'onet-index.json');

export interface LoadOccupationOptions {
  /** The built-in index listing its parts; default data/occupations.json. */
  occupationIndex?: string;
  /** default data/pathway-keywords.json; skipped when missing. */
  keywordsFile?: string;
  /** default data/ambiguous-words.json; skipped when missing; false = do not load. */
  ambiguousWordsFile?: string | false;
  /** default data/title-words.json; skipped when missing; false = do not load. */
  titleWordsFile?: string | false;
  /** default data/interest-items.json; skipped when missing; false = do not load. */
  interestItemsFile?: string | false;
  /** Cluster ids to check interest items against (default: any). */
  clusterIds?: ReadonlySet<string>;
  /** default data/generated/onet-index.json; false = do not load O*NET even when present. */
  onetFile?: string | false;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

export async function readOccupationFile(file: string): Promise<OccupationFile> {
  return parseWithSchema(occupationFileSchema, await readJsonFile(file), file);
}

/** The part files of the index (absolute paths, in the index's order); [] when there is no index yet. */
export async function occupationParts(indexFile = OCCUPATION_INDEX_FILE): Promise<string[]> {
  if (!(await exists(indexFile))) return [];
  const index = parseWithSchema(occupationIndexSchema, await readJsonFile(indexFile), indexFile);
  const base = path.dirname(indexFile);
  const parts = index.parts.map((p) => path.resolve(base, p));
  const listed = new Set(parts);
  if (listed.size !== parts.length) throw new DataFileError(indexFile, '$.parts lists a file twice');
  for (const folder of new Set(parts.map((p) => path.dirname(p)))) {
    let names: string[];
    try {
      names = await readdir(folder);
    } catch (err) {
      throw new DataFileError(indexFile, `$.parts: folder ${folder} cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    }
    const unlisted = names.filter((n) => n.endsWith('.json') && !listed.has(path.join(folder, n))).sort();
    if (unlisted.length > 0) {
      throw new DataFileError(indexFile, `$.parts does not list ${unlisted.map((n) => path.join(path.relative(base, folder), n)).join(', ')}`);
    }
  }
  return parts;
}

/** Reads every part the index lists; ids must be unique across parts. */
export async function loadBuiltInOccupations(indexFile = OCCUPATION_INDEX_FILE): Promise<Occupation[]> {
  const all: Occupation[] = [];
  const owner = new Map<string, string>();
  for (const file of await occupationParts(indexFile)) {
    const name = path.basename(file);
    const parsed = await readOccupationFile(file);
    parsed.occupations.forEach((occ, i) => {
      const first = owner.get(occ.id);
      if (first !== undefined) {
        throw new DataFileError(file, `$.occupations[${i}].id "${occ.id}" is already used in ${first}`);
      }
      owner.set(occ.id, name);
      all.push(occ);
    });
  }
  return all;
}

export async function loadPathwayKeywords(file = path.join(DATA_DIR, 'pathway-keywords.json')): Promise<PathwayKeywordMap> {
  if (!(await exists(file))) return {};
  return parseWithSchema(pathwayKeywordsSchema, await readJsonFile(file), file);
}

export async function loadAmbiguousWords(file = path.join(DATA_DIR, 'ambiguous-words.json')): Promise<AmbiguousWords> {
  if (!(await exists(file))) return {};
  return parseWithSchema(ambiguousWordsSchema, await readJsonFile(file), file).words;
}

export async function loadTitleWords(file = path.join(DATA_DIR, 'title-words.json')): Promise<TitleWords | undefined> {
  if (!(await exists(file))) return undefined;
  const { heads, endings, notDoers, wordParts, abbreviations } = parseWithSchema(titleWordsSchema, await readJsonFile(file), file);
  return { heads, endings, notDoers, wordParts, abbreviations };
}

export async function loadOnetIndex(file = ONET_INDEX_FILE): Promise<OnetIndex | undefined> {
  if (!(await exists(file))) return undefined;
  return parseWithSchema(onetIndexSchema, await readJsonFile(file), file);
}

/** The phrases of the interest questions (items and pick options) with their clusters. */
export async function loadInterestPhrases(
  file = path.join(DATA_DIR, 'interest-items.json'),
  clusterIds?: ReadonlySet<string>,
): Promise<InterestPhrase[]> {
  if (!(await exists(file))) return [];
  const json = await readJsonFile(file);
  const ids = clusterIds ?? new Set(anyClusterIds(json));
  const out: InterestPhrase[] = [];
  for (const item of parseInterestItems(json, file, ids)) {
    if (item.phrase !== '' && item.clusterIds.length > 0) out.push({ phrase: item.phrase, clusterIds: item.clusterIds });
    for (const o of item.options ?? []) {
      if (o.phrase !== '' && o.clusterIds.length > 0) out.push({ phrase: o.phrase, clusterIds: o.clusterIds });
    }
  }
  return out;
}

/** Every cluster id the file mentions (used when the caller gives no framework to check against). */
function anyClusterIds(json: unknown): string[] {
  const ids: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null) {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'clusterIds' && Array.isArray(x)) ids.push(...x.filter((s): s is string => typeof s === 'string'));
        else walk(x);
      }
    }
  };
  walk(json);
  return ids;
}

export async function loadOccupationData(options: LoadOccupationOptions = {}): Promise<OccupationData> {
  const [occupations, keywords, ambiguousWords, interestPhrases, onet, titleWords] = await Promise.all([
    loadBuiltInOccupations(options.occupationIndex),
    loadPathwayKeywords(options.keywordsFile),
    options.ambiguousWordsFile === false ? Promise.resolve({}) : loadAmbiguousWords(options.ambiguousWordsFile),
    options.interestItemsFile === false
      ? Promise.resolve([])
      : loadInterestPhrases(options.interestItemsFile, options.clusterIds),
    options.onetFile === false ? Promise.resolve(undefined) : loadOnetIndex(options.onetFile),
    options.titleWordsFile === false ? Promise.resolve(undefined) : loadTitleWords(options.titleWordsFile),
  ]);
  const data: OccupationData = { occupations, keywords, ambiguousWords, interestPhrases };
  if (onet !== undefined) data.onet = onet;
  if (titleWords !== undefined) data.titleWords = titleWords;
  return data;
}
