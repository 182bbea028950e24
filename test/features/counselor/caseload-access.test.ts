/**
 * The access matrix: a counselor (Ms. Rivera, Lincoln High) against a student at her school or at
 * another school, on or off her caseload, for: show student, the student's plan view, the CSV
 * rows and reminders. Only "own school, on caseload" is ever shown.
 */
import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { FileReply } from '../../../src/domain/messages.js';
import type { Caseload, StudentLinks } from '../../../src/domain/people.js';
import { auditEntries } from '../../../src/features/people/audit.js';
import { caseloadOf, canSee } from '../../../src/features/people/links.js';
import { codeIn, newWorld, savePlan, setChoice } from '../people/people-world.js';

const CANT = "Sorry, I can't share that.";

type Cell = 'own-on' | 'own-off' | 'other-on' | 'other-off';
const STUDENT: Record<Cell, { user: string; name: string }> = {
  'own-on': { user: 'sam', name: 'Sam Lee' },
  'own-off': { user: 'ana', name: 'Ana Diaz' },
  'other-on': { user: 'ben', name: 'Ben Cruz' },
  'other-off': { user: 'cai', name: 'Cai Long' },
};
const key = (c: Cell) => `console:${STUDENT[c].user}`;

async function schools() {
  const w = await newWorld();
  const rivera = await w.counselor('rivera', 'Lincoln High');
  await w.counselor('lee', 'Lincoln High');
  const ortiz = await w.counselor('ortiz', 'Roosevelt High');
  for (const c of Object.keys(STUDENT) as Cell[]) {
    await w.student(STUDENT[c].user, 10);
    await setChoice(w.store, key(c), STUDENT[c].name);
    await savePlan(w.store, key(c), '2026-08-20T15:00:00.000Z');
  }
  await w.assign('rivera', 'sam');
  await w.assign('lee', 'ana');
  await w.assign('ortiz', 'cai');
  // Ben was on Ms. Rivera's list, then moved: he joined Mr. Ortiz's class at Roosevelt High.
  await w.assign('rivera', 'ben');
  await ortiz.say('new class code');
  await w.chat('ben').say(codeIn(ortiz.text()));
  return { w, rivera };
}

/** Ben moved, but a stale caseload record (an older version, another process) still lists him. */
async function staleCaseload(w: Awaited<ReturnType<typeof schools>>['w']) {
  const load = (await w.store.get<Caseload>('caseloads', 'console:rivera'))!;
  await w.store.put<Caseload>('caseloads', 'console:rivera', { ...load, studentKeys: [...load.studentKeys, key('other-on')] });
  const links = (await w.store.get<StudentLinks>('student-links', key('other-on')))!;
  await w.store.put<StudentLinks>('student-links', key('other-on'), { ...links, counselorKeys: [...links.counselorKeys, 'console:rivera'] });
}

describe('a counselor sees only students on their caseload at their own school', () => {
  it('a student who moves to another school leaves the old counselor\'s caseload', async () => {
    const { w } = await schools();
    expect(await caseloadOf(w.store, 'console:rivera')).toEqual([key('own-on')]);
    expect(await caseloadOf(w.store, 'console:ortiz')).toEqual([key('other-off'), key('other-on')]);
    expect((await w.store.get<StudentLinks>('student-links', key('other-on')))?.school).toBe('Roosevelt High');
    const removed = (await auditEntries(w.store, { student: key('other-on') })).filter((e) => e.action === 'caseload-removed');
    expect(removed).toEqual([expect.objectContaining({ target: 'console:rivera', school: 'Roosevelt High' })]);
  });

  it('show student: only own school and on the caseload, by id or by name', async () => {
    const { w, rivera } = await schools();
    await staleCaseload(w);
    for (const c of Object.keys(STUDENT) as Cell[]) {
      await rivera.say(`show student ${key(c)}`);
      if (c === 'own-on') expect(rivera.last[0]).toMatchObject({ kind: 'card', title: STUDENT[c].name });
      else expect(rivera.text()).toBe(CANT);
      await rivera.say(`show student ${STUDENT[c].name}`);
      if (c === 'own-on') expect(rivera.last[0]).toMatchObject({ kind: 'card', title: STUDENT[c].name });
      else expect(rivera.text()).toBe(CANT);
      expect(await canSee(w.store, 'console:rivera', key(c))).toBe(c === 'own-on');
    }
  });

  it("the student's plan view: only own school and on the caseload", async () => {
    const { w, rivera } = await schools();
    await staleCaseload(w);
    for (const c of Object.keys(STUDENT) as Cell[]) {
      await rivera.press('counselor:which', `plan:${key(c)}`);
      if (c === 'own-on') expect(rivera.text()).toMatch(/Sam Lee's plan \(you can read it; only Sam can change it\)/);
      else expect(rivera.text()).toBe(CANT);
    }
    const viewed = (await auditEntries(w.store)).filter((e) => e.action === 'plan-viewed');
    expect(viewed).toEqual([expect.objectContaining({ by: 'console:rivera', subject: key('own-on') })]);
  });

  it('the CSV has rows only for own-school students on the caseload', async () => {
    const { w, rivera } = await schools();
    await staleCaseload(w);
    await rivera.say('caseload');
    expect(rivera.text()).toMatch(/^1 student on your list\./);
    await rivera.press('caseload:actions', 'csv');
    const file = rivera.last.find((r): r is FileReply => r.kind === 'file')!;
    const rows = parse(await readFile(file.path, 'utf8'), { bom: true }) as string[][];
    expect(rows.slice(1).map((r) => r[0])).toEqual([key('own-on')]);
  });

  it('reminders: only own-school students on the caseload can be reminded', async () => {
    const { w, rivera } = await schools();
    await staleCaseload(w);
    for (const c of Object.keys(STUDENT) as Cell[]) {
      await rivera.say(`remind ${STUDENT[c].name}`);
      if (c === 'own-on') expect(rivera.text()).toMatch(/^Remind Sam\?/);
      else expect(rivera.text()).toMatch(/^I couldn't find/);
      await rivera.say('no');
    }
    await rivera.say('remind everyone');
    expect(rivera.text()).toMatch(/^Remind Sam\?/);
    await rivera.say('no');
    // A stale "remind" button for a student who is not hers any more is refused too.
    await rivera.press('counselor:which', `remind:${key('other-on')}`);
    expect(rivera.text()).toMatch(/^Sorry, I can't share that\./);
    expect(rivera.text()).not.toMatch(/Ben/);
  });

  it('a counselor cannot ask to add a student at another school', async () => {
    const { w, rivera } = await schools();
    await rivera.say(`add student ${key('other-off')}`);
    expect(rivera.text()).toMatch(/is at another school, so I can't add them/);
    expect(await w.store.ids('caseload-requests')).toEqual([]);
    await rivera.say(`add student ${key('own-off')}`);
    expect(rivera.text()).toMatch(/^Asked console:ana to join your list/);
  });
});
