/**
 * A new Waypoint PDF: US Letter, tagged (a structure tree screen readers follow, with the
 * document's language and title), PDF 1.7, written in the shipped Unicode fonts, collected into a
 * Buffer. Draw into `doc`, add structure under `root`, then `finish()`.
 */
import type PDFDocument from 'pdfkit';
import { currentLanguage } from '../i18n/language.js';
import { loadPdfkit } from './load-pdfkit.js';
import { useShippedFonts } from './pdf-fonts.js';
import { pdfText } from './pdf-text.js';

export type Doc = InstanceType<typeof PDFDocument>;
export type Struct = PDFKit.PDFStructureElement;

export interface OpenPdfOptions {
  /** The document title (window title and metadata). */
  title: string;
  layout: 'portrait' | 'landscape';
  margin: number;
  /** false writes uncompressed streams (tests search the text). */
  compress: boolean;
  /** Keep pages open to write page footers at the end. */
  bufferPages?: boolean;
}

export interface OpenPdf {
  doc: Doc;
  /** The Document element every heading, paragraph and table goes under. */
  root: Struct;
  /** Ends the structure and the document; resolves with the PDF bytes. */
  finish: () => Promise<Buffer>;
}

export async function openTaggedPdf(opts: OpenPdfOptions): Promise<OpenPdf> {
  const PDF = await loadPdfkit();
  const doc = new PDF({
    size: 'LETTER',
    layout: opts.layout,
    margin: opts.margin,
    compress: opts.compress,
    bufferPages: opts.bufferPages ?? false,
    pdfVersion: '1.7',
    tagged: true,
    lang: currentLanguage(),
    displayTitle: true,
    info: { Creator: 'Waypoint' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  await useShippedFonts(doc);
  doc.info.Title = pdfText(opts.title, 200);
  const root = doc.struct('Document');
  doc.addStructure(root);
  return {
    doc,
    root,
    finish: () => {
      root.end();
      doc.end();
      return done;
    },
  };
}
