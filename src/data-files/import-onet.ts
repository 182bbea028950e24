/**
 * The O*NET importer (run by `npm run import:onet -- --dir <folder> --clusters <csv>`).
 * Reads from the O*NET database text files (tab-separated):
 *   Occupation Data.txt   O*NET-SOC Code, Title, Description
 *   Alternate Titles.txt  O*NET-SOC Code, Alternate Title, Short Title
 *   Interests.txt         O*NET-SOC Code, Element Name, Scale ID (OI rows), Data Value
 *   Job Zones.txt         O*NET-SOC Code, Job Zone
 * and the O*NET OnLine career clusters export (CSV: Career Cluster, Career Pathway, Code, Occupation),
 * and writes data/generated/onet-index.json (git-ignored; never committed). The file and column
 * names are O*NET's, kept in data/imports/onet-format.json.
 */
import { access, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { DataFileError } from './read-json-file.js';
import { onetFormat, type OnetFormat } from './onet-format.js';
import type { Framework } from '../domain/framework-types.js';
import type { InterestArea, OnetIndex, OnetOccupation } from '../domain/occupations/occupation-types.js';
import { clusterForOnetName, educationForJobZone, pathwayIdForOnetName } from '../domain/occupations/onet-names.js';

/** O*NET's names for its files and columns (data/imports/onet-format.json). */
const FORMAT = onetFormat();
const COL = FORMAT.columns;
const CODE = COL.code;

/** The four O*NET database text files the importer reads. */
export const ONET_FILES: Readonly<OnetFormat['files']> = FORMAT.files;

/** The attribution O*NET's license asks for, naming the release; kept in the index, in English as O*NET words it. */
export function onetAttribution(release: string): string {
  return FORMAT.attribution.replace('{release}', release);
}

type Row = Record<string, string>;

async function readText(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new DataFileError(file, code === 'ENOENT' ? `is missing (${what})` : `cannot be read (${code ?? String(err)})`);
  }
}

function checkColumns(file: string, header: string[], required: string[]): void {
  for (const column of required) {
    if (!header.includes(column)) {
      throw new DataFileError(file, `has no column "${column}" (found: ${header.map((h) => `"${h}"`).join(', ')})`);
    }
  }
}

/** Reads a tab-separated O*NET file; every required column must be in the header line. */
export async function readTabSeparated(file: string, required: string[]): Promise<Row[]> {
  const lines = (await readText(file, 'an O*NET database text file')).replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t').map((h) => h.trim());
  checkColumns(file, header, required);
  const rows: Row[] = [];
  for (const line of lines.slice(1)) {
    if (line.trim() === '') continue;
    const cells = line.split('\t');
    const row: Row = {};
    header.forEach((h, i) => (row[h] = (cells[i] ?? '').trim()));
    rows.push(row);
  }
  return rows;
}

export async function readClusterCsv(file: string): Promise<Row[]> {
  const text = (await readText(file, 'the O*NET OnLine career clusters CSV')).replace(/^\uFEFF/, '');
  let rows: Row[];
  try {
    rows = parse(text, { columns: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as Row[];
  } catch (err) {
    throw new DataFileError(file, `is not valid CSV (${(err as Error).message})`);
  }
  checkColumns(file, Object.keys(rows[0] ?? {}), [COL.careerCluster, COL.careerPathway, COL.clusterCode]);
  return rows;
}

async function releaseName(dir: string): Promise<string> {
  try {
    const first = (await readFile(path.join(dir, FORMAT.readMe), 'utf8')).split(/\r?\n/)[0]?.trim();
    if (first !== undefined && /O\*NET/.test(first)) return first;
  } catch {
    /* no Read Me: use the generic name */
  }
  return FORMAT.defaultRelease;
}

const INTEREST_AREAS: Record<string, InterestArea> = {
  realistic: 'realistic', investigative: 'investigative', artistic: 'artistic',
  social: 'social', enterprising: 'enterprising', conventional: 'conventional',
};

export interface OnetImportResult {
  index: OnetIndex;
  /** O*NET cluster names we could not match to one of ours. */
  unmatchedClusters: string[];
  /** "Cluster / Pathway" names from O*NET with no pathway of ours by that name. */
  unmatchedPathways: string[];
}

export interface OnetImportOptions {
  dir: string;
  clustersCsv: string;
  framework: Framework;
  /** ISO time to stamp the index with. */
  now: string;
}

export async function importOnet({ dir, clustersCsv, framework, now }: OnetImportOptions): Promise<OnetImportResult> {
  const file = (name: string): string => path.join(dir, name);
  const [occupationRows, altRows, interestRows, zoneRows, clusterRows, release] = await Promise.all([
    readTabSeparated(file(ONET_FILES.occupations), [CODE, COL.title, COL.description]),
    readTabSeparated(file(ONET_FILES.alternateTitles), [CODE, COL.alternateTitle]),
    readTabSeparated(file(ONET_FILES.interests), [CODE, COL.elementName, COL.scaleId, COL.dataValue]),
    readTabSeparated(file(ONET_FILES.jobZones), [CODE, COL.jobZone]),
    readClusterCsv(clustersCsv),
    releaseName(dir),
  ]);

  const alternates = new Map<string, Set<string>>();
  for (const r of altRows) {
    const set = alternates.get(r[CODE]!) ?? new Set<string>();
    for (const t of [r[COL.alternateTitle], r[COL.shortTitle]]) if (t) set.add(t);
    alternates.set(r[CODE]!, set);
  }
  const interests = new Map<string, { area: InterestArea; value: number }[]>();
  for (const r of interestRows) {
    const area = INTEREST_AREAS[(r[COL.elementName] ?? '').toLowerCase()];
    const value = Number(r[COL.dataValue]);
    if (r[COL.scaleId] !== 'OI' || area === undefined || !Number.isFinite(value)) continue;
    interests.set(r[CODE]!, [...(interests.get(r[CODE]!) ?? []), { area, value }]);
  }
  const zones = new Map(zoneRows.map((r) => [r[CODE]!, Number(r[COL.jobZone])]));

  const unmatchedClusters = new Set<string>();
  const unmatchedPathways = new Set<string>();
  const placement = new Map<string, { clusterIds: string[]; pathwayIds: string[] }>();
  for (const r of clusterRows) {
    const clusterNames = (r[COL.careerCluster] ?? '').split(';').map((s) => s.trim()).filter(Boolean);
    const pathwayNames = (r[COL.careerPathway] ?? '').split(';').map((s) => s.trim());
    const place = placement.get(r[COL.clusterCode]!) ?? { clusterIds: [], pathwayIds: [] };
    clusterNames.forEach((clusterName, i) => {
      const cluster = clusterForOnetName(clusterName, framework);
      if (cluster === undefined) {
        unmatchedClusters.add(clusterName);
        return;
      }
      if (!place.clusterIds.includes(cluster.id)) place.clusterIds.push(cluster.id);
      const pathwayName = pathwayNames[i] ?? '';
      const pathwayId = pathwayName === '' ? undefined : pathwayIdForOnetName(pathwayName, cluster);
      if (pathwayId === undefined) unmatchedPathways.add(`${clusterName} / ${pathwayName}`);
      else if (!place.pathwayIds.includes(pathwayId)) place.pathwayIds.push(pathwayId);
    });
    placement.set(r[COL.clusterCode]!, place);
  }

  const occupations: OnetOccupation[] = occupationRows.map((r) => {
    const code = r[CODE]!;
    const title = r[COL.title]!;
    const alts = [...(alternates.get(code) ?? [])].filter((t) => t.toLowerCase() !== title.toLowerCase());
    const top = (interests.get(code) ?? []).sort((a, b) => b.value - a.value).slice(0, 3).map((i) => i.area);
    const place = placement.get(code) ?? { clusterIds: [], pathwayIds: [] };
    const education = educationForJobZone(zones.get(code) ?? 0);
    return {
      code, title, alternateTitles: alts, description: r[COL.description] ?? '',
      clusterIds: place.clusterIds, pathwayIds: place.pathwayIds, topInterests: top,
      ...(education ? { education } : {}),
    };
  });

  return {
    index: { source: release, attribution: onetAttribution(release), generatedAt: now, occupations },
    unmatchedClusters: [...unmatchedClusters].sort(),
    unmatchedPathways: [...unmatchedPathways].sort(),
  };
}

/** Writes the index atomically (write, then rename). */
export async function writeOnetIndex(index: OnetIndex, file: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(index) + '\n', 'utf8');
  await rename(tmp, file);
}

export async function fileExists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
