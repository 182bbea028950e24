/**
 * Renders a plan as a printed Personal Plan of Study: a header (student, school, goal, Path,
 * Cluster, Pathway), a landscape table with one column per grade (cells wrap; the heading row is
 * repeated on a new page), then the postsecondary options in their four groups.
 */
import type PDFDocument from 'pdfkit';
import { loadPdfkit } from './load-pdfkit.js';
import { dataPhrase } from '../i18n/plan-data-words.js';
import { gradeColumn } from '../domain/plan/grades.js';
import { currentPlan } from '../domain/plan/plan-history.js';
import { optionGroupLabel, OPTION_GROUPS, type Plan, type PlanHeader } from '../domain/plan/plan-types.js';
import { planRows, sayDay } from '../domain/plan/plan-views.js';
import { t } from '../i18n/t.js';
import { pdfText } from './pdf-text.js';

export interface PlanPdfOptions {
  /** false writes uncompressed streams (tests search the text). Default true. */
  compress?: boolean;
}

const MARGIN = 30;
const LABEL_WIDTH = 78;
const PAD = 3;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const CELL_SIZE = 7;

type Doc = InstanceType<typeof PDFDocument>;

/** One "Label: value" fact, wrapping inside `w`; an empty value gets a line to write on. Returns the bottom y. */
function drawFact(doc: Doc, label: string, value: string, x: number, y: number, w: number, max: number): number {
  doc.fontSize(9);
  const v = pdfText(value, max);
  if (!v) {
    doc.font(BOLD).text(`${label}:`, x, y, { lineBreak: false });
    const from = x + doc.widthOfString(`${label}: `);
    const base = y + doc.currentLineHeight() - 1;
    doc.moveTo(from, base).lineTo(x + w, base).lineWidth(0.5).stroke('#999999');
    doc.lineWidth(1).strokeColor('black');
    return y + doc.currentLineHeight(true);
  }
  doc.font(BOLD).text(`${label}: `, x, y, { continued: true, width: w });
  doc.font(FONT).text(v, { width: w });
  return doc.y;
}

/**
 * The header: title, then two columns of facts (student, school; Path, Cluster; Pathway, last
 * review), then the goal across the full width. Every fact wraps and pushes the next row down.
 */
function drawHeader(doc: Doc, header: PlanHeader, width: number): void {
  doc.font(BOLD).fontSize(16).text(t('export.plan.title'), MARGIN, MARGIN);
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
    const bottoms = row.map(([label, value, max], i) => drawFact(doc, label, value, MARGIN + i * half, y, colW, max));
    y = Math.max(...bottoms) + 2;
  }
  y = drawFact(doc, t('export.plan.goal'), dataPhrase(header.goal), MARGIN, y, width, 220);
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
    const y = doc.page.height - MARGIN + 3;
    doc.font(FONT).fontSize(7).fillColor('#444444');
    doc.text(pdfText(t('export.plan.footer', { who }), 200), MARGIN, y, { width: width / 2, lineBreak: false, ellipsis: true });
    doc.text(t('export.plan.page', { page: i - start + 1, pages: count }), MARGIN + width / 2, y, { width: width / 2, align: 'right', lineBreak: false });
    doc.page.margins.bottom = keep;
  }
  doc.fillColor('black');
}

export async function renderPlanPdf(plan: Plan, header: PlanHeader, opts: PlanPdfOptions = {}): Promise<Buffer> {
  const PDF = await loadPdfkit();
  const doc = new PDF({
    size: 'LETTER',
    layout: 'landscape',
    margin: MARGIN,
    compress: opts.compress ?? true,
    bufferPages: true,
    info: { Title: t('export.plan.title'), Creator: 'Waypoint' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const content = currentPlan(plan);
  const width = doc.page.width - MARGIN * 2;
  const bottom = () => doc.page.height - MARGIN;

  drawHeader(doc, header, width);

  // Table
  const table = planRows(content);
  const colWidth = (width - LABEL_WIDTH) / table.grades.length;
  const drawHeading = () => {
    const y = doc.y;
    doc.rect(MARGIN, y, width, 14).fillAndStroke('#e6e6e6', '#999999').fillColor('black');
    doc.font(BOLD).fontSize(8);
    doc.text('', MARGIN + PAD, y + 4, { width: LABEL_WIDTH - PAD * 2 });
    table.grades.forEach((g, i) => {
      doc.text(gradeColumn(g), MARGIN + LABEL_WIDTH + i * colWidth + PAD, y + 4, { width: colWidth - PAD * 2, align: 'center', lineBreak: false });
    });
    doc.y = y + 14;
  };
  drawHeading();
  const cellHeight = (items: string[]) => {
    doc.font(FONT).fontSize(CELL_SIZE);
    return items.length === 0 ? 0 : doc.heightOfString(items.join('\n'), { width: colWidth - PAD * 2 });
  };
  for (const row of table.rows) {
    // A row taller than what is left of the page is split; its label says "(continued)".
    let left = row.cells.map((items) => items.map((n) => `• ${pdfText(n, 140)}`));
    let piece = 0;
    while (piece === 0 || left.some((items) => items.length > 0)) {
      const label = piece === 0 ? row.label : t('export.plan.continued', { row: row.label });
      doc.font(BOLD).fontSize(8);
      const labelHeight = doc.heightOfString(label, { width: LABEL_WIDTH - PAD * 2 });
      const room = bottom() - doc.y - PAD * 2;
      const take = left.map((items) => {
        let n = items.length;
        while (n > 0 && cellHeight(items.slice(0, n)) > room) n--;
        return n;
      });
      const fits = take.every((n, i) => n === left[i]!.length) && labelHeight <= room;
      if (!fits && (room < 40 || take.every((n) => n === 0))) {
        doc.addPage();
        drawHeading();
        continue;
      }
      const parts = left.map((items, i) => items.slice(0, take[i]));
      left = left.map((items, i) => items.slice(take[i]));
      const h = Math.max(labelHeight, ...parts.map(cellHeight)) + PAD * 2;
      const y = doc.y;
      doc.rect(MARGIN, y, LABEL_WIDTH, h).stroke('#999999');
      doc.font(BOLD).fontSize(8).text(label, MARGIN + PAD, y + PAD, { width: LABEL_WIDTH - PAD * 2 });
      doc.font(FONT).fontSize(CELL_SIZE);
      parts.forEach((items, i) => {
        const x = MARGIN + LABEL_WIDTH + i * colWidth;
        doc.rect(x, y, colWidth, h).stroke('#999999');
        if (items.length > 0) doc.text(items.join('\n'), x + PAD, y + PAD, { width: colWidth - PAD * 2 });
      });
      doc.y = y + h;
      piece++;
    }
  }

  // Postsecondary options
  const groupWidth = width / OPTION_GROUPS.length;
  doc.font(FONT).fontSize(8);
  const optionHeights = OPTION_GROUPS.map((g) =>
    doc.heightOfString(content.options[g].map((o) => `• ${pdfText(dataPhrase(o), 100)}`).join('\n'), { width: groupWidth - 10 }),
  );
  const blockHeight = 30 + Math.max(...optionHeights);
  if (doc.y + 12 + blockHeight > bottom()) doc.addPage();
  else doc.y += 12;
  doc.font(BOLD).fontSize(11).text(t('export.plan.options'), MARGIN, doc.y);
  const oy = doc.y + 4;
  OPTION_GROUPS.forEach((g, i) => {
    const x = MARGIN + i * groupWidth;
    doc.font(BOLD).fontSize(8).text(optionGroupLabel(g), x, oy, { width: groupWidth - 10 });
    doc.font(FONT).fontSize(8).text(content.options[g].map((o) => `• ${pdfText(dataPhrase(o), 100)}`).join('\n'), x, oy + 22, { width: groupWidth - 10 });
  });
  doc.y = oy + blockHeight;
  if (doc.y + 14 <= bottom()) {
    doc.font(FONT).fontSize(7).fillColor('#444444').text(
      t('export.plan.startingPoint'),
      MARGIN,
      doc.y,
      { width },
    );
  }
  drawFooters(doc, header, width);
  doc.end();
  return done;
}
