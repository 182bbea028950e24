import { readFile } from 'node:fs/promises';
import { DataFileError } from '../domain/data-file-error.js';

export { DataFileError, jsonPath } from '../domain/data-file-error.js';

/** Reads and parses a JSON file; any failure becomes a DataFileError naming the file. */
export async function readJsonFile(file: string): Promise<unknown> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (err) {
    throw new DataFileError(file, `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  try {
    return JSON.parse(raw);
  } catch (err) {
    throw new DataFileError(file, `is not valid JSON (${(err as Error).message})`);
  }
}
