/**
 * The principal's summary as a CSV: one row per grade (6th to 12th), a "Grade not set" row when
 * any student has no grade, and an "All students" row; counts and percentages side by side.
 * Starts with a byte order mark (UTF-8).
 */
import { stringify } from 'csv-stringify/sync';
import { MEASURE_LABELS, MEASURES, percent, reportLines, type SchoolReport } from '../domain/school-report.js';
import { BOM } from './write-export-file.js';

export const PRINCIPAL_CSV_HEADER = [
  'Grade',
  'Students',
  ...MEASURES.flatMap((m) => [MEASURE_LABELS[m], `% ${MEASURE_LABELS[m].toLowerCase()}`]),
];

export function principalCsvRows(r: SchoolReport): string[][] {
  return reportLines(r).map((l) => [
    l.label,
    String(l.students),
    ...MEASURES.flatMap((m) => [String(l.counts[m]), String(percent(l.counts[m], l.students) ?? '')]),
  ]);
}

export function renderPrincipalCsv(r: SchoolReport): string {
  return BOM + stringify([PRINCIPAL_CSV_HEADER, ...principalCsvRows(r)], { record_delimiter: 'windows' });
}
