/**
 * Loads data/pay.json: typical pay by SOC code from the BLS wage table, made by
 * `npx tsx scripts/import-pay.ts`. A damaged file stops with a DataFileError naming the file and
 * the JSON path, e.g. `data/pay.json: $.bySoc.29-1131.annual.median Expected number, received string`.
 */
import path from 'node:path';
import { DATA_DIR } from './load-occupations.js';
import { readJsonFile } from './read-json-file.js';
import { parseWithSchema } from './parse-with-schema.js';
import { payTableSchema } from '../domain/occupations/occupation-schemas.js';
import type { PayTable } from '../domain/occupations/typical-pay.js';

export const PAY_FILE = path.join(DATA_DIR, 'pay.json');

export async function loadPay(file = PAY_FILE): Promise<PayTable> {
  return parseWithSchema(payTableSchema, await readJsonFile(file), file);
}
