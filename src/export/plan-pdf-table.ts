/**
 * The grade-by-grade table of the printed plan, laid out like the state's sample Personal Plan of
 * Study: one row per grade, one column per subject area (work-based learning and activities in
 * columns of their own). "This year" is shaded and said in words on the student's current grade;
 * an empty cell shows "—". A row too tall for what is left of the page is split, its grade saying
 * "(continued)", and the heading row is repeated on each new page. Tagged as a Table (TR, TH, TD)
 * so a screen reader can read it cell by cell with its headings.
 */
import { t } from '../i18n/t.js';
import type { Doc, Struct } from './pdf-document.js';
import { BODY_FONT, BOLD_FONT } from './pdf-fonts.js';
import { artifact, group, tag } from './pdf-tags.js';
import { columnWidths } from './plan-table-layout.js';

export interface PlanTableRow {
  /** "9th", "After HS 1". */
  label: string;
  thisYear: boolean;
  /** One list of item names per subject column (already made safe with pdfText). */
  cells: string[][];
}

export interface PlanTableInput {
  /** The first column's heading ("Grade"). */
  gradeHeading: string;
  /** Subject area headings, one per column. */
  headings: string[];
  rows: PlanTableRow[];
}

const SIZE = 8;
const PAD = 4;
const ITEM_GAP = 2;
const BULLET = '•';
const EMPTY = '—';
const RULE = '#8c8c8c';
const HEAD_FILL = '#e6e6e6';
const THIS_YEAR_FILL = '#fff2c2';

interface Geometry {
  x: number;
  /** Widths: the grade column, then each subject column. */
  widths: number[];
  bulletW: number;
}

function measureItems(doc: Doc, items: string[], width: number, bulletW: number): number {
  doc.font(BODY_FONT).fontSize(SIZE);
  if (items.length === 0) return doc.currentLineHeight(true);
  return items.reduce((h, item) => h + doc.heightOfString(item, { width: width - PAD * 2 - bulletW }), 0) + ITEM_GAP * (items.length - 1);
}

function labelLines(row: PlanTableRow, piece: number): string[] {
  const label = piece === 0 ? row.label : t('export.plan.continued', { row: row.label });
  return row.thisYear ? [label, t('export.plan.thisYear')] : [label];
}

function measureLabel(doc: Doc, lines: string[], width: number): number {
  doc.font(BOLD_FONT).fontSize(SIZE);
  return lines.reduce((h, l) => h + doc.heightOfString(l, { width: width - PAD * 2 }), 0);
}

function geometry(doc: Doc, input: PlanTableInput, x: number, width: number): Geometry {
  doc.font(BODY_FONT).fontSize(SIZE);
  const bulletW = doc.widthOfString(`${BULLET} `);
  const body = (s: string) => doc.font(BODY_FONT).fontSize(SIZE).widthOfString(s);
  const bold = (s: string) => doc.font(BOLD_FONT).fontSize(SIZE).widthOfString(s);
  // Wide enough for "After HS 1", "This year" and each word of "10th (continued)" on a line.
  const words = [input.gradeHeading, t('export.plan.thisYear'), ...input.rows.flatMap((r) => [r.label, ...t('export.plan.continued', { row: r.label }).split(' ')])];
  const gradeW = Math.max(50, ...words.map(bold)) + PAD * 2 + 2;
  const columns = input.headings.map((heading, i) => ({ heading, cells: input.rows.map((r) => r.cells[i]!) }));
  const widths = [gradeW, ...columnWidths(columns, width - gradeW, PAD, bulletW, { body, bold })];
  return { x, widths, bulletW };
}

function xOf(g: Geometry, col: number): number {
  return g.x + g.widths.slice(0, col).reduce((a, b) => a + b, 0);
}

/** The heading row; tagged the first time, an artifact when repeated on a later page. */
function drawHeading(doc: Doc, table: Struct | undefined, g: Geometry, input: PlanTableInput): void {
  const y = doc.y;
  const texts = [input.gradeHeading, ...input.headings];
  doc.font(BOLD_FONT).fontSize(SIZE);
  const h = Math.max(...texts.map((s, i) => doc.heightOfString(s, { width: g.widths[i]! - PAD * 2 }))) + PAD * 2;
  const total = g.widths.reduce((a, b) => a + b, 0);
  artifact(doc, () => {
    doc.rect(g.x, y, total, h).fill(HEAD_FILL);
    texts.forEach((_, i) => doc.rect(xOf(g, i), y, g.widths[i]!, h).lineWidth(0.5).stroke(RULE));
    doc.fillColor('black');
  });
  const drawText = (i: number) => () =>
    doc.font(BOLD_FONT).fontSize(SIZE).fillColor('black').text(texts[i]!, xOf(g, i) + PAD, y + PAD, { width: g.widths[i]! - PAD * 2 });
  if (table) {
    const tr = group(doc, table, 'TR');
    texts.forEach((_, i) => tag(doc, tr, 'TH', drawText(i), { scope: 'Column' }));
    tr.end();
  } else {
    artifact(doc, () => texts.forEach((_, i) => drawText(i)()), 'Pagination');
  }
  doc.y = y + h;
}

/** A cell's items, each after a bullet with its wrapped lines indented; "—" when the cell is empty. */
function drawCell(doc: Doc, items: string[], x: number, y: number, w: number, bulletW: number, continued: boolean): void {
  doc.font(BODY_FONT).fontSize(SIZE);
  if (items.length === 0) {
    if (continued) return; // its items were all on the page before
    doc.fillColor('#555555').text(EMPTY, x + PAD, y + PAD, { width: w - PAD * 2, align: 'center' });
    doc.fillColor('black');
    return;
  }
  let at = y + PAD;
  for (const item of items) {
    doc.text(BULLET, x + PAD, at, { lineBreak: false });
    doc.text(item, x + PAD + bulletW, at, { width: w - PAD * 2 - bulletW });
    at = doc.y + ITEM_GAP;
  }
}

/** One piece of a grade row (all of it, or what fits on this page). */
function drawRowPiece(doc: Doc, table: Struct, g: Geometry, row: PlanTableRow, piece: number, parts: string[][], h: number): void {
  const y = doc.y;
  const lines = labelLines(row, piece);
  artifact(doc, () => {
    if (row.thisYear) doc.rect(g.x, y, g.widths.reduce((a, b) => a + b, 0), h).fill(THIS_YEAR_FILL);
    g.widths.forEach((w, i) => doc.rect(xOf(g, i), y, w, h).lineWidth(0.5).stroke(RULE));
    doc.fillColor('black');
  });
  const tr = group(doc, table, 'TR');
  tag(doc, tr, 'TH', () => {
    doc.font(BOLD_FONT).fontSize(SIZE).fillColor('black').text(lines[0]!, xOf(g, 0) + PAD, y + PAD, { width: g.widths[0]! - PAD * 2 });
    if (lines[1]) doc.text(lines[1], { width: g.widths[0]! - PAD * 2 });
  }, { scope: 'Row', actual: lines.join(' ') });
  // A screen reader says the items apart ("English I; Health"), without the bullets drawn before them.
  parts.forEach((items, i) =>
    tag(doc, tr, 'TD', () => drawCell(doc, items, xOf(g, i + 1), y, g.widths[i + 1]!, g.bulletW, piece > 0), items.length ? { actual: items.join('; ') } : {}),
  );
  tr.end();
  doc.y = y + h;
}

/**
 * Draws the table from doc.y down, adding pages as needed (`newPage` adds one and returns the y to
 * continue from). Leaves doc.y under the table.
 */
export function drawPlanTable(doc: Doc, root: Struct, input: PlanTableInput, box: { x: number; width: number; bottom: () => number; newPage: () => void }): void {
  const g = geometry(doc, input, box.x, box.width);
  const table = group(doc, root, 'Table');
  drawHeading(doc, table, g, input);
  const cellHeight = (items: string[], col: number) => measureItems(doc, items, g.widths[col + 1]!, g.bulletW);
  for (const row of input.rows) {
    let left = row.cells.map((items) => items.slice());
    let piece = 0;
    let freshPage = false;
    while (piece === 0 || left.some((items) => items.length > 0)) {
      const labelH = measureLabel(doc, labelLines(row, piece), g.widths[0]!);
      const room = box.bottom() - doc.y - PAD * 2;
      const take = left.map((items, col) => {
        let n = items.length;
        while (n > 0 && cellHeight(items.slice(0, n), col) > room) n--;
        // An item taller than a whole page (it cannot be: names are cut to 140 characters) goes anyway.
        return freshPage ? Math.max(n, Math.min(1, items.length)) : n;
      });
      const fits = take.every((n, i) => n === left[i]!.length) && labelH <= room;
      // Start the row on a new page rather than leave a sliver of it at the foot of this one.
      if (!fits && !freshPage && (room < 60 || take.every((n) => n === 0))) {
        box.newPage();
        drawHeading(doc, undefined, g, input);
        freshPage = true;
        continue;
      }
      freshPage = false;
      const parts = left.map((items, i) => items.slice(0, take[i]));
      left = left.map((items, i) => items.slice(take[i]));
      const h = Math.max(labelH, ...parts.map((items, col) => cellHeight(items, col))) + PAD * 2;
      drawRowPiece(doc, table, g, row, piece, parts, h);
      piece++;
    }
  }
  table.end();
}
