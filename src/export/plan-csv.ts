/**
 * The plan as CSV, the same rows as the printed plan: a heading row of grades, one row per plan
 * row (items in a cell joined by "; "), then the goal and the postsecondary options. Cells that a
 * spreadsheet would run as a formula are defused with a leading apostrophe.
 */
import { stringify } from 'csv-stringify/sync';
import { cleanText } from '../domain/plan/clean-text.js';
import { gradeColumn } from '../domain/plan/grades.js';
import { currentPlan } from '../domain/plan/plan-history.js';
import { OPTION_GROUP_LABELS, OPTION_GROUPS, type Plan, type PlanHeader } from '../domain/plan/plan-types.js';
import { planRows } from '../domain/plan/plan-views.js';

/** Cleans a cell and stops spreadsheet formula injection ("=HYPERLINK(...)"). */
export function csvCell(s: string, max = 400): string {
  const c = cleanText(s, max);
  return /^[=+\-@]/.test(c) ? `'${c}` : c;
}

export function planCsvRows(plan: Plan, header: PlanHeader): string[][] {
  const content = currentPlan(plan);
  const t = planRows(content);
  const width = t.grades.length + 1;
  const pad = (row: string[]) => [...row, ...Array(Math.max(0, width - row.length)).fill('')];
  return [
    pad(['Student', csvCell(header.name ?? '')]),
    pad(['School', csvCell(header.school ?? '')]),
    pad(['Postsecondary goal', csvCell(header.goal)]),
    pad(['Career Path', csvCell(header.path)]),
    pad(['Career Cluster', csvCell(header.cluster)]),
    pad(['Career Pathway', csvCell(header.pathway)]),
    pad(['Last reviewed', header.lastReviewedAt ? header.lastReviewedAt.slice(0, 10) : '']),
    ['Grade', ...t.grades.map(gradeColumn)],
    ...t.rows.map((r) => [r.label, ...r.cells.map((items) => csvCell(items.join('; ')))]),
    ...OPTION_GROUPS.map((g) => pad([`Postsecondary options: ${OPTION_GROUP_LABELS[g]}`, csvCell(content.options[g].join('; '))])),
  ];
}

export function renderPlanCsv(plan: Plan, header: PlanHeader): string {
  return stringify(planCsvRows(plan, header), { record_delimiter: 'windows' });
}
