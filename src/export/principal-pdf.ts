/**
 * The principal's summary as a one-page PDF: a title with the school, school year and date, the
 * four headline figures for all students, then a horizontal bar chart (vector bars) with one group
 * per grade and one bar per measure. Every bar is labelled in words and numbers ("Plan 48% (32 of
 * 66)"), so nothing depends on colour; the smallest text is 8 pt. A source note ends the page.
 * Tagged for screen readers (the chart reads as a table of grades by measures), in the shipped
 * Unicode font, in the language being spoken.
 */
import { MEASURE_LABELS, MEASURES, percent, percentText, reportLines, type Measure, type ReportLine, type SchoolReport } from '../domain/school-report.js';
import { t } from '../i18n/t.js';
import { openTaggedPdf, type Doc, type Struct } from './pdf-document.js';
import { BODY_FONT, BOLD_FONT } from './pdf-fonts.js';
import { artifact, group, tag } from './pdf-tags.js';
import { pdfText } from './pdf-text.js';

export interface PrincipalPdfOptions {
  /** false writes uncompressed streams (tests search the text). Default true. */
  compress?: boolean;
}

const MARGIN = 40;
const SMALL = 8;
const GREY = '#444444';

/** A fill per measure (dark to light, also distinct in grey print). */
const FILL: Record<Measure, string> = { pathway: '#1f4e79', plan: '#2e75b6', met: '#5b9bd5', reviewed: '#9dc3e6' };

/** "the fall review window" / "the current review window (none has opened yet ...)". */
function windowWords(r: SchoolReport, named: string, none: string): string {
  return r.meta.windowLabel ? t(named, { window: pdfText(r.meta.windowLabel, 60) }) : t(none);
}

function drawTitle(doc: Doc, root: Struct, r: SchoolReport, width: number): void {
  const m = r.meta;
  tag(doc, root, 'H1', () =>
    doc.fillColor('black').font(BOLD_FONT).fontSize(16).text(t('export.principal.title', { school: pdfText(m.school, 80) }), MARGIN, MARGIN, { width }),
  );
  const window = windowWords(r, 'export.principal.window', 'export.principal.noWindow');
  const when = t('export.principal.when', { year: pdfText(m.schoolYear, 10), date: pdfText(m.date, 10), window });
  const scope = pdfText(m.scope, 80);
  const n = r.total.students;
  const who = r.other
    ? t('export.principal.studentsNoGrade', { scope, count: n, noGrade: r.other.students })
    : t('export.principal.students', { scope, count: n });
  for (const line of [when, who]) tag(doc, root, 'P', () => doc.font(BODY_FONT).fontSize(10).fillColor(GREY).text(line, MARGIN, doc.y, { width }));
  doc.fillColor('black');
}

/** Four boxes across the page: the figure for all students, and what it counts. */
function drawHeadline(doc: Doc, root: Struct, total: ReportLine, y: number, width: number): number {
  const gap = 8;
  const w = (width - gap * 3) / 4;
  const labels = MEASURES.map((m) => t('export.principal.countOf', { label: MEASURE_LABELS[m], n: total.counts[m], of: total.students }));
  doc.font(BODY_FONT).fontSize(SMALL);
  const h = 34 + Math.max(...labels.map((l) => doc.heightOfString(l, { width: w - 16 })));
  MEASURES.forEach((m, i) => {
    const x = MARGIN + i * (w + gap);
    artifact(doc, () => {
      doc.rect(x, y, w, h).lineWidth(0.5).stroke('#999999');
      doc.rect(x, y, 5, h).fill(FILL[m]);
    });
    tag(doc, root, 'P', () => {
      doc.fillColor('black').font(BOLD_FONT).fontSize(18).text(percentText(total.counts[m], total.students), x + 12, y + 6, { width: w - 16, lineBreak: false });
      doc.font(BODY_FONT).fontSize(SMALL).text(labels[i]!, x + 12, y + 28, { width: w - 16 });
    });
  });
  return y + h;
}

/** Grade groups of four horizontal bars over a 0-100% scale with light grid lines; tagged as a table. */
function drawChart(doc: Doc, root: Struct, lines: ReportLine[], top: number, width: number, bottom: number): number {
  const gradeW = 92;
  doc.font(BODY_FONT).fontSize(SMALL);
  const labelW = Math.max(...MEASURES.map((m) => doc.widthOfString(t(`export.principal.short.${m}`)))) + 8;
  const valueW = 96;
  const x0 = MARGIN + gradeW + labelW;
  const barsW = width - gradeW - labelW - valueW;
  const axisH = 14;
  const groupGap = 8;
  const barH = Math.max(9.5, Math.min(13, (bottom - top - axisH - lines.length * groupGap) / (lines.length * MEASURES.length)));
  const groupH = barH * MEASURES.length + groupGap;
  const chartBottom = top + axisH + lines.length * groupH - groupGap;

  artifact(doc, () => {
    doc.font(BODY_FONT).fontSize(SMALL).fillColor(GREY);
    for (const p of [0, 25, 50, 75, 100]) {
      const x = x0 + (barsW * p) / 100;
      doc.text(`${p}%`, x - 15, top, { width: 30, align: 'center', lineBreak: false });
      doc.moveTo(x, top + axisH - 2).lineTo(x, chartBottom).lineWidth(0.4).stroke(p === 0 ? '#666666' : '#d0d0d0');
    }
  });
  const table = group(doc, root, 'Table');
  lines.forEach((l, gi) => {
    const gy = top + axisH + gi * groupH;
    artifact(doc, () => {
      if (gi > 0) doc.moveTo(MARGIN, gy - groupGap / 2).lineTo(MARGIN + width, gy - groupGap / 2).lineWidth(0.3).stroke('#e0e0e0');
      MEASURES.forEach((m, bi) => {
        const w = (barsW * (percent(l.counts[m], l.students) ?? 0)) / 100;
        if (w > 0) doc.rect(x0, gy + bi * barH + 1, w, barH - 2).fill(FILL[m]);
      });
    });
    const tr = group(doc, table, 'TR');
    tag(doc, tr, 'TH', () => {
      doc.fillColor('black').font(BOLD_FONT).fontSize(10).text(l.label, MARGIN, gy + 1, { width: gradeW - 6 });
      doc.font(BODY_FONT).fontSize(SMALL).fillColor(GREY).text(t('export.principal.gradeStudents', { count: l.students }), MARGIN, doc.y, { width: gradeW - 6 });
    }, { scope: 'Row' });
    MEASURES.forEach((m, bi) => {
      const y = gy + bi * barH + (barH - SMALL) / 2 - 1;
      const p = percent(l.counts[m], l.students) ?? 0;
      const w = (barsW * p) / 100;
      tag(doc, tr, 'TD', () => {
        doc.fillColor('black').font(BODY_FONT).fontSize(SMALL);
        doc.text(t(`export.principal.short.${m}`), MARGIN + gradeW, y, { width: labelW - 4, align: 'right', lineBreak: false });
        if (l.students === 0 && bi > 0) return;
        const value = l.students === 0 ? t('export.principal.noStudents') : t('export.principal.barValue', { percent: p, n: l.counts[m], of: l.students });
        doc.text(value, x0 + w + 4, y, { width: valueW + barsW - w - 4, lineBreak: false });
      });
    });
    tr.end();
  });
  table.end();
  return chartBottom;
}

/** What the figures count and where they come from. */
function sourceNote(r: SchoolReport): string {
  const m = r.meta;
  return t('export.principal.source', {
    scope: pdfText(m.scope, 80),
    school: pdfText(m.school, 80),
    date: pdfText(m.date, 10),
    window: windowWords(r, 'export.principal.sourceWindow', 'export.principal.sourceNoWindow'),
    year: pdfText(m.schoolYear, 10),
  });
}

export async function renderPrincipalPdf(r: SchoolReport, opts: PrincipalPdfOptions = {}): Promise<Buffer> {
  const { doc, root, finish } = await openTaggedPdf({
    title: t('export.principal.docTitle', { school: pdfText(r.meta.school, 80), year: pdfText(r.meta.schoolYear, 10) }),
    layout: 'portrait',
    margin: MARGIN,
    compress: opts.compress ?? true,
  });
  const width = doc.page.width - MARGIN * 2;
  const pageBottom = doc.page.height - MARGIN;
  // Nothing may flow onto a second page: every block is placed at a fixed position.
  doc.page.margins.bottom = 0;
  drawTitle(doc, root, r, width);
  const headlineBottom = drawHeadline(doc, root, r.total, doc.y + 10, width);
  tag(doc, root, 'H2', () => doc.font(BOLD_FONT).fontSize(11).fillColor('black').text(t('export.principal.byGrade'), MARGIN, headlineBottom + 14));
  const note = sourceNote(r);
  doc.font(BODY_FONT).fontSize(SMALL);
  const noteH = doc.heightOfString(note, { width });
  const chartBottom = drawChart(doc, root, reportLines(r), doc.y + 4, width, pageBottom - noteH - 10);
  const noteY = Math.min(chartBottom + 12, pageBottom - noteH);
  tag(doc, root, 'P', () => doc.font(BODY_FONT).fontSize(SMALL).fillColor(GREY).text(note, MARGIN, noteY, { width }));
  return finish();
}
