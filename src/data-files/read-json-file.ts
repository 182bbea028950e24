import { readFile } from 'node:fs/promises';

/** A data file that is missing, unreadable or not the shape it should be. Names the file and field. */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'DataFileError';
  }
}

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

/**
 * Turns a zod-style issue path into a JSON path such as `$.clusters[3].pathways[0].name`.
 */
export function jsonPath(path: ReadonlyArray<string | number>): string {
  return '$' + path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
}
