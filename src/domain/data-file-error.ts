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

/** Turns a zod-style issue path into a JSON path such as `$.clusters[3].pathways[0].name`. */
export function jsonPath(path: ReadonlyArray<string | number>): string {
  return '$' + path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
}
