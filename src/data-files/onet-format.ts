/**
 * O*NET's own file and column names and the attribution its license asks for
 * (data/imports/onet-format.json): O*NET's format, in English as O*NET writes it, not words
 * Waypoint says to anyone. Read once, the first time the importer or the eval needs it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PROJECT_DIR } from '../config.js';
import { DataFileError } from './read-json-file.js';

export const ONET_FORMAT_FILE = path.join(PROJECT_DIR, 'data/imports/onet-format.json');

const name = z.string().min(1);
const schema = z.object({
  files: z.object({ occupations: name, alternateTitles: name, interests: name, jobZones: name }),
  readMe: name,
  clustersCsv: name,
  columns: z.object({
    code: name,
    title: name,
    description: name,
    alternateTitle: name,
    shortTitle: name,
    elementName: name,
    scaleId: name,
    dataValue: name,
    jobZone: name,
    careerCluster: name,
    careerPathway: name,
    clusterCode: name,
    sources: name,
  }),
  reportedTitleSource: name,
  defaultRelease: name,
  attribution: name.refine((s) => s.includes('{release}'), 'must name the release as {release}'),
});

export type OnetFormat = z.infer<typeof schema>;

let format: OnetFormat | undefined;

/** The O*NET format; a broken file stops the import with the file's name and what is wrong. */
export function onetFormat(file = ONET_FORMAT_FILE): OnetFormat {
  if (format && file === ONET_FORMAT_FILE) return format;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new DataFileError(file, `cannot be read as JSON (${(err as Error).message})`);
  }
  const checked = schema.safeParse(parsed);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new DataFileError(file, `${issue.path.join('.') || 'the file'} ${issue.message}`);
  }
  if (file === ONET_FORMAT_FILE) format = checked.data;
  return checked.data;
}
