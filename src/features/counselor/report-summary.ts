/**
 * The principal's summary from caseload rows: the facts each student adds, the title facts (school
 * year, date, review window) and the chat bubbles, numbers first. Pure over its inputs.
 */
import { windowForMeeting } from '../../domain/meetings.js';
import type { TextReply } from '../../domain/messages.js';
import { schoolCalendar, type ReviewPolicy } from '../../domain/reminders/index.js';
import { percentText, reportLines, schoolReport, type ReportFacts, type SchoolReport } from '../../domain/school-report.js';
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

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "2026-09-15" -> "Sep 15" */
const shortDate = (iso: string) => `${MONTHS[Number(iso.slice(5, 7)) - 1] ?? ''} ${Number(iso.slice(8, 10))}`;

export function buildSchoolReport(rows: StudentRow[], scope: ReportScope, policy: ReviewPolicy, now: Date): SchoolReport {
  const calendar = schoolCalendar(policy, now);
  const window = windowForMeeting(calendar, now.getTime());
  const t = calendar.today;
  const date = `${t.year}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;
  return schoolReport(rows.map(reportFacts), {
    school: scope.school,
    schoolYear: calendar.schoolYear,
    date,
    ...(window ? { windowLabel: `${window.label} (${shortDate(window.firstDay)} to ${shortDate(window.lastDay)})` } : {}),
    scope: scope.label,
  });
}

/** Two bubbles: the whole in one line, then one line per grade. */
export function reportReplies(r: SchoolReport): TextReply[] {
  const t = r.total;
  const n = t.students;
  const p = (k: keyof typeof t.counts) => `${percentText(t.counts[k], n)} (${t.counts[k]})`;
  const window = r.meta.windowLabel ? `met a counselor in the ${r.meta.windowLabel.split(' (')[0]} window` : 'met a counselor this window (none open yet)';
  const head =
    `${r.meta.school}, ${r.meta.schoolYear}: ${n} student${n === 1 ? '' : 's'} (${r.meta.scope}). ` +
    `With a pathway ${p('pathway')}, with a plan ${p('plan')}, ${window} ${p('met')}, plan reviewed this year ${p('reviewed')}.`;
  const lines = reportLines(r)
    .filter((l) => l !== r.total && l.students > 0)
    .map((l) => `${l.label} (${l.students}): ${(['pathway', 'plan', 'met', 'reviewed'] as const).map((k) => percentText(l.counts[k], l.students)).join(' / ')}`);
  const byGrade = lines.length > 0 ? ['By grade, pathway / plan / met / reviewed:', ...lines].join('\n') : 'No students in grades 6 to 12 yet.';
  return [
    { kind: 'text', text: head },
    { kind: 'text', text: byGrade },
  ];
}
