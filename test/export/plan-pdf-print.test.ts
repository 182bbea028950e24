/**
 * The printed plan prints any student's name as written, reads to a screen reader, and is laid out
 * like the state's sample Personal Plan of Study (grades as rows, subject areas as columns).
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { draftPlan } from '../../src/domain/plan/draft-plan.js';
import type { PlanData } from '../../src/domain/plan/plan-data-types.js';
import type { Plan, PlanRowId } from '../../src/domain/plan/plan-types.js';
import { planHeader } from '../../src/domain/plan/plan-views.js';
import { FONTS_DIR } from '../../src/export/pdf-fonts.js';
import { renderPlanPdf, type PlanPdfOptions } from '../../src/export/plan-pdf.js';
import { withLanguage } from '../../src/i18n/language.js';
import { BY, framework, loadPlanData, NOW } from '../domain/plan/plan-fixtures.js';
import { pdfStrings, pdfTextOps, type TextOp } from './pdf-text-extract.js';

let data: PlanData;
let ninth: Plan;
beforeAll(async () => {
  data = await loadPlanData();
  ninth = draftPlan({ framework, data, pathwayId: 'agriculture.plant-systems', currentGrade: 9, now: NOW, by: BY });
});

const render = (plan: Plan, name: string, opts: PlanPdfOptions = {}) =>
  renderPlanPdf(plan, planHeader(plan, framework, { name, school: 'Lincoln High School' }), { compress: false, ...opts });

/** A copy of `plan` with `cell` of `grade` holding exactly `items`. */
function withCell(plan: Plan, grade: number, row: PlanRowId, items: string[]): Plan {
  const copy = structuredClone(plan);
  const g = copy.versions[copy.versions.length - 1]!.plan.grades.find((x) => x.grade === grade)!;
  g.rows[row] = items.map((name) => ({ name, units: 0, category: 'none' }));
  return copy;
}

function op(ops: TextOp[], text: string): TextOp {
  const found = ops.find((o) => o.text.trim() === text);
  if (!found) throw new Error(`"${text}" is not on the page`);
  return found;
}

/** A column heading's first line (a long heading wraps: "Other" over "Courses"), on the heading row. */
function heading(ops: TextOp[], text: string): TextOp {
  const row = op(ops, 'Grade').y;
  const found = ops.find((o) => o.y === row && o.page === 1 && text.startsWith(o.text.trim()));
  if (!found) throw new Error(`no heading "${text}"`);
  return found;
}

/** The subject column an item sits in: the last heading that starts left of it. */
function columnOf(ops: TextOp[], item: TextOp, headings: string[]): string {
  return headings.map((h) => ({ h, x: heading(ops, h).x })).filter((c) => c.x <= item.x).sort((a, b) => b.x - a.x)[0]!.h;
}

describe('the printed plan in any script', () => {
  it('prints a Vietnamese name as written, in the embedded DejaVu font, with no standard PDF font', async () => {
    const pdf = await render(ninth, 'Nguyễn Thảo');
    const strings = pdfStrings(pdf);
    expect(strings).toContain('Nguyễn Thảo');
    expect(strings).toContain('Personal Plan of Study: Nguyễn Thảo, Plant Systems');
    const raw = pdf.toString('latin1');
    expect((raw.match(/\/FontFile2 \d+ 0 R/g) ?? []).length).toBe(2);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold\b/);
    expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
  });

  it('prints a Spanish plan in Spanish, the name intact and the document language Spanish', async () => {
    const pdf = await withLanguage('es', () => render(ninth, 'Nguyễn Thảo', { studentGrade: 9 }));
    const strings = pdfStrings(pdf);
    const text = strings.join(' ');
    expect(strings).toContain('Nguyễn Thảo');
    for (const s of ['Plan Personal de Estudios', 'Matemáticas', 'Este año', 'Opciones después de la preparatoria', 'Página 1 de']) expect(text).toContain(s);
    expect(strings).toContain('9.º');
    expect(pdf.toString('latin1')).toMatch(/\/Lang \(es\)/);
  });

  it('prints Greek and Cyrillic names too, and a "?" only for what the font cannot draw', async () => {
    const strings = pdfStrings(await render(ninth, 'Ольга Δήμου 王'));
    expect(strings).toContain('Ольга Δήμου ?');
  });

  it('ships the fonts and their license in the project folder', () => {
    expect(FONTS_DIR).toBe(path.resolve('assets', 'fonts'));
    for (const f of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'LICENSE.txt']) expect(existsSync(path.join(FONTS_DIR, f))).toBe(true);
  });
});

describe('the printed plan for a screen reader', () => {
  it('is a tagged PDF with a structure tree, the document language and its title shown', async () => {
    const raw = (await render(ninth, 'Sam Rivera')).toString('latin1');
    expect(raw).toMatch(/^%PDF-1\.7/);
    expect(raw).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(raw).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(raw).toMatch(/\/Marked true/);
    expect(raw).toMatch(/\/Lang \(en\)/);
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    for (const s of ['Document', 'H1', 'P', 'Table', 'TR', 'TH', 'TD', 'H2', 'L', 'LI', 'LBody']) expect(raw).toContain(`/S /${s}\n`);
    // Headings say what they head: subject headings their column, each grade its row.
    expect(raw).toMatch(/\/Scope \/Column/);
    expect(raw).toMatch(/\/Scope \/Row/);
    // Cell boxes, shading and page footers are artifacts, which screen readers skip.
    expect(raw).toMatch(/\/Artifact <<\n\/Type \/Pagination/);
    expect(raw).toMatch(/\/Artifact <<\n\/Type \/Layout/);
  });

  it('writes no text smaller than 8 pt', async () => {
    const ops = pdfTextOps(await render(ninth, 'Sam Rivera'));
    expect(ops.length).toBeGreaterThan(100);
    expect(Math.min(...ops.map((o) => o.size))).toBeGreaterThanOrEqual(8);
  });
});

describe("the printed plan's table, like the state's sample", () => {
  const subjects = ['English', 'Math', 'Science', 'Other Courses', 'Work-Based Learning', 'Additional Activities'];

  it('has one row per grade, top to bottom, and the subject areas as columns across', async () => {
    const ops = pdfTextOps(await render(ninth, 'Sam Rivera')).filter((o) => o.page === 1);
    const grades = ['9th', '10th', '11th', '12th', 'After HS 1', 'After HS 2'].map((g) => op(ops, g));
    expect(new Set(grades.map((g) => g.x)).size).toBe(1);
    for (let i = 1; i < grades.length; i++) expect(grades[i]!.y).toBeLessThan(grades[i - 1]!.y); // y grows upward
    const headings = ['Grade', ...subjects].map((h) => heading(ops, h));
    expect(new Set(headings.map((h) => h.y)).size).toBe(1);
    // Each course sits in its subject's column, on its grade's row.
    for (const [course, subject, grade] of [['Algebra I', 'Math', '9th'], ['Geometry', 'Math', '10th'], ['English III', 'English', '11th'], ['Chemistry', 'Science', '11th']]) {
      const item = op(ops, course!);
      expect(columnOf(ops, item, subjects)).toBe(subject);
      expect(item.y).toBe(op(ops, grade!).y);
    }
  });

  it("marks this year on the student's current grade, in words as well as shading", async () => {
    const ops = pdfTextOps(await render(ninth, 'Sam Rivera', { studentGrade: 11 }));
    const mark = ops.filter((o) => o.text === 'This year');
    expect(mark).toHaveLength(1);
    const eleventh = op(ops, '11th');
    expect(mark[0]!.x).toBe(eleventh.x);
    expect(eleventh.y - mark[0]!.y).toBeGreaterThan(0);
    expect(eleventh.y - mark[0]!.y).toBeLessThan(12); // the line under "11th"
    // Without the student's grade, the grade the plan was drafted in.
    const drafted = pdfTextOps(await render(ninth, 'Sam Rivera'));
    expect(op(drafted, '9th').y - op(drafted, 'This year').y).toBeLessThan(12);
  });

  it('shows "—" in an empty cell rather than leaving it blank', async () => {
    const ops = pdfTextOps(await render(withCell(ninth, 10, 'math', []), 'Sam Rivera'));
    const dashes = ops.filter((o) => o.text === '—');
    expect(dashes).toHaveLength(1);
    expect(columnOf(ops, dashes[0]!, subjects)).toBe('Math');
    expect(dashes[0]!.y).toBe(op(ops, '10th').y);
  });

  it('prints activities and work-based learning the student added in their own columns, not in Other Courses', async () => {
    let plan = withCell(ninth, 10, 'activities', ['Chess club']);
    plan = withCell(plan, 10, 'work-based-learning', ['Part-time job at the library']);
    const ops = pdfTextOps(await render(plan, 'Sam Rivera'));
    expect(columnOf(ops, op(ops, 'Chess club'), subjects)).toBe('Additional Activities');
    expect(columnOf(ops, ops.find((o) => o.text.startsWith('Part-time job'))!, subjects)).toBe('Work-Based Learning');
  });
});
