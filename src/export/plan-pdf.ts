/**
 * Renders a plan as a printed Personal Plan of Study: a header (student, school, goal, Path,
 * Cluster, Pathway), the grade-by-grade table (plan-pdf-table.ts: grades as rows, subject areas as
 * columns, like the state's sample), then the postsecondary options in their four groups. Landscape
 * US Letter, tagged for screen readers, in the shipped Unicode font, no text under 8 pt.
 */
import { dataPhrase, planItemName } from '../i18n/plan-data-words.js';
import { gradeColumn } from '../domain/plan/grades.js';
import { currentPlan } from '../domain/plan/plan-history.js';
import { optionGroupLabel, OPTION_GROUPS, PLAN_ROWS, rowLabel, type Plan, type PlanContent, type PlanHeader } from '../domain/plan/plan-types.js';
import { sayDay } from '../domain/plan/plan-views.js';
import { t } from '../i18n/t.js';
import { openTaggedPdf, type Doc, type Struct } from './pdf-document.js';
import { BODY_FONT, BOLD_FONT } from './pdf-fonts.js';
import { artifact, group, tag } from './pdf-tags.js';
import { pdfText } from './pdf-text.js';
import { drawPlanTable, type PlanTableInput } from './plan-pdf-table.js';

export interface PlanPdfOptions {
  /** false writes uncompressed streams (tests search the text). Default true. */
  compress?: boolean;
  /** The student's grade now, marked "this year" (kept inside the plan). Default: the grade the plan was drafted in. */
  studentGrade?: number;
}

const MARGIN = 30;
const SMALL = 8;
const GREY = '#444444';

/** One "Label: value" fact, wrapping inside `w`; an empty value gets a line to write on. Returns the bottom y. */
function drawFact(doc: Doc, root: Struct, label: string, value: string, x: number, y: number, w: number, max: number): number {
  const v = pdfText(value, max);
  let bottom = y;
  tag(doc, root, 'P', () => {
    doc.fontSize(9).fillColor('black');
    if (v) {
      doc.font(BOLD_FONT).text(`${label}: `, x, y, { continued: true, width: w });
      doc.font(BODY_FONT).text(v, { width: w });
      bottom = doc.y;
    } else {
      doc.font(BOLD_FONT).text(`${label}:`, x, y, { lineBreak: false });
      bottom = y + doc.currentLineHeight(true);
    }
  });
  if (!v) {
    doc.font(BOLD_FONT).fontSize(9);
    const from = x + doc.widthOfString(`${label}: `);
    const base = y + doc.currentLineHeight() - 1;
    artifact(doc, () => doc.moveTo(from, base).lineTo(x + w, base).lineWidth(0.5).stroke('#999999'));
    doc.lineWidth(1).strokeColor('black');
  }
  return bottom;
}

/**
 * The header: title, then two columns of facts (student, school; Path, Cluster; Pathway, last
 * review), then the goal across the full width. Every fact wraps and pushes the next row down.
 */
function drawHeader(doc: Doc, root: Struct, header: PlanHeader, width: number): void {
  tag(doc, root, 'H1', () => doc.font(BOLD_FONT).fontSize(16).fillColor('black').text(t('export.plan.title'), MARGIN, MARGIN));
  let y = doc.y + 4;
  const half = width / 2;
  const colW = half - 12;
  const rows: [string, string, number][][] = [
    [[t('export.plan.student'), header.name ?? '', 120], [t('export.plan.school'), header.school ?? '', 120]],
    [[t('export.plan.careerPath'), header.path, 120], [t('export.plan.careerCluster'), header.cluster, 120]],
    [
      [t('export.plan.careerPathway'), header.pathway, 120],
      // A date in words ("1 de diciembre de 2026") is longer than the ISO day.
      [t('export.plan.lastReviewed'), header.lastReviewedAt ? sayDay(header.lastReviewedAt) : t('export.plan.notYet'), 40],
    ],
  ];
  for (const row of rows) {
    const bottoms = row.map(([label, value, max], i) => drawFact(doc, root, label, value, MARGIN + i * half, y, colW, max));
    y = Math.max(...bottoms) + 2;
  }
  y = drawFact(doc, root, t('export.plan.goal'), dataPhrase(header.goal), MARGIN, y, width, 220);
  doc.y = y + 8;
}

/** Each page's foot: whose plan it is and "Page 1 of 2", so loose printed pages find each other. */
function drawFooters(doc: Doc, header: PlanHeader, width: number): void {
  const { start, count } = doc.bufferedPageRange();
  const who = [header.name ? pdfText(header.name, 60) : '', pdfText(header.pathway, 60)].filter(Boolean).join(', ');
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const keep = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the bottom margin must not start a new page
    const y = doc.page.height - MARGIN + 2;
    artifact(doc, () => {
      doc.font(BODY_FONT).fontSize(SMALL).fillColor(GREY);
      doc.text(pdfText(t('export.plan.footer', { who }), 200), MARGIN, y, { width: (width * 2) / 3, lineBreak: false, ellipsis: true });
      doc.text(t('export.plan.page', { page: i - start + 1, pages: count }), MARGIN + (width * 2) / 3, y, { width: width / 3, align: 'right', lineBreak: false });
    }, 'Pagination');
    doc.page.margins.bottom = keep;
  }
  doc.fillColor('black');
}

/** The four groups of postsecondary options side by side, each a heading and a list. */
function drawOptions(doc: Doc, root: Struct, content: PlanContent, width: number, bottom: number): void {
  const groupWidth = width / OPTION_GROUPS.length;
  const textW = groupWidth - 12;
  const lists = OPTION_GROUPS.map((g) => content.options[g].map((o) => pdfText(dataPhrase(o), 100)));
  doc.font(BOLD_FONT).fontSize(SMALL);
  const labelH = Math.max(...OPTION_GROUPS.map((g) => doc.heightOfString(optionGroupLabel(g), { width: textW })));
  doc.font(BODY_FONT).fontSize(SMALL);
  const bulletW = doc.widthOfString('• ');
  const listH = Math.max(...lists.map((l) => l.reduce((h, o) => h + doc.heightOfString(o, { width: textW - bulletW }) + 1, 0)));
  doc.font(BOLD_FONT).fontSize(11);
  const headingH = doc.currentLineHeight(true) + 4;
  if (doc.y + 12 + headingH + labelH + 4 + listH > bottom) doc.addPage();
  else doc.y += 12;
  tag(doc, root, 'H2', () => doc.font(BOLD_FONT).fontSize(11).fillColor('black').text(t('export.plan.options'), MARGIN, doc.y));
  const oy = doc.y + 4;
  OPTION_GROUPS.forEach((g, i) => {
    const x = MARGIN + i * groupWidth;
    tag(doc, root, 'H3', () => doc.font(BOLD_FONT).fontSize(SMALL).text(optionGroupLabel(g), x, oy, { width: textW }));
    const list = group(doc, root, 'L');
    let y = oy + labelH + 4;
    for (const o of lists[i]!) {
      const li = group(doc, list, 'LI');
      tag(doc, li, 'LBody', () => {
        doc.font(BODY_FONT).fontSize(SMALL).text('•', x, y, { lineBreak: false });
        doc.text(o, x + bulletW, y, { width: textW - bulletW });
      }, { actual: o });
      li.end();
      y = doc.y + 1;
    }
    list.end();
  });
  doc.y = oy + labelH + 4 + listH;
}

/** The table's rows: one per grade of the plan, subject areas across. */
function tableInput(content: PlanContent, thisYear: number): PlanTableInput {
  return {
    gradeHeading: t('export.plan.grade'),
    headings: PLAN_ROWS.map(rowLabel),
    rows: content.grades.map((g) => ({
      label: gradeColumn(g.grade),
      thisYear: g.grade === thisYear,
      // Courses as the school calls them; work-based learning and activities in the reader's language.
      cells: PLAN_ROWS.map((row) => g.rows[row].map((i) => pdfText(planItemName(row, i), 140))),
    })),
  };
}

export async function renderPlanPdf(plan: Plan, header: PlanHeader, opts: PlanPdfOptions = {}): Promise<Buffer> {
  const { doc, root, finish } = await openTaggedPdf({
    title: header.name ? t('export.plan.footer', { who: header.name }) : t('export.plan.title'),
    layout: 'landscape',
    margin: MARGIN,
    compress: opts.compress ?? true,
    bufferPages: true,
  });
  const content = currentPlan(plan);
  const width = doc.page.width - MARGIN * 2;
  const bottom = () => doc.page.height - MARGIN - 6; // room for the footer
  const thisYear = Math.min(Math.max(opts.studentGrade ?? content.currentGrade, content.firstGrade), 14);

  drawHeader(doc, root, header, width);
  drawPlanTable(doc, root, tableInput(content, thisYear), { x: MARGIN, width, bottom, newPage: () => doc.addPage() });
  drawOptions(doc, root, content, width, bottom());
  doc.font(BODY_FONT).fontSize(SMALL);
  const note = t('export.plan.startingPoint');
  if (doc.y + 8 + doc.heightOfString(note, { width }) > bottom()) doc.addPage();
  else doc.y += 8;
  tag(doc, root, 'P', () => doc.font(BODY_FONT).fontSize(SMALL).fillColor(GREY).text(note, MARGIN, doc.y, { width }));
  doc.fillColor('black');
  drawFooters(doc, header, width);
  return finish();
}
