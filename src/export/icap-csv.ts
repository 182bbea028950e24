/**
 * The ICAP export: one row per student with the columns a Missouri student information system
 * tracks for the Individual Career and Academic Plan (README, "ICAP export columns"). UTF-8 with a
 * byte order mark; cells a spreadsheet would run as a formula get a leading apostrophe.
 */
import { stringify } from 'csv-stringify/sync';
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
  planStatus: string;
  meetingsThisYear: number;
  lastMeeting: string;
  lastReminder: string;
  familyLinked: boolean;
  signedBy: string[];
}

export const ICAP_CSV_HEADER = [
  'Student id',
  'Name',
  'Grade',
  'Has ICAP',
  'ICAP reviewed in 9th',
  'ICAP reviewed in 10th',
  'ICAP reviewed in 11th',
  'ICAP reviewed in 12th',
  'On track to graduate',
  'Career Cluster',
  'Career Pathway',
  'Plan status',
  'Counselor meetings this school year',
  'Last counselor meeting',
  'Last reminder',
  'Family linked',
  'ICAP signed by',
];

const yes = (b: boolean) => (b ? 'yes' : 'no');

export function icapCsvRow(r: IcapRow): string[] {
  return [
    csvCell(r.studentId, 120),
    csvCell(r.name, 120),
    r.grade !== undefined ? String(r.grade) : '',
    yes(r.hasIcap),
    r.reviewedIn[9],
    r.reviewedIn[10],
    r.reviewedIn[11],
    r.reviewedIn[12],
    r.onTrack,
    csvCell(r.cluster, 120),
    csvCell(r.pathway, 120),
    r.planStatus,
    String(r.meetingsThisYear),
    r.lastMeeting,
    r.lastReminder,
    yes(r.familyLinked),
    r.signedBy.join(' '),
  ];
}

export function renderIcapCsv(rows: IcapRow[]): string {
  return BOM + stringify([ICAP_CSV_HEADER, ...rows.map(icapCsvRow)], { record_delimiter: 'windows' });
}
