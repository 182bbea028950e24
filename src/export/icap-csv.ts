/**
 * The ICAP export: one row per student with the columns a Missouri student information system
 * tracks for the Individual Career and Academic Plan (README, "ICAP export columns"). UTF-8 with a
 * byte order mark; cells a spreadsheet would run as a formula get a leading apostrophe.
 *
 * A machine file, not a page for people: the information system's import expects fixed English
 * column names and cell words, so they come from data/exports/icap-columns.json and stay English
 * whatever language the counselor chats in (the principal's CSV and PDF, read by people, follow
 * the reader's language instead).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { PROJECT_DIR } from '../config.js';
import { DataFileError } from '../domain/data-file-error.js';
import type { Signer } from '../domain/meetings.js';
import type { PlanStatusCode } from '../domain/reminders/index.js';
import { csvCell } from './plan-csv.js';
import { BOM } from './write-export-file.js';

/** "yes", "no", or "" (not reached yet, or nothing to say). */
export type YesNo = 'yes' | 'no' | '';

export interface IcapRow {
  studentId: string;
  name: string;
  grade?: number;
  hasIcap: boolean;
  /** ICAP reviewed in the school year the student was in 9th, 10th, 11th and 12th grade. */
  reviewedIn: Record<9 | 10 | 11 | 12, YesNo>;
  onTrack: YesNo;
  cluster: string;
  pathway: string;
  planStatus: PlanStatusCode;
  meetingsThisYear: number;
  lastMeeting: string;
  lastReminder: string;
  familyLinked: boolean;
  /** Who signed the current plan, by their ids ("counselor student"), as the import reads them. */
  signedBy: Signer[];
}

export const ICAP_COLUMNS_FILE = path.join(PROJECT_DIR, 'data/exports/icap-columns.json');

/** The columns, in the order the file has them. */
const COLUMN_KEYS = [
  'studentId', 'name', 'grade', 'hasIcap', 'reviewedIn9', 'reviewedIn10', 'reviewedIn11', 'reviewedIn12', 'onTrack',
  'cluster', 'pathway', 'planStatus', 'meetingsThisYear', 'lastMeeting', 'lastReminder', 'familyLinked', 'signedBy',
] as const;
const STATUS_CODES = ['graduated', 'no-pathway', 'no-plan', 'overdue', 'not-met-this-window', 'met-this-window', 'up-to-date'] as const satisfies readonly PlanStatusCode[];

const word = z.string().min(1);
const schema = z.object({
  columns: z.object(Object.fromEntries(COLUMN_KEYS.map((k) => [k, word])) as Record<(typeof COLUMN_KEYS)[number], typeof word>),
  yes: word,
  no: word,
  planStatus: z.object(Object.fromEntries(STATUS_CODES.map((c) => [c, word])) as Record<PlanStatusCode, typeof word>),
});
type IcapWords = z.infer<typeof schema>;

/** The ICAP file's fixed words; a broken file names itself and what is wrong. */
function readIcapWords(): IcapWords {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(ICAP_COLUMNS_FILE, 'utf8'));
  } catch (err) {
    throw new DataFileError(ICAP_COLUMNS_FILE, `cannot be read as JSON (${(err as Error).message})`);
  }
  const checked = schema.safeParse(parsed);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new DataFileError(ICAP_COLUMNS_FILE, `${issue.path.join('.')} ${issue.message}`);
  }
  return checked.data;
}

const WORDS = readIcapWords();

/** The header row: the column names the information system expects. */
export const ICAP_CSV_HEADER: readonly string[] = COLUMN_KEYS.map((k) => WORDS.columns[k]);

export function icapCsvRow(r: IcapRow): string[] {
  const w = WORDS;
  const yes = (b: boolean) => (b ? w.yes : w.no);
  const yesNo = (v: YesNo) => (v === '' ? '' : yes(v === 'yes'));
  return [
    csvCell(r.studentId, 120),
    csvCell(r.name, 120),
    r.grade !== undefined ? String(r.grade) : '',
    yes(r.hasIcap),
    yesNo(r.reviewedIn[9]),
    yesNo(r.reviewedIn[10]),
    yesNo(r.reviewedIn[11]),
    yesNo(r.reviewedIn[12]),
    yesNo(r.onTrack),
    csvCell(r.cluster, 120),
    csvCell(r.pathway, 120),
    w.planStatus[r.planStatus],
    String(r.meetingsThisYear),
    r.lastMeeting,
    r.lastReminder,
    yes(r.familyLinked),
    r.signedBy.join(' '),
  ];
}

export function renderIcapCsv(rows: IcapRow[]): string {
  return BOM + stringify([[...ICAP_CSV_HEADER], ...rows.map(icapCsvRow)], { record_delimiter: 'windows' });
}
