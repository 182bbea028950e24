/**
 * The caseload as a CSV file in the export folder (UTF-8 with a BOM): one row per student with
 * their choice, plan status (the same words as the chat), meetings, last reminder, family link,
 * sign-off and last activity, in the counselor's language. Cells a spreadsheet would run as a
 * formula get a leading apostrophe.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { FileReply } from '../../domain/messages.js';
import { t } from '../../i18n/t.js';
import { displayOf, type StudentRow } from './caseload-rows.js';
import { statusWords } from './student-status.js';

const COLUMNS = [
  'studentId',
  'name',
  'grade',
  'path',
  'cluster',
  'pathway',
  'status',
  'reviewedThisYear',
  'lastReview',
  'overdueSince',
  'meetingsThisYear',
  'lastMeeting',
  'lastReminder',
  'familyLinked',
  'signedBy',
  'lastActivity',
] as const;

/** The header row in the language being spoken ("Student id", "Name", ...). */
export function caseloadCsvHeader(): string[] {
  return COLUMNS.map((c) => t(`counselor.csv.column.${c}`));
}

const yesNo = (b: boolean) => t(b ? 'counselor.csv.yes' : 'counselor.csv.no');

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
        yesNo(r.status.reviewedThisSchoolYear),
        r.review.lastReviewAt?.slice(0, 10),
        r.status.overdue?.since.slice(0, 10),
        r.meetingsThisYear,
        r.lastMeetingAt?.slice(0, 10),
        r.lastReminderAt?.slice(0, 10),
        yesNo(r.familyLinked),
        r.signedBy.map((signer) => t(`counselor.csv.signer.${signer}`)).join(' '),
        r.lastActivity?.slice(0, 10),
      ].map(cell),
    );
  return BOM + stringify([caseloadCsvHeader(), ...body]);
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
    text: t('counselor.csv.file', { count: rows.length }),
  };
}
