/**
 * Tagging what is drawn: text goes into structure elements (headings, paragraphs, table cells)
 * that a screen reader reads in order; rules, boxes and page footers are marked as artifacts,
 * which assistive technology skips.
 */
import type { Doc, Struct } from './pdf-document.js';

export interface TagOptions {
  /** For a table heading cell: whether it heads a column or a row. */
  scope?: 'Column' | 'Row';
  /** Alternative words a screen reader says instead of the drawn ones. */
  actual?: string;
}

/** A container element (Table, TR, L, LI) under `parent`; call end() on it when it is complete. */
export function group(doc: Doc, parent: Struct, type: string): Struct {
  const el = doc.struct(type);
  parent.add(el);
  return el;
}

/** An element under `parent` whose content is what `draw` paints (drawn now, in reading order). */
export function tag(doc: Doc, parent: Struct, type: string, draw: () => void, options: TagOptions = {}): Struct {
  // pdfkit reads `scope` (the Table attribute) though its type declarations do not list it.
  const el = doc.struct(type, options as PDFKit.Mixins.StructureElementOptions);
  parent.add(el);
  el.add(draw);
  el.end();
  return el;
}

/** Draws something that is not content (a rule, a cell's box, a page footer). */
export function artifact(doc: Doc, draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
  doc.markContent('Artifact', { type });
  draw();
  doc.endMarkedContent();
}
