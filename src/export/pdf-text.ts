/**
 * Makes any text safe for the PDF: cleaned (no control or invisible characters, length-limited)
 * and limited to characters the built-in PDF fonts can draw (WinAnsi); anything else becomes "?".
 */
import { cleanText } from '../domain/plan/clean-text.js';

// Characters outside Latin-1 that WinAnsi (the standard fonts' encoding) still has.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

export function pdfText(s: string, maxLength: number): string {
  let out = '';
  for (const ch of cleanText(s, maxLength)) {
    const code = ch.codePointAt(0)!;
    out += (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch) ? ch : '?';
  }
  return out;
}
