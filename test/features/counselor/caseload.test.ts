import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { FileReply, ProactiveSender, Reply } from '../../../src/domain/messages.js';
import { CASELOAD_CSV_HEADER } from '../../../src/features/counselor/caseload-csv.js';
import { newWorld, savePlan, setChoice, type World } from '../people/people-world.js';
import { codeIn } from '../people/people-world.js';

/** Four students on Ms. Rivera's list on 2026-11-23 (the fall window closed on Nov 15). */
async function classroom(w: World) {
  const rivera = await w.counselor('rivera');
  await rivera.say('new class code');
  const code = codeIn(rivera.text());
  for (const s of ['sam', 'ana', 'ben', 'cai']) await (await w.student(s)).say(code);
  await setChoice(w.store, 'console:sam', 'Sam Lee');
  await setChoice(w.store, 'console:ana', 'Ana Diaz');
  await setChoice(w.store, 'console:ben');
  // Sam: drafted before the fall window, never reviewed -> overdue.
  await savePlan(w.store, 'console:sam', '2026-08-20T15:00:00.000Z');
  // Ana: drafted inside the fall window -> not overdue, but no review this school year.
  await savePlan(w.store, 'console:ana', '2026-09-20T15:00:00.000Z');
  // Ben: reviewed this fall.
  await savePlan(w.store, 'console:ben', '2025-10-01T15:00:00.000Z', ['2026-10-01T15:00:00.000Z']);
  // Cai: no choice, no plan.
  return rivera;
}

describe('counselor caseload', () => {
  it('gives the numbers first, then the actions as buttons', async () => {
    const w = await newWorld();
    const rivera = await classroom(w);
    await rivera.say('my students');
    const text = rivera.text();
    expect(text).toMatch(/^4 students on your list\./);
    expect(text).toMatch(/1 with no Path, Cluster or Pathway yet/);
    expect(text).toMatch(/1 with no plan/);
    expect(text).toMatch(/2 with a plan but no review this school year \(2026-27\)/);
    expect(text).toMatch(/1 overdue for a review/);
    expect(text).toMatch(/4 chatted with me in the last 30 days \(latest: 2026-11-23\)/);
    expect(rivera.question()?.choices.map((c) => c.label)).toEqual(['Send reminders to the overdue (1)', 'Show list', 'Download CSV']);
  });

  it('an empty caseload says how to add students', async () => {
    const w = await newWorld();
    const rivera = await w.counselor('rivera');
    await rivera.say('caseload');
    expect(rivera.text()).toMatch(/No students on your list yet.*new class code/);
  });

  it('shows the list and writes a CSV with one row per student', async () => {
    const w = await newWorld();
    const rivera = await classroom(w);
    await rivera.say('caseload');
    await rivera.press('caseload:actions', 'show-list');
    expect(rivera.text()).toMatch(/Sam Lee \(console:sam\): 9th grade, .*review overdue/);
    expect(rivera.text()).toMatch(/console:cai: 9th grade, no choice yet, no plan/);
    // The list keeps the next steps as buttons.
    expect(rivera.question()?.choices.map((c) => c.label)).toEqual(['Send reminders to the overdue (1)', 'Download CSV']);
    expect(rivera.question()?.text).toBe('Send a reminder to the 1 overdue student?');

    await rivera.press('caseload:actions', 'csv');
    const file = rivera.last.find((r): r is FileReply => r.kind === 'file')!;
    expect(file.mimeType).toBe('text/csv');
    expect(file.path.startsWith(w.exportDir)).toBe(true);
    const rows = parse(await readFile(file.path, 'utf8')) as string[][];
    expect(rows[0]).toEqual(CASELOAD_CSV_HEADER);
    expect(rows).toHaveLength(5);
    const sam = rows.find((r) => r[0] === 'console:sam')!;
    expect(sam.slice(1, 3)).toEqual(['Sam Lee', '9']);
    expect(sam.slice(6, 9)).toEqual(['yes', 'overdue', 'no']);
    expect(sam[10]).toBe('2026-11-16');
    const ben = rows.find((r) => r[0] === 'console:ben')!;
    expect(ben.slice(6, 10)).toEqual(['yes', 'up-to-date', 'yes', '2026-10-01']);
    const cai = rows.find((r) => r[0] === 'console:cai')!;
    expect(cai.slice(3, 8)).toEqual(['', '', '', 'no', 'no-plan']);
    expect(cai[11]).toBe('2026-11-23');
  });

  it('a name that looks like a formula is defused in the CSV', async () => {
    const w = await newWorld();
    const rivera = await classroom(w);
    await setChoice(w.store, 'console:cai', '=HYPERLINK("x")');
    await rivera.press('caseload:actions', 'csv');
    const file = rivera.last.find((r): r is FileReply => r.kind === 'file')!;
    const rows = parse(await readFile(file.path, 'utf8')) as string[][];
    expect(rows.find((r) => r[0] === 'console:cai')![1]).toBe(`'=HYPERLINK("x")`);
  });
});

describe('reminding a group', () => {
  class FakeSender implements ProactiveSender {
    readonly sent: { userId: string; replies: Reply[] }[] = [];
    constructor(readonly channel: string, private readonly failFor: string[] = []) {}
    async send(userId: string, replies: Reply[]) {
      if (this.failFor.includes(userId)) throw new Error('delivery failed');
      this.sent.push({ userId, replies });
    }
  }

  it('"remind everyone who is overdue" sends each a DM with a review button and counts sent and failed', async () => {
    const fake = new FakeSender('console', ['ana']);
    const w = await newWorld({ senders: () => [fake] });
    const rivera = await classroom(w);
    // Ana is made overdue too, and her delivery fails; a Slack student has no sender here.
    await savePlan(w.store, 'console:ana', '2026-08-21T15:00:00.000Z');
    await rivera.say('add student slack:U0DAN');
    await savePlan(w.store, 'slack:U0DAN', '2026-08-22T15:00:00.000Z');

    await rivera.say('remind everyone who is overdue');
    expect(rivera.text()).toMatch(/students who are overdue: 1 sent, 2 failed/);
    expect(fake.sent.map((s) => s.userId)).toEqual(['sam']);
    const q = fake.sent[0]!.replies.find((r) => r.kind === 'question');
    expect(q).toMatchObject({ questionId: 'reminder:review', choices: [{ id: 'start-review' }] });
    expect(q?.text).toMatch(/^Hi Sam! Your counselor asked me/);
  });

  it('the summary button reminds the overdue, and other groups can be named', async () => {
    const fake = new FakeSender('console');
    const w = await newWorld({ senders: () => [fake] });
    const rivera = await classroom(w);
    await rivera.say('caseload');
    await rivera.press('caseload:actions', 'remind-overdue');
    expect(rivera.text()).toMatch(/1 sent, 0 failed/);
    await rivera.say('remind students with no plan');
    expect(rivera.text()).toMatch(/students with no plan: 1 sent, 0 failed/);
    expect(fake.sent.map((s) => s.userId)).toEqual(['sam', 'cai']);
    expect(fake.sent[1]!.replies[0]!.text).toMatch(/start your Plan of Study/);
    await rivera.say('remind everyone');
    expect(rivera.text()).toMatch(/everyone on your list: 2 sent, 0 failed, 2 skipped\. Skipped: already reminded in the last 24 hours\./);
    expect(fake.sent.map((s) => s.userId)).toEqual(['sam', 'cai', 'ana', 'ben']);
  });

  it('a second tap the same day does not send the same nudge twice; the next day it does', async () => {
    const fake = new FakeSender('console');
    const w = await newWorld({ senders: () => [fake] });
    const rivera = await classroom(w);
    await rivera.say('caseload');
    await rivera.press('caseload:actions', 'remind-overdue');
    await rivera.press('caseload:actions', 'remind-overdue');
    expect(rivera.text()).toMatch(/^Reminders to students who are overdue: 0 sent, 0 failed, 1 skipped\./);
    expect(fake.sent.map((s) => s.userId)).toEqual(['sam']);
    w.advance(24 * 60 * 60 * 1000);
    await rivera.say('remind everyone who is overdue');
    expect(rivera.text()).toMatch(/1 sent, 0 failed\./);
    expect(fake.sent.map((s) => s.userId)).toEqual(['sam', 'sam']);
  });

  it('the terminal sender puts the reminder in the student\'s outbox', async () => {
    const w = await newWorld();
    const rivera = await classroom(w);
    await rivera.say('remind overdue');
    expect(rivera.text()).toMatch(/1 sent, 0 failed/);
    expect((await w.outbox('sam'))[0]).toMatchObject({ kind: 'question', questionId: 'reminder:review' });
  });
});
