/**
 * Makes any text safe for the PDF: cleaned (no control or invisible characters, length-limited)
 * and limited to characters the embedded fonts can draw (DejaVu Sans covers Latin, Greek,
 * Cyrillic and more); a character they lack (Chinese, emoji) becomes "?" rather than an empty box.
 */
import { cleanText } from '../domain/plan/clean-text.js';
import { fontsCanDraw } from './pdf-fonts.js';

export function pdfText(s: string, maxLength: number): string {
  let out = '';
  for (const ch of cleanText(s, maxLength)) out += fontsCanDraw(ch.codePointAt(0)!) ? ch : '?';
  return out;
}
