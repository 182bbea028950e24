/**
 * The caseload as a CSV file in the export folder (UTF-8 with a BOM): one row per student with
 * their choice, plan status (the same words as the chat), meetings, last reminder, family link,
 * sign-off and last activity. Cells a spreadsheet would run as a formula get a leading
 * apostrophe.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { FileReply } from '../../domain/messages.js';
import { displayOf, type StudentRow } from './caseload-rows.js';
import { statusWords } from './student-status.js';

export const CASELOAD_CSV_HEADER = [
  'Student id',
  'Name',
  'Grade',
  'Career Path',
  'Career Cluster',
  'Career Pathway',
  'Plan status',
  'Reviewed this school year',
  'Last review',
  'Overdue since',
  'Meetings this school year',
  'Last meeting',
  'Last reminder',
  'Family linked',
  'Signed by',
  'Last activity',
];

/** Spreadsheets (Excel) read a file as UTF-8 only when it starts with this mark. */
export const BOM = '\ufeff';

function cell(s: string | number | undefined): string {
  const c = String(s ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, 200);
  return /^[=+\-@]/.test(c) ? `'${c}` : c;
}

export function caseloadCsv(rows: StudentRow[]): string {
  const body = [...rows]
    .sort((a, b) => displayOf(a).localeCompare(displayOf(b)))
    .map((r) =>
      [
        r.key,
        r.name,
        r.grade,
        r.path,
        r.cluster,
        r.pathway,
        statusWords(r),
        r.status.reviewedThisSchoolYear ? 'yes' : 'no',
        r.review.lastReviewAt?.slice(0, 10),
        r.status.overdue?.since.slice(0, 10),
        r.meetingsThisYear,
        r.lastMeetingAt?.slice(0, 10),
        r.lastReminderAt?.slice(0, 10),
        r.familyLinked ? 'yes' : 'no',
        r.signedBy.join(' '),
        r.lastActivity?.slice(0, 10),
      ].map(cell),
    );
  return BOM + stringify([CASELOAD_CSV_HEADER, ...body]);
}

/** Writes the CSV under `exportDir` (created when missing) and returns it as a file reply. */
export async function writeCaseloadCsv(exportDir: string, counselorKey: string, rows: StudentRow[], now: Date): Promise<FileReply> {
  await mkdir(exportDir, { recursive: true });
  const safe = counselorKey.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60);
  const filename = `caseload-${safe}-${now.toISOString().slice(0, 10)}.csv`;
  const file = path.resolve(exportDir, filename);
  const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, caseloadCsv(rows), 'utf8');
  await rename(tmp, file);
  return {
    kind: 'file',
    path: file,
    filename,
    mimeType: 'text/csv',
    text: `Your caseload as a spreadsheet (CSV): ${rows.length} student${rows.length === 1 ? '' : 's'}, one row each.`,
  };
}
