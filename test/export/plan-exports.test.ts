import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { applyPlanChange } from '../../src/domain/plan/apply-plan-change.js';
import { draftPlan } from '../../src/domain/plan/draft-plan.js';
import type { PlanData } from '../../src/domain/plan/plan-data-types.js';
import type { Plan } from '../../src/domain/plan/plan-types.js';
import { planHeader } from '../../src/domain/plan/plan-views.js';
import { renderPlanCsv } from '../../src/export/plan-csv.js';
import { renderPlanPdf } from '../../src/export/plan-pdf.js';
import { writePlanExports } from '../../src/export/write-plan-exports.js';
import { BY, framework, loadPlanData, NOW } from '../domain/plan/plan-fixtures.js';
import { pageCount, pdfStrings, pdfTextOps } from './pdf-text-extract.js';

let data: PlanData;
let plan: Plan;
let dir: string;
beforeAll(async () => {
  data = await loadPlanData();
  plan = draftPlan({ framework, data, pathwayId: 'agriculture.plant-systems', currentGrade: 6, now: NOW, by: BY });
  const r = applyPlanChange(plan, { kind: 'set-goal', goal: "Associate's degree in horticulture" }, { now: NOW, by: BY, data });
  if (r.ok) plan = r.plan;
  dir = await mkdtemp(path.join(tmpdir(), 'waypoint-export-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const header = () => planHeader(plan, framework, { name: 'Sam Rivera', school: 'Example High School' });

describe('the printed plan (PDF)', () => {
  it('opens as a landscape PDF with the header, a row for every grade and the options', async () => {
    const pdf = await renderPlanPdf(plan, header(), { compress: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/%%EOF\s*$/);
    const pages = pageCount(pdf);
    expect(pdfStrings(pdf)).toContain(`Page ${pages} of ${pages}`);
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 792 612\]/);
    const text = pdfStrings(pdf).join('\n');
    for (const s of ['Personal Plan of Study', 'Sam Rivera', 'Example High School', 'Plant Systems', 'Agriculture, Food and Natural Resources',
      'Natural Resources & Agriculture', "Associate's degree in horticulture", 'Postsecondary options', 'Area career center']) {
      expect(text).toContain(s);
    }
    for (const g of ['6th', '7th', '8th', '9th', '10th', '11th', '12th', 'After HS 1', 'After HS 2']) expect(pdfStrings(pdf)).toContain(g);
    expect(text).toContain('Agricultural');
    expect(text).toContain('FFA');
  });

  it('grows to more pages when the plan is long, splitting a tall grade row and repeating the subject headings', async () => {
    const long: Plan = structuredClone(plan);
    const last = long.versions[long.versions.length - 1]!.plan;
    for (let i = 0; i < 30; i++) {
      last.grades.find((g) => g.grade === 10)!.rows.activities.push({ name: `Extra activity number ${i} with a long name that wraps`, units: 0, category: 'none' });
      last.grades.find((g) => g.grade === 11)!.rows['other-courses'].push({ name: `Another class ${i} with a long name that wraps`, units: 0, category: 'none' });
    }
    const pdf = await renderPlanPdf(long, header(), { compress: false });
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    const strings = pdfStrings(pdf);
    expect(strings.filter((s) => s === 'Math').length).toBeGreaterThanOrEqual(2);
    expect(strings.join(' ')).toMatch(/1[01]th\s+\(continued\)/);
    const text = strings.join(' ');
    expect(text).toMatch(/number\s+29/);
    expect(text).toMatch(/class\s+29/);
    // each printed page says whose plan it is and which page it is
    expect(strings).toContain(`Page 1 of ${pages}`);
    expect(strings).toContain(`Page ${pages} of ${pages}`);
    expect(strings.filter((s) => s === 'Personal Plan of Study: Sam Rivera, Plant Systems')).toHaveLength(pages);
    // every line of text sits inside the page margins
    const ys = [...pdf.toString('latin1').matchAll(/1 0 0 -?1 [\d.]+ ([\d.]+) Tm/g)].map((m) => Number(m[1]));
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(20);
    expect(Math.max(...ys)).toBeLessThanOrEqual(592);
  });

  it('wraps a long goal onto its own lines, below the other facts and above the table', async () => {
    const goal = "Associate's degree in horticulture, then maybe a bachelor's in agricultural business, and one day my own greenhouse business with my family near Springfield, selling plants to schools";
    const pdf = await renderPlanPdf(plan, { ...header(), goal }, { compress: false });
    const ops = pdfTextOps(pdf).filter((o) => o.page === 1);
    const yOf = (s: string) => ops.find((o) => o.text.startsWith(s))!.y;
    const goalLines = ops.filter((o) => o.y <= yOf('Postsecondary goal') && o.y > yOf('Grade'));
    expect(goalLines.map((o) => o.text).join(' ').replace(/\s+/g, ' ')).toContain('selling plants to schools');
    // PDF y grows upward: every other fact sits above the goal, the table's headings below its last line.
    for (const fact of ['Student', 'School', 'Career Path', 'Career Cluster', 'Career Pathway', 'Last reviewed']) {
      expect(yOf(fact)).toBeGreaterThanOrEqual(yOf('Postsecondary goal') + 9);
    }
    expect(Math.min(...goalLines.map((o) => o.y))).toBeGreaterThanOrEqual(yOf('Grade') + 9);
    expect(new Set(goalLines.map((o) => o.y)).size).toBeGreaterThanOrEqual(2);
  });

  it('leaves a line to write on when the name, school or goal is not known', async () => {
    const pdf = await renderPlanPdf(plan, planHeader(draftPlan({ framework, data, pathwayId: 'agriculture.plant-systems', currentGrade: 9, now: NOW, by: BY }), framework), { compress: false });
    const strings = pdfStrings(pdf);
    expect(strings).toEqual(expect.arrayContaining(['Student:', 'School:', 'Postsecondary goal:']));
    expect(strings.join(' ')).not.toContain('undefined');
    // three thin write-in lines
    expect((pdf.toString('latin1').match(/[\d.]+ [\d.]+ l\n0\.5 w/g) ?? []).length).toBe(3);
  });

  it('draws what a student typed only after cleaning it', async () => {
    const nasty = { ...header(), name: 'Sam\u0000\u202eevil\u0007 ' + 'x'.repeat(500), goal: '小さな goal\r\nnext' };
    const pdf = await renderPlanPdf(plan, nasty, { compress: false });
    const text = pdfStrings(pdf).join('\n');
    expect(text).not.toMatch(/[\u0000-\u0008\u202e]/);
    expect(text).not.toContain('x'.repeat(200));
    expect(text).toContain('??? goal next'); // the embedded font has no Japanese: "?" rather than empty boxes
  });
});

describe('the plan as CSV', () => {
  it('has the same rows as the printed plan, with every grade as a column', () => {
    const rows = parse(renderPlanCsv(plan, header())) as string[][];
    const grades = rows.find((r) => r[0] === 'Grade')!;
    expect(grades).toEqual(['Grade', '6th', '7th', '8th', '9th', '10th', '11th', '12th', 'After HS 1', 'After HS 2']);
    expect(rows.map((r) => r[0])).toEqual([
      'Student', 'School', 'Postsecondary goal', 'Career Path', 'Career Cluster', 'Career Pathway', 'Last reviewed', 'Grade',
      'English', 'Math', 'Science', 'Social Studies', 'Career Education', 'Other Courses', 'Work-Based Learning', 'Additional Activities',
      'Postsecondary options: Area career center', 'Postsecondary options: Community college or technical school',
      'Postsecondary options: Four-year college or university', 'Postsecondary options: Other: apprenticeship, military, on-the-job training',
    ]);
    expect(new Set(rows.map((r) => r.length))).toEqual(new Set([10]));
    const math = rows.find((r) => r[0] === 'Math')!;
    expect(math[4]).toBe('Algebra I');
    expect(rows.find((r) => r[0] === 'Career Pathway')![1]).toBe('Plant Systems');
  });

  it('defuses spreadsheet formulas typed by a student', () => {
    const rows = parse(renderPlanCsv(plan, { ...header(), name: '=HYPERLINK("http://x")' })) as string[][];
    expect(rows[0]![1]).toBe('\'=HYPERLINK("http://x")');
  });
});

describe('writing the exports', () => {
  it('writes the PDF and CSV into the folder and returns their paths and file replies', async () => {
    const out = await writePlanExports(plan, header(), { folder: path.join(dir, 'exports'), baseName: 'Sam/../../plan', now: NOW });
    expect(out.pdfPath).toBe(path.join(dir, 'exports', 'sam-plan.pdf'));
    expect(out.csvPath).toBe(path.join(dir, 'exports', 'sam-plan.csv'));
    expect((await readFile(out.pdfPath)).subarray(0, 4).toString()).toBe('%PDF');
    expect(await readFile(out.csvPath, 'utf8')).toContain('Plant Systems');
    expect(out.replies.map((r) => r.mimeType)).toEqual(['application/pdf', 'text/csv']);
    const dated = await writePlanExports(plan, header(), { folder: path.join(dir, 'exports'), now: NOW });
    expect(path.basename(dated.pdfPath)).toBe('plan-of-study-20260901150000.pdf');
  });
});
