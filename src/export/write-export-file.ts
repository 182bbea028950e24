/**
 * Writes one export (a report PDF or CSV) into the export folder under a unique name, atomically
 * (a temporary name first, then renamed), and returns it as a file reply with the name people see.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileReply } from '../domain/messages.js';

export interface ExportFile {
  folder: string;
  /** Unique on disk (may carry ids); letters, digits and dashes are kept. */
  diskName: string;
  /** What people see, e.g. "school-report-2026-11-23.pdf". */
  shownName: string;
  mimeType: 'application/pdf' | 'text/csv';
  body: Buffer | string;
  /** What the file is, in plain words. */
  text: string;
}

const safe = (s: string) => s.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 100) || 'export';

export async function writeExportFile(f: ExportFile): Promise<FileReply> {
  const folder = path.resolve(f.folder);
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, safe(f.diskName));
  const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, f.body);
  await rename(tmp, file);
  return { kind: 'file', path: file, filename: safe(f.shownName), mimeType: f.mimeType, text: f.text };
}

/** A UTF-8 byte order mark, so spreadsheet programs read names with accents correctly. */
export const BOM = '\uFEFF';
