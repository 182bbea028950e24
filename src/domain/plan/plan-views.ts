/**
 * What the chat shows of a plan: this year first, then a compact grade-by-grade table; one grade;
 * the postsecondary options; the check results; the answer to a change; the review walk-through.
 * Pure: returns Reply values (src/domain/messages.ts).
 */
import type { Framework } from '../framework-types.js';
import type { CardField, CardReply, PlanTableReply, Reply, TextReply } from '../messages.js';
import type { ApplyResult } from './apply-plan-change.js';
import type { PlanProblem } from './check-plan.js';
import { frameworkName } from '../../i18n/framework-words.js';
import { currentLanguage, DEFAULT_LANGUAGE } from '../../i18n/language.js';
import { t } from '../../i18n/t.js';
import { dataPhrase, planItemName } from '../../i18n/plan-data-words.js';
import { gradeColumn, gradeLong, gradeName } from './grades.js';
import { changesSinceLastReview, currentPlan, lastReviewedAt } from './plan-history.js';
import {
  optionGroupLabel,
  OPTION_GROUPS,
  PLAN_ROWS,
  rowLabel,
  type Plan,
  type PlanContent,
  type PlanHeader,
} from './plan-types.js';
import { dateWords } from '../../i18n/date-words.js';

const text = (words: string): TextReply => ({ kind: 'text', text: words });

/** A day from an ISO time, for people to read: "Dec 1, 2026", "1 de diciembre de 2026". Used by the chat views and the PDF. */
export const sayDay = dateWords;

/**
 * A day in a file for spreadsheets (the plan CSV): "2026-12-01" in English, as spreadsheets sort it;
 * "1 de diciembre de 2026" in other languages.
 */
export function fileDay(iso: string): string {
  return currentLanguage() === DEFAULT_LANGUAGE ? iso.slice(0, 10) : dateWords(iso);
}

/** Header facts for views and exports. `student` comes from the student's profile. */
export function planHeader(plan: Plan, framework: Framework, student: { name?: string; school?: string } = {}): PlanHeader {
  const c = currentPlan(plan);
  const cluster = framework.clusters.find((x) => x.id === c.clusterId);
  const path = framework.paths.find((p) => p.id === c.pathId);
  const pathway = cluster?.pathways.find((p) => p.id === c.pathwayId);
  const reviewed = lastReviewedAt(plan);
  return {
    ...(student.name ? { name: student.name } : {}),
    ...(student.school ? { school: student.school } : {}),
    goal: c.goal,
    // In Spanish: "Ciencias de la Salud (Health Science)"; the official name in English.
    path: path ? frameworkName('path', path.id, path.name) : c.pathId,
    cluster: cluster ? frameworkName('cluster', cluster.id, cluster.name) : c.clusterId,
    pathway: pathway ? frameworkName('pathway', pathway.id, pathway.name) : c.pathwayId,
    ...(reviewed ? { lastReviewedAt: reviewed } : {}),
  };
}

/**
 * The grade-by-grade table rows, shared by the chat views, the PDF and the CSV: course names as the
 * school calls them, work-based learning and activities in the turn's language.
 */
export function planRows(plan: PlanContent, grades?: number[]): { grades: number[]; rows: { label: string; cells: string[][] }[] } {
  const cols = plan.grades.filter((g) => !grades || grades.includes(g.grade));
  return {
    grades: cols.map((g) => g.grade),
    rows: PLAN_ROWS.map((row) => ({ label: rowLabel(row), cells: cols.map((g) => g.rows[row].map((i) => planItemName(row, i))) })),
  };
}

function headerFields(h: PlanHeader): CardField[] {
  const fields: CardField[] = [];
  if (h.name) fields.push({ label: t('plan.fields.student'), value: h.name });
  if (h.school) fields.push({ label: t('plan.fields.school'), value: h.school });
  fields.push({ label: t('plan.fields.goal'), value: h.goal ? dataPhrase(h.goal) : t('plan.fields.goalNotChosen') });
  fields.push({ label: t('plan.fields.careerPath'), value: h.path });
  fields.push({ label: t('plan.fields.careerCluster'), value: h.cluster });
  fields.push({ label: t('plan.fields.careerPathway'), value: h.pathway });
  fields.push({ label: t('plan.fields.lastReviewed'), value: h.lastReviewedAt ? sayDay(h.lastReviewedAt) : t('plan.fields.notYet') });
  return fields;
}

const COURSE_ROWS = PLAN_ROWS.filter((r) => r !== 'work-based-learning' && r !== 'activities');

/**
 * A table of the given grades (all when omitted), with the header facts when `header` is given,
 * and `thisYear` marked when that grade is in it (channels show it first, labelled; a table
 * without it labels no column "this year"). Its text (terminal, notifications, screen readers):
 * one grade reads row by row; several grades read this year in full, then one short line for each
 * other year (classes, then activities).
 */
export function planTable(plan: Plan, header: PlanHeader | undefined, title: string, grades?: number[], thisYear?: number): PlanTableReply {
  const c = currentPlan(plan);
  const table = planRows(c, grades);
  const fields = header ? headerFields(header) : [];
  const lines = [title, ...fields.map((f) => `${f.label}: ${f.value}`)];
  const cols = c.grades.filter((g) => table.grades.includes(g.grade));
  const marked = thisYear === undefined ? -1 : table.grades.indexOf(thisYear);
  const fullRows = (col: number) => table.rows.map((r) => `${r.label}: ${r.cells[col]!.join('; ') || '-'}`);
  if (cols.length === 1) {
    lines.push(...fullRows(0));
  } else {
    if (marked >= 0) lines.push('', t('plan.view.thisYear', { grade: gradeLong(table.grades[marked]!) }), ...fullRows(marked), '');
    for (const g of cols) {
      if (g.grade === thisYear) continue;
      const classes = COURSE_ROWS.flatMap((row) => g.rows[row].map((i) => i.name));
      const activities = g.rows.activities.map((i) => planItemName('activities', i));
      const line = { grade: gradeColumn(g.grade), classes: classes.join(', ') || '-', activities: activities.join(', ') };
      lines.push(t(activities.length ? 'plan.view.yearLineWithActivities' : 'plan.view.yearLine', line));
    }
  }
  return {
    kind: 'plan',
    title,
    grades: table.grades.map(gradeColumn),
    rows: table.rows.map((r) => ({ label: r.label, cells: r.cells.map((cell) => cell.join('; ')) })),
    fields,
    text: lines.join('\n'),
    ...(marked >= 0 ? { thisYearIndex: marked } : {}),
  };
}

/** The grade to show as "this year": the student's grade now, kept inside the plan. */
function thisYear(c: PlanContent, studentGrade?: number): number {
  const g = studentGrade ?? c.currentGrade;
  return Math.min(Math.max(g, c.firstGrade), 14);
}

/** "show my plan": the whole plan once, this year first and marked, then the other years. */
export function showPlanReplies(plan: Plan, header: PlanHeader, opts: { studentGrade?: number; goalHint?: boolean } = {}): Reply[] {
  const c = currentPlan(plan);
  const year = thisYear(c, opts.studentGrade);
  const replies: Reply[] = [planTable(plan, header, t('plan.view.wholePlan', { grade: gradeName(c.firstGrade) }), undefined, year)];
  if (opts.goalHint !== false && !c.goal && c.goalSuggestions.length > 0) {
    replies.push(text(t('plan.view.noGoalYet', { idea: dataPhrase(c.goalSuggestions[0]!) })));
  }
  replies.push(text(t('plan.view.nothingFinal')));
  return replies;
}

/** "show 10th grade": one year, or a plain answer when that year isn't in the plan. */
export function showGradeReply(plan: Plan, grade: number): PlanTableReply | TextReply {
  const c = currentPlan(plan);
  if (!c.grades.some((g) => g.grade === grade)) {
    return text(t('plan.view.gradeNotInPlan', { first: gradeLong(c.firstGrade), grade: gradeLong(grade) }));
  }
  return planTable(plan, undefined, gradeLong(grade)[0]!.toUpperCase() + gradeLong(grade).slice(1), [grade]);
}

/** The postsecondary options in their four groups. */
export function optionsReply(plan: Plan): CardReply {
  const c = currentPlan(plan);
  const fields = OPTION_GROUPS.map((g) => ({ label: optionGroupLabel(g), value: c.options[g].map(dataPhrase).join('; ') }));
  const title = t('plan.view.options');
  return {
    kind: 'card',
    title,
    fields,
    text: [title, ...fields.map((f) => `${f.label}: ${f.value}`)].join('\n'),
  };
}

/** The check results in plain words. */
export function problemsReply(problems: PlanProblem[]): TextReply {
  if (problems.length === 0) return text(t('plan.view.allClear'));
  const head = t('plan.view.thingsToFix', { count: problems.length });
  return text([head, ...problems.map((p) => `- ${p.message}`)].join('\n'));
}

/** The answer to a change: the confirmation (with how to undo) or the reason it was refused. */
export function changeReply(result: ApplyResult): TextReply {
  if (!result.ok) return text(t('plan.view.refused', { reason: result.reason }));
  if (result.undo) return text(result.confirmation);
  return text(t('plan.view.changed', { confirmation: result.confirmation }));
}

/** Changes as short lines; a long list shows the first few and how many more. */
function changeList(changes: string[], max = 4): string {
  const shown = changes.length > max + 1 ? changes.slice(0, max) : changes;
  const more = changes.length - shown.length;
  return [...shown.map((c) => `- ${c}`), ...(more > 0 ? [`- ${t('plan.view.andMore', { count: more })}`] : [])].join('\n');
}

/** "review my plan": what changed since the last review, then this year and next. */
export function reviewReplies(plan: Plan, header: PlanHeader, opts: { studentGrade?: number } = {}): Reply[] {
  const c = currentPlan(plan);
  const year = thisYear(c, opts.studentGrade);
  const changes = changesSinceLastReview(plan);
  const last = lastReviewedAt(plan);
  const list = changeList(changes);
  const intro = last
    ? changes.length === 0
      ? t('plan.view.lastReviewNoChanges', { day: sayDay(last) })
      : t('plan.view.lastReviewChanges', { day: sayDay(last), changes: list })
    : changes.length === 0
      ? t('plan.view.firstReviewNoChanges')
      : t('plan.view.firstReviewChanges', { changes: list });
  const replies: Reply[] = [text(intro), planTable(plan, header, t('plan.view.thisYear', { grade: gradeLong(year) }), [year], year)];
  if (year < 14) replies.push(planTable(plan, undefined, t('plan.view.nextYear', { grade: gradeLong(year + 1) }), [year + 1]));
  return replies;
}
