import type { ZodType, ZodTypeDef } from 'zod';
import { DataFileError, jsonPath } from './read-json-file.js';

/**
 * Checks parsed JSON against a zod schema. The first problem becomes a DataFileError naming the
 * file and the JSON path, e.g. `data/occupations/agriculture.json: $.occupations[3].title must not be empty`.
 */
export function parseWithSchema<T>(schema: ZodType<T, ZodTypeDef, unknown>, data: unknown, file: string): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new DataFileError(file, `${jsonPath(issue.path)} ${issue.message}`);
}
