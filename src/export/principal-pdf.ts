/**
 * The principal's summary as a one-page PDF: a title with the school, school year and date, the
 * four headline figures for all students, then a horizontal bar chart (vector bars) with one group
 * per grade and one bar per measure. Every bar is labelled in words and numbers ("Plan 48% (32 of
 * 66)"), so nothing depends on colour; the smallest text is 8 pt. A source note ends the page.
 */
import type PDFDocument from 'pdfkit';
import { loadPdfkit } from './load-pdfkit.js';
import { MEASURE_LABELS, MEASURES, percent, percentText, reportLines, type Measure, type ReportLine, type SchoolReport } from '../domain/school-report.js';
import { pdfText } from './pdf-text.js';

export interface PrincipalPdfOptions {
  /** false writes uncompressed streams (tests search the text). Default true. */
  compress?: boolean;
}

type Doc = InstanceType<typeof PDFDocument>;

const MARGIN = 40;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const SMALL = 8;
const GREY = '#444444';

/** Short bar labels, and a fill per measure (dark to light, also distinct in grey print). */
const SHORT: Record<Measure, string> = { pathway: 'Pathway', plan: 'Plan', met: 'Met', reviewed: 'Reviewed' };
const FILL: Record<Measure, string> = { pathway: '#1f4e79', plan: '#2e75b6', met: '#5b9bd5', reviewed: '#9dc3e6' };

function drawTitle(doc: Doc, r: SchoolReport, width: number): void {
  const m = r.meta;
  doc.fillColor('black').font(BOLD).fontSize(16).text(`Plan of Study report: ${pdfText(m.school, 80)}`, MARGIN, MARGIN, { width });
  doc.font(FONT).fontSize(10).fillColor(GREY);
  const window = m.windowLabel ? `${pdfText(m.windowLabel, 60)} review window` : 'no review window open yet';
  doc.text(`School year ${pdfText(m.schoolYear, 10)}  |  as of ${pdfText(m.date, 10)}  |  ${window}`, { width });
  const n = r.total.students;
  const noGrade = r.other ? ` (${r.other.students} with no grade set)` : '';
  doc.text(`${pdfText(m.scope, 80)}: ${n} student${n === 1 ? '' : 's'}${noGrade}`, { width });
  doc.fillColor('black');
}

/** Four boxes across the page: the figure for all students, and what it counts. */
function drawHeadline(doc: Doc, total: ReportLine, y: number, width: number): number {
  const gap = 8;
  const w = (width - gap * 3) / 4;
  const h = 50;
  MEASURES.forEach((m, i) => {
    const x = MARGIN + i * (w + gap);
    doc.rect(x, y, w, h).lineWidth(0.5).stroke('#999999');
    doc.rect(x, y, 5, h).fill(FILL[m]);
    doc.fillColor('black').font(BOLD).fontSize(18).text(percentText(total.counts[m], total.students), x + 12, y + 6, { width: w - 16, lineBreak: false });
    doc.font(FONT).fontSize(SMALL).text(`${MEASURE_LABELS[m]} (${total.counts[m]} of ${total.students})`, x + 12, y + 28, { width: w - 16 });
  });
  return y + h;
}

/** Grade groups of four horizontal bars over a 0-100% scale with light grid lines. */
function drawChart(doc: Doc, lines: ReportLine[], top: number, width: number, bottom: number): number {
  const gradeW = 70;
  const labelW = 52;
  const valueW = 92;
  const x0 = MARGIN + gradeW + labelW;
  const barsW = width - gradeW - labelW - valueW;
  const axisH = 14;
  const groupGap = 8;
  const barH = Math.max(9, Math.min(13, (bottom - top - axisH - lines.length * groupGap) / (lines.length * MEASURES.length)));
  const groupH = barH * MEASURES.length + groupGap;
  const chartBottom = top + axisH + lines.length * groupH - groupGap;

  doc.font(FONT).fontSize(SMALL).fillColor(GREY);
  for (const p of [0, 25, 50, 75, 100]) {
    const x = x0 + (barsW * p) / 100;
    doc.text(`${p}%`, x - 15, top, { width: 30, align: 'center', lineBreak: false });
    doc.moveTo(x, top + axisH - 2).lineTo(x, chartBottom).lineWidth(0.4).stroke(p === 0 ? '#666666' : '#d0d0d0');
  }
  lines.forEach((l, gi) => {
    const gy = top + axisH + gi * groupH;
    if (gi > 0) doc.moveTo(MARGIN, gy - groupGap / 2).lineTo(MARGIN + width, gy - groupGap / 2).lineWidth(0.3).stroke('#e0e0e0');
    doc.fillColor('black').font(BOLD).fontSize(10).text(l.label, MARGIN, gy + 2, { width: gradeW - 4 });
    doc.font(FONT).fontSize(SMALL).fillColor(GREY).text(`${l.students} student${l.students === 1 ? '' : 's'}`, MARGIN, doc.y, { width: gradeW - 4 });
    MEASURES.forEach((m, bi) => {
      const y = gy + bi * barH;
      const p = percent(l.counts[m], l.students) ?? 0;
      doc.fillColor('black').font(FONT).fontSize(SMALL).text(SHORT[m], MARGIN + gradeW, y + (barH - SMALL) / 2, { width: labelW - 4, align: 'right', lineBreak: false });
      const w = (barsW * p) / 100;
      if (w > 0) doc.rect(x0, y + 1, w, barH - 2).fill(FILL[m]);
      doc.fillColor('black').font(FONT).fontSize(SMALL);
      if (l.students === 0 && bi > 0) return;
      const value = l.students === 0 ? 'no students in this grade' : `${p}% (${l.counts[m]} of ${l.students})`;
      doc.text(value, x0 + w + 4, y + (barH - SMALL) / 2, { width: valueW + barsW - w - 4, lineBreak: false });
    });
  });
  return chartBottom;
}

function drawSource(doc: Doc, r: SchoolReport, y: number, width: number): void {
  const m = r.meta;
  const window = m.windowLabel ? `the ${pdfText(m.windowLabel, 60)} review window` : 'the current review window (none has opened yet this school year)';
  doc.font(FONT).fontSize(SMALL).fillColor(GREY).text(
    `Source: Waypoint records for ${pdfText(m.scope, 80)} at ${pdfText(m.school, 80)}, ${pdfText(m.date, 10)}. ` +
      'Pathway: the student chose a Career Pathway. Plan: the student has a Personal Plan of Study (ICAP). ' +
      `Met: a counselor recorded a meeting with the student for ${window}. ` +
      `Reviewed: the plan was reviewed, or a counselor meeting was recorded, since the ${pdfText(m.schoolYear, 10)} school year began. ` +
      'Percentages are of all students in the grade. Counts only: no student names or ids are in this report.',
    MARGIN,
    y,
    { width },
  );
  doc.fillColor('black');
}

export async function renderPrincipalPdf(r: SchoolReport, opts: PrincipalPdfOptions = {}): Promise<Buffer> {
  const PDF = await loadPdfkit();
  const doc = new PDF({
    size: 'LETTER',
    margin: MARGIN,
    compress: opts.compress ?? true,
    info: { Title: `Plan of Study report: ${pdfText(r.meta.school, 80)}, ${r.meta.schoolYear}`, Creator: 'Waypoint' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - MARGIN * 2;
  const pageBottom = doc.page.height - MARGIN;
  // Nothing may flow onto a second page: every block is placed at a fixed position.
  doc.page.margins.bottom = 0;
  drawTitle(doc, r, width);
  const headlineBottom = drawHeadline(doc, r.total, doc.y + 10, width);
  doc.font(BOLD).fontSize(11).fillColor('black').text('By grade', MARGIN, headlineBottom + 14);
  const sourceH = 58;
  const chartBottom = drawChart(doc, reportLines(r), doc.y + 4, width, pageBottom - sourceH - 10);
  drawSource(doc, r, Math.min(chartBottom + 12, pageBottom - sourceH), width);
  doc.end();
  return done;
}
