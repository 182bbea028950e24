/**
 * Framework names and descriptions in the turn's language. The names of paths, clusters and
 * pathways are facts: in English they are exactly the state's; in Spanish a family sees our Spanish
 * name with the official English name beside it ("Ciencias de la Salud (Health Science)"), because
 * the English one is what they will see at school. Descriptions and example jobs are our own words,
 * in data/es/frameworks/<framework>.json. Anything without a Spanish entry is said in English.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { currentLanguage } from './language.js';
import { MESSAGES_DIR } from './load-catalogs.js';

export type FrameworkPart = 'path' | 'cluster' | 'pathway';

interface SpanishEntry {
  name?: string;
  nickname?: string;
  description?: string;
  exampleOccupations?: string[];
}

/** data/es/frameworks/missouri.json: { "path": { id: entry }, "cluster": {...}, "pathway": {...} } */
type SpanishFramework = Partial<Record<FrameworkPart, Record<string, SpanishEntry>>>;

const FILE = path.join(MESSAGES_DIR, '..', 'es', 'frameworks', 'missouri.json');
let spanish: SpanishFramework | undefined;

function spanishFramework(): SpanishFramework {
  if (spanish) return spanish;
  if (!existsSync(FILE)) return (spanish = {});
  try {
    spanish = JSON.parse(readFileSync(FILE, 'utf8')) as SpanishFramework;
  } catch (err) {
    throw new Error(`${FILE}: not valid JSON (${(err as Error).message})`);
  }
  return spanish;
}

function entry(part: FrameworkPart, id: string): SpanishEntry | undefined {
  return currentLanguage() === 'es' ? spanishFramework()[part]?.[id] : undefined;
}

/** "Health Science", or in Spanish "Ciencias de la Salud (Health Science)". */
export function frameworkName(part: FrameworkPart, id: string, official: string): string {
  const es = entry(part, id)?.name;
  return es ? `${es} (${official})` : official;
}

/** A path's nickname ("Creative Path"), in the turn's language. */
export function pathNickname(id: string, official: string): string {
  return entry('path', id)?.nickname ?? official;
}

/** Our own description of a path, cluster or pathway, in the turn's language. */
export function frameworkDescription(part: FrameworkPart, id: string, english: string): string {
  return entry(part, id)?.description ?? english;
}

/** A pathway's example jobs, in the turn's language. */
export function exampleJobs(pathwayId: string, english: string[]): string[] {
  const es = entry('pathway', pathwayId)?.exampleOccupations;
  return es && es.length > 0 ? es : english;
}
