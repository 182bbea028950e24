/**
 * The plan as CSV, the same rows as the printed plan: a heading row of grades, one row per plan
 * row (items in a cell joined by "; "), then the goal and the postsecondary options. Cells that a
 * spreadsheet would run as a formula are defused with a leading apostrophe.
 */
import { stringify } from 'csv-stringify/sync';
import { cleanText } from '../domain/plan/clean-text.js';
import { dataPhrase } from '../i18n/plan-data-words.js';
import { gradeColumn } from '../domain/plan/grades.js';
import { currentPlan } from '../domain/plan/plan-history.js';
import { optionGroupLabel, OPTION_GROUPS, type Plan, type PlanHeader } from '../domain/plan/plan-types.js';
import { fileDay, planRows } from '../domain/plan/plan-views.js';
import { t } from '../i18n/t.js';

/** Cleans a cell and stops spreadsheet formula injection ("=HYPERLINK(...)"). */
export function csvCell(s: string, max = 400): string {
  const c = cleanText(s, max);
  return /^[=+\-@]/.test(c) ? `'${c}` : c;
}

export function planCsvRows(plan: Plan, header: PlanHeader): string[][] {
  const content = currentPlan(plan);
  const table = planRows(content);
  const width = table.grades.length + 1;
  const pad = (row: string[]) => [...row, ...Array(Math.max(0, width - row.length)).fill('')];
  return [
    pad([t('export.plan.student'), csvCell(header.name ?? '')]),
    pad([t('export.plan.school'), csvCell(header.school ?? '')]),
    pad([t('export.plan.goal'), csvCell(dataPhrase(header.goal))]),
    pad([t('export.plan.careerPath'), csvCell(header.path)]),
    pad([t('export.plan.careerCluster'), csvCell(header.cluster)]),
    pad([t('export.plan.careerPathway'), csvCell(header.pathway)]),
    pad([t('export.plan.lastReviewed'), header.lastReviewedAt ? fileDay(header.lastReviewedAt) : '']),
    [t('export.plan.grade'), ...table.grades.map(gradeColumn)],
    ...table.rows.map((r) => [r.label, ...r.cells.map((items) => csvCell(items.join('; ')))]),
    ...OPTION_GROUPS.map((g) => pad([t('export.plan.optionGroup', { group: optionGroupLabel(g) }), csvCell(content.options[g].map(dataPhrase).join('; '))])),
  ];
}

export function renderPlanCsv(plan: Plan, header: PlanHeader): string {
  return stringify(planCsvRows(plan, header), { record_delimiter: 'windows' });
}
