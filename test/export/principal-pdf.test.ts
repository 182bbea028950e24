import { describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { schoolReport, type ReportFacts } from '../../src/domain/school-report.js';
import { renderPrincipalCsv } from '../../src/export/principal-csv.js';
import { renderPrincipalPdf } from '../../src/export/principal-pdf.js';
import { withLanguage } from '../../src/i18n/language.js';
import { pageCount, pdfStrings, pdfTextOps } from './pdf-text-extract.js';

const meta = { school: 'Lincoln High', schoolYear: '2026-27', date: '2026-11-23', windowLabel: 'fall (Sep 15 to Nov 15)', scope: "2 counselors' caseloads" };

/** Four 9th graders (all have a pathway, two a plan, one met, one reviewed), one 11th grader with nothing, one with no grade. */
const facts: ReportFacts[] = [
  { grade: 9, hasPathway: true, hasPlan: true, metThisWindow: true, reviewedThisYear: true },
  { grade: 9, hasPathway: true, hasPlan: true, metThisWindow: false, reviewedThisYear: false },
  { grade: 9, hasPathway: true, hasPlan: false, metThisWindow: false, reviewedThisYear: false },
  { grade: 9, hasPathway: true, hasPlan: false, metThisWindow: false, reviewedThisYear: false },
  { grade: 11, hasPathway: false, hasPlan: false, metThisWindow: false, reviewedThisYear: false },
  { hasPathway: false, hasPlan: false, metThisWindow: false, reviewedThisYear: false },
];

describe("the principal's one-page report (PDF)", () => {
  it('is one letter page with the school, school year and date in the title and every grade labelled', async () => {
    const pdf = await renderPrincipalPdf(schoolReport(facts, meta), { compress: false });
    expect(pageCount(pdf)).toBe(1);
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 612 792\]/);
    const all = pdfStrings(pdf).join('\n');
    expect(all).toContain('Plan of Study report: Lincoln High');
    expect(all).toMatch(/School year 2026-27 .*as of 2026-11-23 .*fall \(Sep 15 to Nov 15\) review window/);
    for (const g of ['6th', '7th', '8th', '9th', '10th', '11th', '12th', 'Grade not set', 'All students']) expect(all).toContain(g);
    // Each bar says what it is and its numbers, so nothing depends on colour.
    expect(all).toContain('100% (4 of 4)');
    expect(all).toContain('50% (2 of 4)');
    expect(all).toContain('25% (1 of 4)');
    expect(all).toContain('no students in this grade');
    expect(all).toMatch(/Source: Waypoint records/);
  });

  it('draws the bars as vector shapes and writes no text smaller than 8 pt', async () => {
    const pdf = await renderPrincipalPdf(schoolReport(facts, meta), { compress: false });
    const sizes = pdfTextOps(pdf).map((o) => o.size);
    expect(sizes.length).toBeGreaterThan(50);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(8);
    // 9th: 4 bars; All students: 3 bars (pathway, plan, met/reviewed have some); plus the 4 headline colour keys.
    const filledRects = pdf.toString('latin1').match(/ re\n\/DeviceRGB cs\n[\d. ]+ scn\nf\n/g) ?? [];
    expect(filledRects.length).toBeGreaterThanOrEqual(4 + 4 + 4);
  });

  it('is tagged for screen readers (the chart reads as a table of grades) and written in the embedded Unicode font', async () => {
    const pdf = await renderPrincipalPdf(schoolReport(facts, { ...meta, school: 'Trường Nguyễn Du' }), { compress: false });
    expect(pdfStrings(pdf)).toContain('Plan of Study report: Trường Nguyễn Du');
    const raw = pdf.toString('latin1');
    for (const s of ['/StructTreeRoot', '/MarkInfo', '/Marked true', '/Lang (en)', '/DisplayDocTitle true', '/S /Table', '/S /TH', '/S /TD', '/Scope /Row']) {
      expect(raw).toContain(s);
    }
    expect((raw.match(/\/FontFile2 \d+ 0 R/g) ?? []).length).toBe(2);
    expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
  });

  it('is in Spanish for a counselor who speaks Spanish', async () => {
    const pdf = await withLanguage('es', async () => renderPrincipalPdf(schoolReport(facts, meta), { compress: false }));
    const all = pdfStrings(pdf).join('\n');
    for (const s of ['Informe de planes de estudio: Lincoln High', 'Año escolar 2026-27', 'Por grado', 'no hay estudiantes en este grado', '100% (4 de 4)', 'Fuente: registros de Waypoint']) {
      expect(all).toContain(s);
    }
    expect(pdf.toString('latin1')).toContain('/Lang (es)');
    expect(pageCount(pdf)).toBe(1);
  });

  it('stays one page with hundreds of students and a name that needs escaping', async () => {
    const many = Array.from({ length: 400 }, (_, i) => ({ grade: 6 + (i % 7), hasPathway: i % 2 === 0, hasPlan: i % 3 === 0, metThisWindow: i % 5 === 0, reviewedThisYear: i % 4 === 0 }));
    const pdf = await renderPrincipalPdf(schoolReport(many, { ...meta, school: "St. Mary's (R-II) \u0007 School" }), { compress: false });
    expect(pageCount(pdf)).toBe(1);
    expect(pdfStrings(pdf).join('\n')).toContain("St. Mary's (R-II) School");
  });
});

describe("the principal's report (CSV)", () => {
  it('starts with a BOM and has one row per grade 6 to 12, a row for no grade, and a total', () => {
    const csv = renderPrincipalCsv(schoolReport(facts, meta));
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(csv.slice(1)) as string[][];
    expect(rows[0]).toEqual([
      'Grade', 'Students',
      'With a pathway', '% with a pathway',
      'With a plan', '% with a plan',
      'Met a counselor this window', '% met a counselor this window',
      'Plan reviewed this school year', '% plan reviewed this school year',
    ]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['6th', '7th', '8th', '9th', '10th', '11th', '12th', 'Grade not set', 'All students']);
    expect(rows[4]).toEqual(['9th', '4', '4', '100', '2', '50', '1', '25', '1', '25']);
    expect(rows[1]).toEqual(['6th', '0', '0', '', '0', '', '0', '', '0', '']);
    expect(rows[9]).toEqual(['All students', '6', '4', '67', '2', '33', '1', '17', '1', '17']);
  });
});
