/**
 * What the chat shows of a plan: this year first, then a compact grade-by-grade table; one grade;
 * the postsecondary options; the check results; the answer to a change; the review walk-through.
 * Pure: returns Reply values (src/domain/messages.ts).
 */
import type { Framework } from '../framework-types.js';
import type { CardField, CardReply, PlanTableReply, Reply, TextReply } from '../messages.js';
import type { ApplyResult } from './apply-plan-change.js';
import type { PlanProblem } from './check-plan.js';
import { gradeColumn, gradeLong, gradeName } from './grades.js';
import { changesSinceLastReview, currentPlan, lastReviewedAt } from './plan-history.js';
import {
  OPTION_GROUP_LABELS,
  OPTION_GROUPS,
  PLAN_ROW_LABELS,
  PLAN_ROWS,
  type Plan,
  type PlanContent,
  type PlanHeader,
} from './plan-types.js';

const text = (t: string): TextReply => ({ kind: 'text', text: t });

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
    path: path?.name ?? c.pathId,
    cluster: cluster?.name ?? c.clusterId,
    pathway: pathway?.name ?? c.pathwayId,
    ...(reviewed ? { lastReviewedAt: reviewed } : {}),
  };
}

/** The grade-by-grade table rows, shared by the chat views, the PDF and the CSV. */
export function planRows(plan: PlanContent, grades?: number[]): { grades: number[]; rows: { label: string; cells: string[][] }[] } {
  const cols = plan.grades.filter((g) => !grades || grades.includes(g.grade));
  return {
    grades: cols.map((g) => g.grade),
    rows: PLAN_ROWS.map((row) => ({ label: PLAN_ROW_LABELS[row], cells: cols.map((g) => g.rows[row].map((i) => i.name)) })),
  };
}

function headerFields(h: PlanHeader): CardField[] {
  const fields: CardField[] = [];
  if (h.name) fields.push({ label: 'Student', value: h.name });
  if (h.school) fields.push({ label: 'School', value: h.school });
  fields.push({ label: 'Goal after high school', value: h.goal || 'Not chosen yet' });
  fields.push({ label: 'Career Path', value: h.path });
  fields.push({ label: 'Career Cluster', value: h.cluster });
  fields.push({ label: 'Career Pathway', value: h.pathway });
  fields.push({ label: 'Last reviewed', value: h.lastReviewedAt ? h.lastReviewedAt.slice(0, 10) : 'Not yet' });
  return fields;
}

const COURSE_ROWS = PLAN_ROWS.filter((r) => r !== 'work-based-learning' && r !== 'activities');

/**
 * A table of the given grades (all when omitted), with the header facts when `header` is given.
 * Its text (terminal, notifications, screen readers): one grade reads row by row; several grades
 * read one short line each (classes, then activities); "show 10th grade" gives a year in full.
 */
export function planTable(plan: Plan, header: PlanHeader | undefined, title: string, grades?: number[]): PlanTableReply {
  const c = currentPlan(plan);
  const t = planRows(c, grades);
  const fields = header ? headerFields(header) : [];
  const lines = [title, ...fields.map((f) => `${f.label}: ${f.value}`)];
  const cols = c.grades.filter((g) => t.grades.includes(g.grade));
  if (cols.length === 1) {
    lines.push(...t.rows.map((r) => `${r.label}: ${r.cells[0]!.join('; ') || '-'}`));
  } else {
    for (const g of cols) {
      const classes = COURSE_ROWS.flatMap((row) => g.rows[row].map((i) => i.name));
      const activities = g.rows.activities.map((i) => i.name);
      lines.push(`${gradeColumn(g.grade)}: ${classes.join(', ') || '-'}.${activities.length ? ` Activities: ${activities.join(', ')}.` : ''}`);
    }
  }
  return {
    kind: 'plan',
    title,
    grades: t.grades.map(gradeColumn),
    rows: t.rows.map((r) => ({ label: r.label, cells: r.cells.map((cell) => cell.join('; ')) })),
    fields,
    text: lines.join('\n'),
  };
}

/** The grade to show as "this year": the student's grade now, kept inside the plan. */
function thisYear(c: PlanContent, studentGrade?: number): number {
  const g = studentGrade ?? c.currentGrade;
  return Math.min(Math.max(g, c.firstGrade), 14);
}

/** "show my plan": this year first, then the compact grade-by-grade view. */
export function showPlanReplies(plan: Plan, header: PlanHeader, opts: { studentGrade?: number } = {}): Reply[] {
  const c = currentPlan(plan);
  const year = thisYear(c, opts.studentGrade);
  const replies: Reply[] = [
    planTable(plan, header, `This year: ${gradeLong(year)}`, [year]),
    planTable(plan, undefined, `Your plan, ${gradeName(c.firstGrade)} grade to 2 years after high school`),
  ];
  if (!c.goal && c.goalSuggestions.length > 0) {
    replies.push(text(`You haven't picked a goal after high school yet. One idea: ${c.goalSuggestions[0]}. To set one, say "my goal is ..."`));
  }
  replies.push(
    text('Nothing here is final. Plans change every year. Say "show 10th grade" to see one year in full, or change things like "move Chemistry to 11th".'),
  );
  return replies;
}

/** "show 10th grade": one year, or a plain answer when that year isn't in the plan. */
export function showGradeReply(plan: Plan, grade: number): PlanTableReply | TextReply {
  const c = currentPlan(plan);
  if (!c.grades.some((g) => g.grade === grade)) {
    return text(`Your plan goes from ${gradeLong(c.firstGrade)} to 2 years after high school, so it has no ${gradeLong(grade)}.`);
  }
  return planTable(plan, undefined, gradeLong(grade)[0]!.toUpperCase() + gradeLong(grade).slice(1), [grade]);
}

/** The postsecondary options in their four groups. */
export function optionsReply(plan: Plan): CardReply {
  const c = currentPlan(plan);
  const fields = OPTION_GROUPS.map((g) => ({ label: OPTION_GROUP_LABELS[g], value: c.options[g].join('; ') }));
  return {
    kind: 'card',
    title: 'Options after high school',
    fields,
    text: ['Options after high school', ...fields.map((f) => `${f.label}: ${f.value}`)].join('\n'),
  };
}

/** The check results in plain words. */
export function problemsReply(problems: PlanProblem[]): TextReply {
  if (problems.length === 0) return text('Your plan has every class you need to graduate, in an order that works.');
  const head = problems.length === 1 ? 'I see 1 thing to fix:' : `I see ${problems.length} things to fix:`;
  return text([head, ...problems.map((p) => `- ${p.message}`)].join('\n'));
}

/** The answer to a change: the confirmation (with how to undo) or the reason it was refused. */
export function changeReply(result: ApplyResult): TextReply {
  if (!result.ok) return text(`${result.reason} Your plan is unchanged.`);
  if (result.summary.startsWith('I undid')) return text(result.confirmation);
  return text(`${result.confirmation} Say "undo" to take it back.`);
}

/** Changes as short lines; a long list shows the first few and how many more. */
function changeList(changes: string[], max = 4): string {
  const shown = changes.length > max + 1 ? changes.slice(0, max) : changes;
  const more = changes.length - shown.length;
  return [...shown.map((c) => `- ${c}`), ...(more > 0 ? [`- and ${more} more`] : [])].join('\n');
}

/** "review my plan": what changed since the last review, then this year and next. */
export function reviewReplies(plan: Plan, header: PlanHeader, opts: { studentGrade?: number } = {}): Reply[] {
  const c = currentPlan(plan);
  const year = thisYear(c, opts.studentGrade);
  const changes = changesSinceLastReview(plan);
  const last = lastReviewedAt(plan);
  const intro = last
    ? `Your last review was on ${last.slice(0, 10)}. ${changes.length === 0 ? 'Nothing has changed since then.' : `Since then:\n${changeList(changes)}`}`
    : `This is your first review. ${changes.length === 0 ? 'Your plan is as it was drafted.' : `Since the draft:\n${changeList(changes)}`}`;
  const replies: Reply[] = [text(intro), planTable(plan, header, `This year: ${gradeLong(year)}`, [year])];
  if (year < 14) replies.push(planTable(plan, undefined, `Next year: ${gradeLong(year + 1)}`, [year + 1]));
  return replies;
}
