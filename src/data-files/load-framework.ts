/**
 * Loads the career framework named by configuration (default data/frameworks/missouri.json) and
 * builds its lookup index. Any other state's file with the same shape loads the same way.
 */
import path from 'node:path';
import { PROJECT_DIR } from '../config.js';
import { readJsonFile } from './read-json-file.js';
import { parseFramework } from '../domain/parse-framework.js';
import { FrameworkIndex } from '../domain/framework-index.js';

/** data/frameworks/missouri.json in this checkout, wherever the process was started from. */
export const DEFAULT_FRAMEWORK_FILE = path.join(PROJECT_DIR, 'data', 'frameworks', 'missouri.json');

/**
 * Reads, validates and indexes a framework file.
 * @throws DataFileError naming the file (and the JSON path) when it is missing, not JSON or not valid.
 */
export async function loadFramework(file: string = DEFAULT_FRAMEWORK_FILE): Promise<FrameworkIndex> {
  const json = await readJsonFile(file);
  return new FrameworkIndex(parseFramework(json, file));
}
