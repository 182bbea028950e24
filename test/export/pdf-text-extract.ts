/**
 * Test helper: the text drawn in a pdfkit PDF (compressed or not), one string per text operation.
 * The embedded fonts write glyph numbers, so each font's ToUnicode map turns them back into text
 * (as a PDF reader or screen reader does).
 */
import { inflateSync } from 'node:zlib';

/** "N 0 obj ... endobj" bodies by object number, compressed streams inflated. */
function objects(s: string): Map<number, string> {
  return new Map(
    [...s.matchAll(/(?:^|\n)(\d+) 0 obj\n([\s\S]*?)\nendobj/g)].map((m) => {
      const body = m[2]!;
      if (!body.includes('/Filter /FlateDecode')) return [Number(m[1]), body];
      return [Number(m[1]), body.replace(/stream\n([\s\S]*)\nendstream/, (_, data: string) => `stream\n${inflateSync(Buffer.from(data, 'latin1')).toString('latin1')}\nendstream`)];
    }),
  );
}

/** UTF-16BE hex ("0066 0069" for a ligature: pdfkit separates its characters with spaces). */
function utf16(hex: string): string {
  return Buffer.from(hex.replace(/\s+/g, ''), 'hex').swap16().toString('utf16le');
}

/** code -> text from a ToUnicode CMap (bfchar and bfrange, with or without arrays). */
function readCmap(cmap: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]*)>/g)) out.set(parseInt(m[1]!, 16), utf16(m[2]!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F\s]*>)/g)) {
      const lo = parseInt(m[1]!, 16);
      const hi = parseInt(m[2]!, 16);
      if (m[3]!.startsWith('[')) {
        [...m[3]!.matchAll(/<([0-9a-fA-F\s]*)>/g)].forEach((u, i) => out.set(lo + i, utf16(u[1]!)));
      } else {
        const start = parseInt(m[3]!.slice(1, -1), 16);
        for (let c = lo; c <= hi; c++) out.set(c, String.fromCodePoint(start + c - lo));
      }
    }
  }
  return out;
}

/** Font resource name ("F2") -> its code-to-text map; undefined for a font without one. */
function fontMaps(s: string): Map<string, Map<number, string> | undefined> {
  const objs = objects(s);
  const maps = new Map<string, Map<number, string> | undefined>();
  for (const m of s.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    if (maps.has(m[1]!)) continue;
    const ref = objs.get(Number(m[2]))?.match(/\/ToUnicode (\d+) 0 R/);
    maps.set(m[1]!, ref ? readCmap(objs.get(Number(ref[1])) ?? '') : undefined);
  }
  return maps;
}

export interface TextOp {
  /** 1 for the first page. */
  page: number;
  /** Where the text starts on its page (PDF units, y grows upward). */
  x: number;
  y: number;
  size: number;
  text: string;
}

/** Each page's content stream, in page order. */
function pageContents(s: string, objs: Map<number, string>): string[] {
  const kids = s.match(/\/Type \/Pages\n\/Count \d+\n\/Kids \[([^\]]*)\]/)?.[1] ?? '';
  return [...kids.matchAll(/(\d+) 0 R/g)].map((k) => {
    const ref = objs.get(Number(k[1]))?.match(/\/Contents (\d+) 0 R/);
    return ref ? (objs.get(Number(ref[1])) ?? '') : '';
  });
}

/** Each text operation, page by page, with its position and font size. */
export function pdfTextOps(pdf: Buffer): TextOp[] {
  const s = pdf.toString('latin1');
  const maps = fontMaps(s);
  const ops: TextOp[] = [];
  pageContents(s, objects(s)).forEach((content, i) => {
    let font = '';
    let size = 0;
    for (const m of content.matchAll(/1 0 0 -?1 ([\d.]+) ([\d.]+) Tm\s*\n(?:\/(F\d+) ([\d.]+) Tf\s*\n)?\[((?:<[0-9a-f]*>\s*-?[\d.]*\s*)+)\] TJ/g)) {
      if (m[3]) [font, size] = [m[3], Number(m[4])];
      const map = maps.get(font);
      const hex = [...m[5]!.matchAll(/<([0-9a-f]*)>/g)].map((h) => h[1]!).join('');
      const text = map
        ? (hex.match(/.{4}/g) ?? []).map((code) => map.get(parseInt(code, 16)) ?? '\ufffd').join('')
        : Buffer.from(hex, 'hex').toString('latin1');
      ops.push({ page: i + 1, x: Number(m[1]), y: Number(m[2]), size, text });
    }
  });
  return ops;
}

export function pdfStrings(pdf: Buffer): string[] {
  return pdfTextOps(pdf).map((op) => op.text);
}

export function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;
}
