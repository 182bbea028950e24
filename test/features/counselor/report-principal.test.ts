import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { FileReply } from '../../../src/domain/messages.js';
import { MEETINGS, type MeetingRecord } from '../../../src/domain/meetings.js';
import { auditEntries } from '../../../src/features/people/audit.js';
import { addToCaseload } from '../../../src/features/people/links.js';
import { pageCount } from '../../export/pdf-text-extract.js';
import { newWorld, savePlan, setChoice, type World } from '../people/people-world.js';

const files = (chat: { last: unknown[] }) => chat.last.filter((r): r is FileReply => (r as FileReply).kind === 'file');

async function onCaseload(w: World, counselor: string, student: string, grade: number): Promise<string> {
  await w.student(student, grade);
  const key = `console:${student}`;
  await addToCaseload(w.store, { studentKey: key, otherKey: `console:${counselor}`, by: 'admin-cli', now: w.now() });
  return key;
}

async function met(w: World, key: string, at: string, windowId = '2026-27-fall'): Promise<void> {
  const record: MeetingRecord = { studentKey: key, meetings: [{ at, by: 'console:rivera', windowId, schoolYear: '2026-27' }], notes: [], signatures: [], updatedAt: at };
  await w.store.put(MEETINGS, key, record);
}

/**
 * Lincoln High: Ms. Rivera has two 9th graders (sam: pathway, plan reviewed this fall, met this
 * window; ana: nothing) and Mr. Lee one 11th grader (kai: pathway and a plan drafted last year,
 * not reviewed). Ms. Park at Central High has one 9th grader who must never count.
 */
async function school() {
  const w = await newWorld();
  const rivera = await w.counselor('rivera', 'Lincoln High');
  await w.counselor('lee', 'Lincoln High');
  await w.counselor('park', 'Central High');
  const sam = await onCaseload(w, 'rivera', 'sam', 9);
  await onCaseload(w, 'rivera', 'ana', 9);
  const kai = await onCaseload(w, 'lee', 'kai', 11);
  const zoe = await onCaseload(w, 'park', 'zoe', 9);
  for (const k of [sam, kai, zoe]) await setChoice(w.store, k);
  await savePlan(w.store, sam, '2026-09-01T15:00:00.000Z', ['2026-10-01T15:00:00.000Z']);
  await met(w, sam, '2026-10-01T15:00:00.000Z');
  await savePlan(w.store, kai, '2025-09-01T15:00:00.000Z');
  await savePlan(w.store, zoe, '2026-09-01T15:00:00.000Z', ['2026-10-01T15:00:00.000Z']);
  return { w, rivera };
}

describe("a counselor's report for the principal", () => {
  it('gives the school in numbers by grade, then a one-page PDF and a CSV, counting every caseload at the school once', async () => {
    const { w, rivera } = await school();
    await rivera.say('report for the principal');
    const said = rivera.text();
    expect(said).toMatch(/^Lincoln High, 2026-27: 3 students \(2 counselors' caseloads\)\. With a pathway 67% \(2\), with a plan 67% \(2\), met a counselor in the fall window 33% \(1\), plan reviewed this year 33% \(1\)\./);
    expect(said).toContain('9th (2): 50% / 50% / 50% / 50%');
    expect(said).toContain('11th (1): 100% / 100% / 0% / 0%');
    // File paths (a random temp folder) aside, no student is named.
    expect(said.replace(/^Saved to: .*$/gm, '')).not.toMatch(/\b(zoe|sam|ana|kai)\b/i);

    const [pdf, csv] = files(rivera);
    expect(pdf?.filename).toBe('school-report-2026-11-23.pdf');
    expect(pdf?.mimeType).toBe('application/pdf');
    const pdfBytes = await readFile(pdf!.path);
    expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pageCount(pdfBytes)).toBe(1);

    expect(csv?.filename).toBe('school-report-2026-11-23.csv');
    const body = await readFile(csv!.path, 'utf8');
    expect(body.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(body.slice(1)) as string[][];
    expect(rows.map((r) => r[0])).toEqual(['Grade', '6th', '7th', '8th', '9th', '10th', '11th', '12th', 'All students']);
    expect(rows[4]!.slice(0, 4)).toEqual(['9th', '2', '1', '50']);
    expect(rows[8]!.slice(0, 2)).toEqual(['All students', '3']);

    const exports = (await auditEntries(w.store)).filter((a) => a.action === 'export');
    expect(exports).toEqual([expect.objectContaining({ by: 'console:rivera', school: 'Lincoln High' })]);
  });

  it('"school report for my caseload" counts only the asking counselor\'s students', async () => {
    const { rivera } = await school();
    await rivera.say('school report for my caseload');
    expect(rivera.text()).toMatch(/^Lincoln High, 2026-27: 2 students \(1 counselor's caseload\)/);
    expect(rivera.text()).not.toContain('11th');
  });

  it('a counselor at another school gets only their own school, and typed words like "principal summary" work', async () => {
    const { w } = await school();
    const park = w.chat('park');
    await park.say('principal summary');
    expect(park.text()).toMatch(/^Central High, 2026-27: 1 student \(1 counselor's caseload\)/);
  });

  it('someone not added as a counselor, or with no students yet, is told what to do instead', async () => {
    const w = await newWorld();
    const rivera = await w.counselor('rivera');
    await rivera.say('school report');
    expect(rivera.text()).toMatch(/No students on your list yet/);
    expect(files(rivera)).toHaveLength(0);
    const sam = await w.student('sam', 9);
    await sam.say('school report');
    expect(sam.text()).not.toMatch(/2026-27: \d+ student/);
  });
});
