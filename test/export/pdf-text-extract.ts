/** Test helper: the text drawn in an uncompressed pdfkit PDF, one string per text operation. */
export function pdfStrings(pdf: Buffer): string[] {
  return pdfTextOps(pdf).map((op) => op.text);
}

/** Each text operation with where it starts on its page (PDF units, y grows upward). */
export function pdfTextOps(pdf: Buffer): { x: number; y: number; text: string }[] {
  const s = pdf.toString('latin1');
  return [...s.matchAll(/1 0 0 -?1 ([\d.]+) ([\d.]+) Tm\s*\n(?:\/F\d+ [\d.]+ Tf\s*\n)?\[((?:<[0-9a-f]*>\s*-?[\d.]*\s*)+)\] TJ/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    text: [...m[3]!.matchAll(/<([0-9a-f]*)>/g)].map((h) => Buffer.from(h[1]!, 'hex').toString('latin1')).join(''),
  }));
}

export function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;
}
