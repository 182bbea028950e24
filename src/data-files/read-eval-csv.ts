import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { DataFileError } from './read-json-file.js';
import { readClusterCsv, readTabSeparated } from './import-onet.js';
import { onetFormat } from './onet-format.js';
import type { EvalCase } from '../domain/occupations/evaluate-matcher.js';
import { alternateTitleSets, type AlternateSetOptions, type AlternateSets } from '../domain/occupations/eval-sets.js';

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

/**
 * The O*NET alternate-title eval sets (eval-sets.ts), read from an O*NET folder holding
 * "Alternate Titles.txt" and "career_clusters_onetonline.csv" (the names are O*NET's:
 * data/imports/onet-format.json). In memory only: never written. reportedOnly keeps the titles
 * workers reported in O*NET's own data collection (its "reported job titles"); leaveOut drops
 * titles (normalised) already looked at.
 */
export async function readOnetAlternateSets(
  dir: string,
  seenKeys: ReadonlySet<string>,
  options: { reportedOnly?: boolean; leaveOut?: ReadonlySet<string> } = {},
): Promise<AlternateSets> {
  const { files, clustersCsv, columns: col, reportedTitleSource } = onetFormat();
  const [alternates, clusters] = await Promise.all([
    readTabSeparated(path.join(dir, files.alternateTitles), [col.code, col.alternateTitle]),
    readClusterCsv(path.join(dir, clustersCsv)),
  ]);
  return alternateTitleSets(
    alternates.map((r) => ({ code: r[col.code]!, title: r[col.alternateTitle]!, sources: (r[col.sources] ?? '').split(',').map((s) => s.trim()) })),
    clusters.map((r) => ({ code: r[col.clusterCode]!, clusters: r[col.careerCluster] ?? '' })),
    seenKeys,
    setOptions(options, reportedTitleSource),
  );
}

function setOptions(options: { reportedOnly?: boolean; leaveOut?: ReadonlySet<string> }, reported: string): AlternateSetOptions {
  return { ...(options.reportedOnly === true ? { source: reported } : {}), ...(options.leaveOut ? { leaveOut: options.leaveOut } : {}) };
}
