/**
 * The principal's summary from caseload rows: the facts each student adds, the title facts (school
 * year, date, review window) and the chat bubbles, numbers first. Pure over its inputs.
 */
import { windowForMeeting } from '../../domain/meetings.js';
import type { TextReply } from '../../domain/messages.js';
import { schoolCalendar, type ReviewPolicy } from '../../domain/reminders/index.js';
import { dayWords, seasonWords } from '../../domain/reminders/day-words.js';
import { percentText, reportLines, schoolReport, type ReportFacts, type SchoolReport } from '../../domain/school-report.js';
import { t } from '../../i18n/t.js';
import type { StudentRow } from './caseload-rows.js';
import type { ReportScope } from './report-scope.js';

/**
 * Reviewed this school year: a plan review recorded since the year began (by the student or with
 * them), or a counselor meeting this school year about a plan that exists.
 */
export function reportFacts(r: StudentRow): ReportFacts {
  return {
    ...(r.grade !== undefined ? { grade: r.grade } : {}),
    hasPathway: r.pathwayId !== undefined,
    hasPlan: r.hasPlan,
    metThisWindow: r.metThisWindow,
    reviewedThisYear: r.hasPlan && r.status.reviewedThisSchoolYear,
  };
}

export function buildSchoolReport(rows: StudentRow[], scope: ReportScope, policy: ReviewPolicy, now: Date): SchoolReport {
  const calendar = schoolCalendar(policy, now);
  const window = windowForMeeting(calendar, now.getTime());
  const today = calendar.today;
  const date = `${today.year}-${String(today.month).padStart(2, '0')}-${String(today.day).padStart(2, '0')}`;
  return schoolReport(rows.map(reportFacts), {
    school: scope.school,
    schoolYear: calendar.schoolYear,
    date,
    ...(window ? { windowLabel: t('counselor.report.window', { season: seasonWords(window), from: dayWords(window.firstDay), to: dayWords(window.lastDay) }) } : {}),
    scope: scope.label,
  });
}

/** Two bubbles: the whole in one line, then one line per grade. */
export function reportReplies(r: SchoolReport): TextReply[] {
  const total = r.total;
  const n = total.students;
  const p = (k: keyof typeof total.counts) => `${percentText(total.counts[k], n)} (${total.counts[k]})`;
  const head = t(r.meta.windowLabel ? 'counselor.report.head' : 'counselor.report.headNoWindow', {
    school: r.meta.school,
    year: r.meta.schoolYear,
    students: t('counselor.report.students', { count: n }),
    scope: r.meta.scope,
    season: r.meta.windowLabel?.split(' (')[0] ?? '',
    pathway: p('pathway'),
    plan: p('plan'),
    met: p('met'),
    reviewed: p('reviewed'),
  });
  const lines = reportLines(r)
    .filter((l) => l !== r.total && l.students > 0)
    .map((l) => `${l.label} (${l.students}): ${(['pathway', 'plan', 'met', 'reviewed'] as const).map((k) => percentText(l.counts[k], l.students)).join(' / ')}`);
  const byGrade = lines.length > 0 ? [t('counselor.report.byGrade'), ...lines].join('\n') : t('counselor.report.noGrades');
  return [
    { kind: 'text', text: head },
    { kind: 'text', text: byGrade },
  ];
}
