/**
 * The fonts every Waypoint PDF is written in: DejaVu Sans and DejaVu Sans Bold, shipped in
 * assets/fonts/ (license there) and embedded, subset, in each PDF, so a name such as "Nguyễn Thảo"
 * or "Ольга" prints as written. The files are read from the project folder (found by package.json),
 * so the same code works from `tsx src/...` and from the compiled dist/ (the build copies nothing).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type PDFDocument from 'pdfkit';
import { PROJECT_DIR } from '../config.js';

type Doc = InstanceType<typeof PDFDocument>;

export const FONTS_DIR = path.join(PROJECT_DIR, 'assets', 'fonts');
const FILES = { body: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

/** Names to pass to doc.font() once useShippedFonts has run. */
export const BODY_FONT = 'waypoint-body';
export const BOLD_FONT = 'waypoint-bold';

let fontFiles: Promise<{ body: Buffer; bold: Buffer }> | undefined;
/** Code points both fonts can draw; known after the first document has its fonts. */
let drawable: Set<number> | undefined;

function readFonts(): Promise<{ body: Buffer; bold: Buffer }> {
  fontFiles ??= Promise.all([readFile(path.join(FONTS_DIR, FILES.body)), readFile(path.join(FONTS_DIR, FILES.bold))])
    .then(([body, bold]) => ({ body, bold }))
    .catch((err: unknown) => {
      fontFiles = undefined; // a later PDF tries again
      throw new Error(`The PDF fonts are missing from ${FONTS_DIR} (${(err as Error).message})`);
    });
  return fontFiles;
}

/** The characters the current font of `doc` has a glyph for (pdfkit keeps the fontkit font there). */
function characterSet(doc: Doc): number[] {
  const font = (doc as unknown as { _font?: { font?: { characterSet?: number[] } } })._font?.font;
  if (!Array.isArray(font?.characterSet)) throw new Error('pdfkit did not expose the embedded font (see src/export/pdf-fonts.ts)');
  return font.characterSet;
}

/** Registers the shipped fonts on `doc` and selects the body font. */
export async function useShippedFonts(doc: Doc): Promise<void> {
  const { body, bold } = await readFonts();
  doc.registerFont(BODY_FONT, body);
  doc.registerFont(BOLD_FONT, bold);
  if (!drawable) {
    const inBold = new Set(characterSet(doc.font(BOLD_FONT)));
    drawable = new Set(characterSet(doc.font(BODY_FONT)).filter((c) => inBold.has(c)));
  }
  doc.font(BODY_FONT);
}

/** True when both shipped fonts can draw the character (any character before the fonts are known). */
export function fontsCanDraw(codePoint: number): boolean {
  return !drawable || drawable.has(codePoint);
}
