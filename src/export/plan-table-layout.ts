/**
 * How wide each subject column of the printed plan is. Every column is at least as wide as its
 * heading's and its items' longest word (so no word is cut); the room left goes, a little at a
 * time, where it shortens the table most: a row is as tall as its fullest cell, so a column of long
 * work-based learning steps gets more room than a column holding "Algebra I".
 */

export interface ColumnText {
  /** The column heading (wraps on spaces). */
  heading: string;
  /** One list of items per grade row. */
  cells: string[][];
}

export interface TextMeasure {
  /** Width of `text` on one line in the body font at the cell size. */
  body: (text: string) => number;
  /** Width of `text` on one line in the bold font at the heading size. */
  bold: (text: string) => number;
}

/** A column is never given more than this many times an even share. */
const MAX_SHARE = 2.5;
/** Room given per step, in points. */
const STEP = 2;
/** Lines an item needs, about (wrapping on spaces leaves part of each line empty): width / room * this. Kept
 * fractional, so every bit of room given shows in the estimate. */
const WRAP_WASTE = 1.1;
/** Rows are compared by a smooth stand-in for "the fullest cell" (the p-norm of their cells' lines). */
const P = 6;

function longestWord(words: string[], width: (w: string) => number): number {
  return Math.max(0, ...words.flatMap((s) => s.split(/\s+/)).map(width));
}

/**
 * Widths for `columns` (in order) that add up to `total`; `pad` is the room a cell keeps on both
 * sides of its text, `bullet` the width of the mark before each item.
 */
export function columnWidths(columns: ColumnText[], total: number, pad: number, bullet: number, m: TextMeasure): number[] {
  const even = total / columns.length;
  const cap = even * MAX_SHARE;
  const least = columns.map((c) =>
    Math.min(cap, Math.max(longestWord([c.heading], m.bold), bullet + longestWord(c.cells.flat(), m.body)) + pad * 2 + 4),
  );
  const sumLeast = least.reduce((a, b) => a + b, 0);
  if (sumLeast >= total) return least.map((w) => (w * total) / sumLeast); // very long words: squeeze evenly

  // itemWidths[col][row] = the one-line width of each item in that cell.
  const itemWidths = columns.map((c) => c.cells.map((items) => items.map((i) => m.body(i))));
  const rows = Math.max(0, ...columns.map((c) => c.cells.length));
  const lines = (col: number, row: number, w: number): number => {
    const room = Math.max(1, w - pad * 2 - bullet);
    const items = itemWidths[col]![row] ?? [];
    return items.length === 0 ? 1 : items.reduce((n, iw) => n + Math.max(1, (iw / room) * WRAP_WASTE), 0);
  };
  const tableHeight = (widths: number[]): number => {
    let sum = 0;
    for (let r = 0; r < rows; r++) sum += widths.reduce((acc, w, c) => acc + lines(c, r, w) ** P, 0) ** (1 / P);
    return sum;
  };

  const widths = least.slice();
  let left = total - sumLeast;
  while (left >= STEP) {
    const now = tableHeight(widths);
    let best = -1;
    let gain = 1e-9;
    widths.forEach((w, c) => {
      if (w + STEP > cap) return;
      widths[c] = w + STEP;
      const g = now - tableHeight(widths);
      widths[c] = w;
      if (g > gain) [best, gain] = [c, g];
    });
    if (best < 0) break; // more room shortens nothing: share the rest evenly
    widths[best]! += STEP;
    left -= STEP;
  }
  return widths.map((w) => w + left / widths.length);
}
