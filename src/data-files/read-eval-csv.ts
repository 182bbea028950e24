import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { DataFileError } from './read-json-file.js';
import type { EvalCase } from '../domain/occupations/evaluate-matcher.js';

/** Reads an eval CSV with columns `title,onet_soc,expected_clusters` (clusters separated by "; "). */
export async function readEvalCsv(file: string): Promise<EvalCase[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new DataFileError(file, `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  let rows: Record<string, string>[];
  try {
    rows = parse(text.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  } catch (err) {
    throw new DataFileError(file, `is not valid CSV (${(err as Error).message})`);
  }
  for (const column of ['title', 'expected_clusters']) {
    if (rows.length > 0 && !(column in rows[0]!)) throw new DataFileError(file, `has no column "${column}"`);
  }
  return rows.map((r) => ({
    title: r.title!,
    expectedClusters: r.expected_clusters!.split(';').map((s) => s.trim()).filter(Boolean),
    ...(r.onet_soc ? { onetSoc: r.onet_soc } : {}),
  }));
}
