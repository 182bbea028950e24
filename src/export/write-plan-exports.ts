/**
 * Writes a plan's PDF and CSV into a folder (for example $WAYPOINT_DATA_DIR/exports/) and returns
 * their paths plus FileReply values a channel can send (or print, in the terminal). Each file is
 * written to a temporary name first and then renamed, so a reader never sees half a file.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileReply } from '../domain/messages.js';
import type { Plan, PlanHeader } from '../domain/plan/plan-types.js';
import { t } from '../i18n/t.js';
import { renderPlanCsv } from './plan-csv.js';
import { renderPlanPdf } from './plan-pdf.js';

export interface WritePlanExportsOptions {
  /** Folder to write into; created if missing. */
  folder: string;
  /** File name without extension; letters, digits and dashes are kept. Default "plan-of-study-<time>". */
  baseName?: string;
  /** The name people see (an upload's name), without extension; default: the file's own name. */
  shownName?: string;
  /** ISO time used in the default file name. */
  now?: string;
  /** The student's grade now: the PDF marks that row "this year". */
  studentGrade?: number;
}

export interface PlanExportPaths {
  pdfPath: string;
  csvPath: string;
  replies: FileReply[];
}

function safeBase(name: string): string {
  const s = name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80);
  return s || 'plan-of-study';
}

async function writeAtomic(file: string, body: Buffer | string): Promise<void> {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, body);
  await rename(tmp, file);
}

export async function writePlanExports(plan: Plan, header: PlanHeader, opts: WritePlanExportsOptions): Promise<PlanExportPaths> {
  const stamp = (opts.now ?? new Date().toISOString()).replace(/[^0-9]/g, '').slice(0, 14);
  const base = safeBase(opts.baseName ?? `plan-of-study-${stamp}`);
  const shown = opts.shownName ? safeBase(opts.shownName) : base;
  const folder = path.resolve(opts.folder);
  await mkdir(folder, { recursive: true });
  const pdfPath = path.join(folder, `${base}.pdf`);
  const csvPath = path.join(folder, `${base}.csv`);
  const pdfOpts = opts.studentGrade !== undefined ? { studentGrade: opts.studentGrade } : {};
  const [pdf, csv] = [await renderPlanPdf(plan, header, pdfOpts), renderPlanCsv(plan, header)];
  await writeAtomic(pdfPath, pdf);
  await writeAtomic(csvPath, csv);
  return {
    pdfPath,
    csvPath,
    replies: [
      { kind: 'file', path: pdfPath, filename: `${shown}.pdf`, mimeType: 'application/pdf', text: t('export.plan.pdfReply', { path: pdfPath }) },
      { kind: 'file', path: csvPath, filename: `${shown}.csv`, mimeType: 'text/csv', text: t('export.plan.csvReply', { path: csvPath }) },
    ],
  };
}
