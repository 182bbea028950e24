/**
 * Cleans text a person typed before it is kept in a plan or shown anywhere: no control or
 * invisible characters (including bidirectional overrides), single spaces, a length limit.
 */

// C0/C1 controls, zero-width characters, bidi marks/overrides/isolates, line/paragraph separators, BOM.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

export const MAX_NAME_LENGTH = 80;
export const MAX_GOAL_LENGTH = 200;

export function cleanText(s: string, maxLength: number): string {
  const flat = s.normalize('NFC').replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  if (flat.length <= maxLength) return flat;
  return flat.slice(0, Math.max(0, maxLength - 1)).trimEnd() + '…';
}
