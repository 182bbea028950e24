import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { FileReply, ProactiveSender, Reply } from '../../../src/domain/messages.js';
import { caseloadCsvHeader } from '../../../src/features/counselor/caseload-csv.js';
import { newWorld, savePlan, setChoice, type World } from '../people/people-world.js';
import { codeIn } from '../people/people-world.js';
import { auditEntries } from '../../../src/features/people/audit.js';
import { deliverScheduledSends } from '../../../src/scheduler/deliver-scheduled-sends.js';
import { MEETINGS, type MeetingRecord } from '../../../src/domain/meetings.js';

/** A counselor meeting Ms. Rivera recorded in the fall window (a student's own review is not one). */
async function metInFall(w: World, key: string, at: string): Promise<void> {
  const record: MeetingRecord = { studentKey: key, meetings: [{ at, by: 'console:rivera', windowId: '2026-27-fall', schoolYear: '2026-27' }], notes: [], signatures: [], updatedAt: at };
  await w.store.put(MEETINGS, key, record);
}

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
  // Ana: drafted inside the fall window and met Ms. Rivera then -> not overdue, but no plan review this school year.
  await savePlan(w.store, 'console:ana', '2026-09-20T15:00:00.000Z');
  await metInFall(w, 'console:ana', '2026-09-20T16:00:00.000Z');
  // Ben: reviewed this fall, and met Ms. Rivera.
  await savePlan(w.store, 'console:ben', '2025-10-01T15:00:00.000Z', ['2026-10-01T15:00:00.000Z']);
  await metInFall(w, 'console:ben', '2026-10-01T16:00:00.000Z');
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
    // Ana's meeting with Ms. Rivera counts as this year's review; Sam's plan has had none.
    expect(text).toMatch(/1 with a plan but no review this school year \(2026-27\)/);
    expect(text).toMatch(/1 overdue for a review/);
    expect(text).toMatch(/4 chatted with me in the last 30 days \(latest: Nov 23, 2026\)/);
    expect(rivera.question()?.choices.map((c) => c.label)).toEqual(['Send reminders to the overdue (1)', 'Show list', 'Download CSV']);
  });

  it('a student who graduated is kept on record but not counted or listed as active', async () => {
    const w = await newWorld();
    const rivera = await classroom(w);
    const sam = (await w.store.get<Record<string, unknown>>('profiles', 'console:sam'))!;
    await w.store.put('profiles', 'console:sam', { ...sam, grade: 12, graduatedIn: '2025-26' });
    await rivera.say('caseload');
    expect(rivera.text()).toMatch(/^3 students on your list\./);
    expect(await w.store.get('profiles', 'console:sam')).toBeDefined();
  });

  it('an empty caseload says how to add students', async () => {
    const w = await newWorld();
    const rivera = await w.counselor('rivera');
    await rivera.say('caseload');
    expect(rivera.text()).toMatch(/No students on your list yet.*new class code/);
  });

  it('shows the list (status words as in the CSV) and writes a CSV with a BOM and one row per student', async () => {
    const w = await newWorld();
    const rivera = await classroom(w);
    await rivera.say('caseload');
    await rivera.press('caseload:actions', 'show-list');
    expect(rivera.text()).toMatch(/^4 students on your list\./);
    expect(rivera.text()).toMatch(/- Sam Lee, 9th grade: overdue/);
    expect(rivera.text()).toMatch(/- console:cai, 9th grade: no pathway yet/);
    expect(rivera.text()).toMatch(/- Ana Diaz, 9th grade: up to date/);
    expect(rivera.question()?.choices.map((c) => c.label)).toEqual(['Remind these 4', 'Download CSV']);

    await rivera.press('caseload:actions', 'csv');
    const file = rivera.last.find((r): r is FileReply => r.kind === 'file')!;
    expect(file.mimeType).toBe('text/csv');
    expect(file.path.startsWith(w.exportDir)).toBe(true);
    const raw = await readFile(file.path, 'utf8');
    expect(raw.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(raw, { bom: true }) as string[][];
    expect(rows[0]).toEqual(caseloadCsvHeader());
    expect(rows[0]!.slice(0, 3)).toEqual(['Student id', 'Name', 'Grade']);
    expect(rows).toHaveLength(5);
    const col = (name: string) => caseloadCsvHeader().indexOf(name);
    const sam = rows.find((r) => r[0] === 'console:sam')!;
    expect(sam.slice(1, 3)).toEqual(['Sam Lee', '9']);
    expect(sam[col('Plan status')]).toBe('overdue');
    expect(sam[col('Reviewed this school year')]).toBe('no');
    expect(sam[col('Overdue since')]).toBe('2026-11-16');
    expect(sam[col('Meetings this school year')]).toBe('0');
    expect(sam[col('Family linked')]).toBe('no');
    const ben = rows.find((r) => r[0] === 'console:ben')!;
    expect(ben[col('Plan status')]).toBe('up to date');
    expect(ben[col('Last review')]).toBe('2026-10-01');
    const cai = rows.find((r) => r[0] === 'console:cai')!;
    expect(cai.slice(3, 7)).toEqual(['', '', '', 'no pathway yet']);
    expect(cai[col('Last activity')]).toBe('2026-11-23');
    // Every status word in the chat list is the one in the CSV.
    const list = await listText(rivera);
    for (const r of rows.slice(1)) expect(listLineStatus(list, r[1] || r[0]!)).toBe(r[col('Plan status')]);
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

async function listText(rivera: Awaited<ReturnType<typeof classroom>>): Promise<string> {
  const before = rivera.last;
  const replies = await rivera.press('caseload:actions', 'show-list');
  rivera.last = before;
  return rivera.text(replies);
}

function listLineStatus(list: string, who: string): string | undefined {
  return list.split('\n').find((l) => l.startsWith(`- ${who},`))?.split(': ').pop();
}

describe('reminding a group', () => {
  class FakeSender implements ProactiveSender {
    readonly sent: { userId: string; replies: Reply[] }[] = [];
    constructor(readonly channel: string, private readonly failFor: string[] = []) {}
    async send(userId: string, replies: Reply[]) {
      if (this.failFor.includes(userId)) throw new Error('delivery failed');
      this.sent.push({ userId, replies });
    }
  }

  it('"remind everyone who is overdue" shows who and what first, and sends only after Yes', async () => {
    const fake = new FakeSender('console', ['ana']);
    const w = await newWorld({ senders: () => [fake] });
    const rivera = await classroom(w);
    // Ana is made overdue too (drafted before the fall window, no meeting), and her delivery fails; a Slack student has no sender here.
    await savePlan(w.store, 'console:ana', '2026-08-21T15:00:00.000Z');
    await w.store.delete(MEETINGS, 'console:ana');
    await w.assign('rivera', 'slack:U0DAN');
    await savePlan(w.store, 'slack:U0DAN', '2026-08-22T15:00:00.000Z');

    await rivera.say('remind everyone who is overdue');
    expect(rivera.text()).toMatch(/^Remind 3 students \(overdue for a review\): Sam, Ana, slack:U0DAN\? Each gets a message like: "Hi Sam! Your counselor asked me/);
    expect(rivera.question()?.choices.map((c) => c.label)).toEqual(['Yes, send', 'No']);
    expect(fake.sent).toEqual([]);
    await rivera.say('yes');
    expect(rivera.text()).toMatch(/^1 sent, 2 failed\./);
    expect(fake.sent.map((s) => s.userId)).toEqual(['sam']);
    const q = fake.sent[0]!.replies.find((r) => r.kind === 'question');
    expect(q).toMatchObject({ questionId: 'reminder:review', choices: [{ id: 'start-review' }] });
    expect(q?.text).toMatch(/^Hi Sam! Your counselor asked me/);
    const audited = (await auditEntries(w.store)).filter((a) => a.action === 'reminder-sent');
    expect(audited).toEqual([expect.objectContaining({ by: 'console:rivera', subject: 'console:sam' })]);
  });

  it('No sends nothing; the summary button and named groups preview the right students', async () => {
    const fake = new FakeSender('console');
    const w = await newWorld({ senders: () => [fake] });
    const rivera = await classroom(w);
    await rivera.say('caseload');
    await rivera.press('caseload:actions', 'remind-overdue');
    expect(rivera.text()).toMatch(/^Remind Sam\?/);
    await rivera.say('no');
    expect(rivera.text()).toMatch(/nothing was sent/);
    await rivera.say('remind students with no plan');
    expect(rivera.text()).toMatch(/^Remind console:cai\? .*start your Plan of Study/);
    await rivera.press('counselor:remind-confirm', 'yes');
    expect(rivera.text()).toMatch(/^1 sent, 0 failed\./);
    await rivera.say('remind everyone');
    expect(rivera.text()).toMatch(/^Remind 4 students/);
    await rivera.say('yes');
    expect(rivera.text()).toMatch(/^3 sent, 0 failed\. 1 skipped: already reminded in the last 24 hours\./);
    expect(fake.sent.map((s) => s.userId).sort()).toEqual(['ana', 'ben', 'cai', 'sam']);
  });

  it('"remind ava" by name, and a name that fits two students asks which', async () => {
    const fake = new FakeSender('console');
    const w = await newWorld({ senders: () => [fake] });
    const rivera = await classroom(w);
    await setChoice(w.store, 'console:ben', 'Sam Ortiz');
    await rivera.say('remind ana');
    expect(rivera.text()).toMatch(/^Remind Ana\?/);
    await rivera.say('yes');
    expect(fake.sent.map((s) => s.userId)).toEqual(['ana']);
    await rivera.say('remind sam');
    expect(rivera.question()?.choices.map((c) => c.label)).toEqual(['Sam Lee', 'Sam Ortiz']);
    await rivera.say('Sam Ortiz');
    expect(rivera.text()).toMatch(/^Remind Sam\?/);
    await rivera.say('yes');
    expect(fake.sent.map((s) => s.userId)).toEqual(['ana', 'ben']);
  });

  it('in quiet hours it offers the next allowed time instead, keeps the send once, and the sweep delivers it then', async () => {
    const fake = new FakeSender('console');
    // Friday 2026-11-20, 21:00 in Chicago: quiet hours, and the weekend follows.
    const w = await newWorld({ senders: () => [fake], start: '2026-11-21T03:00:00.000Z' });
    const rivera = await classroom(w);
    await rivera.say('remind sam');
    expect(rivera.question()?.choices.map((c) => c.label)).toEqual(['Send at 7:00 Monday', 'Cancel']);
    await rivera.say('send at 7:00 monday');
    expect(rivera.text()).toMatch(/^Okay: 1 reminder will go out at 7:00 Monday\./);
    expect(fake.sent).toEqual([]);
    // Asked again for the same time: still one.
    await rivera.say('remind sam');
    await rivera.press('counselor:remind-confirm', 'yes');
    expect(rivera.text()).toMatch(/^Okay: 0 reminders will go out/);

    expect((await deliverScheduledSends(w.store, [fake], w.now())).sent).toEqual([]);
    const monday = new Date('2026-11-23T13:00:00.000Z');
    expect((await deliverScheduledSends(w.store, [fake], monday)).sent).toEqual(['console:sam']);
    expect((await deliverScheduledSends(w.store, [fake], monday)).sent).toEqual([]);
    expect(fake.sent.map((s) => s.userId)).toEqual(['sam']);
  });

  it('the terminal sender puts the reminder in the student\'s outbox', async () => {
    const w = await newWorld();
    const rivera = await classroom(w);
    await rivera.say('remind overdue');
    await rivera.say('yes');
    expect(rivera.text()).toMatch(/1 sent, 0 failed/);
    expect((await w.outbox('sam'))[0]).toMatchObject({ kind: 'question', questionId: 'reminder:review' });
  });
});
