import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { FileReply } from '../../../src/domain/messages.js';
import { MEETINGS, type MeetingRecord } from '../../../src/domain/meetings.js';
import { checkPlan } from '../../../src/domain/plan/index.js';
import { ICAP_CSV_HEADER } from '../../../src/export/icap-csv.js';
import { schoolYearInGrade } from '../../../src/features/counselor/icap-export.js';
import { auditEntries } from '../../../src/features/people/audit.js';
import { addToCaseload } from '../../../src/features/people/links.js';
import { appData } from '../../helpers/test-app.js';
import { newWorld, savePlan, setChoice, type World } from '../people/people-world.js';

async function onCaseload(w: World, counselor: string, student: string, grade: number): Promise<string> {
  await w.student(student, grade);
  const key = `console:${student}`;
  await addToCaseload(w.store, { studentKey: key, otherKey: `console:${counselor}`, by: 'admin-cli', now: w.now() });
  return key;
}

async function icapCsv(chat: { say(t: string): Promise<unknown>; last: unknown[] }): Promise<{ file: FileReply; body: string; rows: Record<string, string>[] }> {
  await chat.say('ICAP export');
  const file = chat.last.find((r): r is FileReply => (r as FileReply).kind === 'file')!;
  const body = await readFile(file.path, 'utf8');
  return { file, body, rows: parse(body.slice(1), { columns: true }) as Record<string, string>[] };
}

describe('the ICAP export', () => {
  it('works out which school year a student was in each grade from the current grade', () => {
    expect(schoolYearInGrade('2026-27', 11, 11)).toBe('2026-27');
    expect(schoolYearInGrade('2026-27', 11, 10)).toBe('2025-26');
    expect(schoolYearInGrade('2026-27', 11, 9)).toBe('2024-25');
    expect(schoolYearInGrade('2099-00', 12, 9)).toBe('2096-97');
  });

  it("has one row per student on the counselor's own list, with ICAP reviewed per high-school grade from reviews and meetings", async () => {
    const w = await newWorld();
    const rivera = await w.counselor('rivera', 'Lincoln High');
    await w.counselor('lee', 'Lincoln High');
    // Sam, now in 11th (2026-27): plan drafted in 9th, reviewed in 10th (2025-26), met a counselor in 11th; nothing in 9th.
    const sam = await onCaseload(w, 'rivera', 'sam', 11);
    await setChoice(w.store, sam, 'Sam Ortiz');
    const plan = await savePlan(w.store, sam, '2024-09-01T15:00:00.000Z', ['2025-10-01T15:00:00.000Z']);
    const meetings: MeetingRecord = {
      studentKey: sam,
      meetings: [{ at: '2026-10-02T15:00:00.000Z', by: 'console:rivera', windowId: '2026-27-fall', schoolYear: '2026-27' }],
      notes: [],
      signatures: [{ role: 'counselor', by: 'console:rivera', at: '2026-10-02T15:00:00.000Z', planVersion: 1 }],
      updatedAt: '2026-10-02T15:00:00.000Z',
    };
    await w.store.put(MEETINGS, sam, meetings);
    // Ana, 9th, no plan. Kai is Mr. Lee's: never in Ms. Rivera's export.
    const ana = await onCaseload(w, 'rivera', 'ana', 9);
    await onCaseload(w, 'lee', 'kai', 10);

    const { file, body, rows } = await icapCsv(rivera);
    expect(file.filename).toBe('icap-export-2026-11-23.csv');
    expect(body.charCodeAt(0)).toBe(0xfeff);
    expect(Object.keys(rows[0]!)).toEqual(ICAP_CSV_HEADER);
    expect(rows.map((r) => r['Student id'])).toEqual([ana, sam]);

    const s = rows[1]!;
    const requirements = (await appData()).plans.requirements;
    expect(s).toMatchObject({
      Name: 'Sam Ortiz',
      Grade: '11',
      'Has ICAP': 'yes',
      'ICAP reviewed in 9th': 'no',
      'ICAP reviewed in 10th': 'yes',
      'ICAP reviewed in 11th': 'yes',
      'ICAP reviewed in 12th': '',
      'On track to graduate': checkPlan(plan, requirements).length === 0 ? 'yes' : 'no',
      'Counselor meetings this school year': '1',
      'Last counselor meeting': '2026-10-02',
      'Family linked': 'no',
      'ICAP signed by': 'counselor',
    });
    expect(s['Career Pathway']).not.toBe('');
    expect(rows[0]).toMatchObject({ Grade: '9', 'Has ICAP': 'no', 'ICAP reviewed in 9th': 'no', 'ICAP reviewed in 10th': '', 'On track to graduate': '', 'Plan status': 'no pathway yet' });

    expect(rivera.text()).toMatch(/^2 students: 1 has an ICAP \(Plan of Study\), [01] on track/);
    const audited = (await auditEntries(w.store)).filter((a) => a.action === 'export').map((a) => a.subject).sort();
    expect(audited).toEqual([ana, sam].sort());
  });

  it('defuses a name a spreadsheet would run as a formula', async () => {
    const w = await newWorld();
    const rivera = await w.counselor('rivera');
    const key = await onCaseload(w, 'rivera', 'eve', 10);
    await setChoice(w.store, key, '=HYPERLINK("http://x","y")');
    const { rows } = await icapCsv(rivera);
    expect(rows[0]!.Name).toBe(`'=HYPERLINK("http://x","y")`);
  });
});
