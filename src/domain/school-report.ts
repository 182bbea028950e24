/**
 * The principal's summary in numbers: per grade (6 to 12) how many students have a Career Pathway,
 * a Plan of Study, a counselor meeting in this review window and a plan review this school year,
 * and the same for everyone. Pure: the facts come in, the counts go out. Every percentage is of
 * all students in that line (a student with no plan counts as not reviewed). Labels are in the
 * language being spoken (counselor.report.* in the catalogs).
 */
import { t } from '../i18n/t.js';

export const REPORT_GRADES = [6, 7, 8, 9, 10, 11, 12] as const;

/** What the report needs to know about one student. */
export interface ReportFacts {
  grade?: number;
  hasPathway: boolean;
  hasPlan: boolean;
  metThisWindow: boolean;
  reviewedThisYear: boolean;
}

export type Measure = 'pathway' | 'plan' | 'met' | 'reviewed';
export const MEASURES: readonly Measure[] = ['pathway', 'plan', 'met', 'reviewed'];

/** "With a pathway", ..., read in the language being spoken each time one is used. */
export const MEASURE_LABELS: Readonly<Record<Measure, string>> = Object.defineProperties(
  {} as Record<Measure, string>,
  Object.fromEntries(MEASURES.map((m) => [m, { get: () => t(`counselor.report.measure.${m}`), enumerable: true }])),
);

export interface ReportLine {
  /** "6th", ..., "12th", "Grade not set", "All students". */
  label: string;
  grade?: number;
  students: number;
  counts: Record<Measure, number>;
}

export interface SchoolReportMeta {
  school: string;
  /** "2026-27" */
  schoolYear: string;
  /** The local date the numbers are for, "2026-11-23". */
  date: string;
  /** The review window meetings count for ("fall"), or undefined before the first one opens. */
  windowLabel?: string;
  /** Whose students: "3 counselors' caseloads" or "your caseload". */
  scope: string;
}

export interface SchoolReport {
  meta: SchoolReportMeta;
  /** Grades 6 to 12, always all seven (a grade with no students shows 0). */
  grades: ReportLine[];
  /** Students whose grade is not set or outside 6 to 12; undefined when there are none. */
  other?: ReportLine;
  total: ReportLine;
}

function emptyLine(label: string, grade?: number): ReportLine {
  return { label, ...(grade !== undefined ? { grade } : {}), students: 0, counts: { pathway: 0, plan: 0, met: 0, reviewed: 0 } };
}

function add(line: ReportLine, f: ReportFacts): void {
  line.students++;
  if (f.hasPathway) line.counts.pathway++;
  if (f.hasPlan) line.counts.plan++;
  if (f.metThisWindow) line.counts.met++;
  if (f.reviewedThisYear) line.counts.reviewed++;
}

export function schoolReport(facts: Iterable<ReportFacts>, meta: SchoolReportMeta): SchoolReport {
  const grades = REPORT_GRADES.map((g) => emptyLine(t(`onboarding.ordinal.${g}`), g));
  const other = emptyLine(t('counselor.report.gradeNotSet'));
  const total = emptyLine(t('counselor.report.allStudents'));
  for (const f of facts) {
    const line = f.grade !== undefined && f.grade >= 6 && f.grade <= 12 ? grades[f.grade - 6]! : other;
    add(line, f);
    add(total, f);
  }
  return { meta, grades, ...(other.students > 0 ? { other } : {}), total };
}

/** Whole percent of `n` out of `of`; undefined when there is nobody to count. */
export function percent(n: number, of: number): number | undefined {
  return of === 0 ? undefined : Math.round((100 * n) / of);
}

/** "61%", or "-" when there is nobody to count. */
export function percentText(n: number, of: number): string {
  const p = percent(n, of);
  return p === undefined ? '-' : `${p}%`;
}

/** The lines in table order: grades 6 to 12, then "Grade not set" when any, then the total. */
export function reportLines(r: SchoolReport): ReportLine[] {
  return [...r.grades, ...(r.other ? [r.other] : []), r.total];
}
