/**
 * pdfkit, loaded the first time a PDF is made: it takes about 300 ms to load, and most processes
 * (the terminal chat starting up, a turn that makes no PDF) never need it.
 */
import type PDFDocument from 'pdfkit';

let loaded: Promise<typeof PDFDocument> | undefined;

export function loadPdfkit(): Promise<typeof PDFDocument> {
  loaded ??= import('pdfkit').then((m) => m.default);
  return loaded;
}
