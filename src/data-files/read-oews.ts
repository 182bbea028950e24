/**
 * Reads the BLS Occupational Employment and Wage Statistics table (national, all industries; the CSV
 * cut described in ../shared/data/oews/README.md) and turns it into data/pay.json for the SOC codes
 * our occupations use. Run by `npx tsx scripts/import-pay.ts`.
 *
 * Columns used: OCC_CODE, OCC_TITLE, O_GROUP, H_MEDIAN, A_PCT10, A_PCT25, A_MEDIAN, A_PCT75, A_PCT90.
 * Wage cells: numbers with thousands separators; "*" = no estimate (null); "#" = at or above the
 * top of what OEWS publishes ($239,200 a year, $115 an hour), kept as that value and listed in
 * `topCoded`.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { DataFileError } from './read-json-file.js';
import {
  PAY_PERCENTILES,
  TOP_CODED_ANNUAL,
  TOP_CODED_HOURLY,
  type AnnualPay,
  type PayFigures,
  type PayPercentile,
  type PayTable,
  type TopCodedField,
} from '../domain/occupations/typical-pay.js';

export const OEWS_SOURCE =
  'U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2023 (national, all industries)';

const ANNUAL_COLUMNS: Record<PayPercentile, string> = {
  p10: 'A_PCT10',
  p25: 'A_PCT25',
  median: 'A_MEDIAN',
  p75: 'A_PCT75',
  p90: 'A_PCT90',
};
const REQUIRED = ['OCC_CODE', 'OCC_TITLE', 'O_GROUP', 'H_MEDIAN', ...Object.values(ANNUAL_COLUMNS)];

/** The wage figures of one OEWS row, by its OCC_CODE (SOC code, major/minor/broad/detailed alike). */
export type OewsTable = Map<string, PayFigures>;

type Cell = { value: number | null; topCoded: boolean };

function wageCell(raw: string | undefined, cap: number, where: () => string): Cell {
  const text = (raw ?? '').trim();
  if (text === '' || text === '*') return { value: null, topCoded: false };
  if (text === '#') return { value: cap, topCoded: true };
  const value = Number(text.replace(/,/g, ''));
  if (!/^[\d,]+(\.\d+)?$/.test(text) || !Number.isFinite(value) || value <= 0) {
    throw new DataFileError(where(), `"${text}" is not a wage (want a number, "*" or "#")`);
  }
  return { value, topCoded: false };
}

/** Parses the OEWS CSV text; `file` names it in errors ("<file> line 12 A_MEDIAN: ..."). */
export function parseOewsCsv(text: string, file: string): OewsTable {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true, trim: true, info: true }) as typeof records;
  } catch (err) {
    throw new DataFileError(file, `is not valid CSV (${(err as Error).message})`);
  }
  const header = Object.keys(records[0]?.record ?? {});
  for (const column of REQUIRED) {
    if (!header.includes(column)) throw new DataFileError(file, `has no column "${column}" (found: ${header.join(', ')})`);
  }
  const table: OewsTable = new Map();
  const groups = new Map<string, string>();
  for (const { record: row, info } of records) {
    const code = row.OCC_CODE ?? '';
    const at = (column: string) => (): string => `${file} line ${info.lines} ${column}`;
    if (!/^\d{2}-\d{4}$/.test(code)) throw new DataFileError(`${file} line ${info.lines}`, `OCC_CODE "${code}" is not a SOC code`);
    // A code published at both levels (13-1020 is a broad and a detailed occupation) has the same
    // figures twice: keep the detailed row.
    const group = (row.O_GROUP ?? '').trim();
    const seen = groups.get(code);
    if (seen === group) throw new DataFileError(`${file} line ${info.lines}`, `OCC_CODE ${code} appears twice`);
    if (seen !== undefined && group !== 'detailed') continue;
    groups.set(code, group);
    const topCoded: TopCodedField[] = [];
    const annual = {} as AnnualPay;
    for (const p of PAY_PERCENTILES) {
      const cell = wageCell(row[ANNUAL_COLUMNS[p]], TOP_CODED_ANNUAL, at(ANNUAL_COLUMNS[p]));
      annual[p] = cell.value;
      if (cell.topCoded) topCoded.push(`annual.${p}`);
    }
    const hourly = wageCell(row.H_MEDIAN, TOP_CODED_HOURLY, at('H_MEDIAN'));
    if (hourly.topCoded) topCoded.push('hourly.median');
    table.set(code, {
      title: (row.OCC_TITLE ?? '').trim(),
      annual: PAY_PERCENTILES.every((p) => annual[p] === null) ? null : annual,
      hourly: hourly.value === null ? null : { median: hourly.value },
      topCoded,
    });
  }
  return table;
}

export async function readOewsCsv(file: string): Promise<OewsTable> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new DataFileError(file, code === 'ENOENT' ? 'is missing (the BLS OEWS national CSV)' : `cannot be read (${code ?? String(err)})`);
  }
  return parseOewsCsv(text, file);
}

export interface PayTableResult {
  table: PayTable;
  /** SOC codes asked for that the OEWS table has no row for, or a row without any figure. */
  missing: string[];
}

/** Keeps the rows for these SOC codes (sorted by code); a code with no row or no figure is `missing`. */
export function buildPayTable(oews: OewsTable, socs: Iterable<string>): PayTableResult {
  const bySoc: Record<string, PayFigures> = {};
  const missing: string[] = [];
  for (const soc of [...new Set(socs)].sort()) {
    const row = oews.get(soc);
    if (row === undefined || (row.annual === null && row.hourly === null)) missing.push(soc);
    else bySoc[soc] = row;
  }
  return { table: { source: OEWS_SOURCE, bySoc }, missing };
}

/** data/pay.json as text: one SOC code a line, so a change in the table reads as a small diff. */
export function payTableJson(table: PayTable): string {
  const entries = Object.keys(table.bySoc)
    .sort()
    .map((soc) => `    ${JSON.stringify(soc)}: ${JSON.stringify(table.bySoc[soc])}`);
  const bySoc = entries.length === 0 ? '{}' : `{\n${entries.join(',\n')}\n  }`;
  return `{\n  "source": ${JSON.stringify(table.source)},\n  "bySoc": ${bySoc}\n}\n`;
}

/** Writes data/pay.json through a temporary file, so a reader never sees half a file. */
export async function writePayTable(table: PayTable, file: string): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, payTableJson(table), 'utf8');
  await rename(tmp, file);
}
