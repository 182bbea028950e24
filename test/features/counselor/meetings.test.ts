import { auditEntries } from '../../../src/features/people/audit.js';
import { MEETINGS, type MeetingRecord } from '../../../src/domain/meetings.js';
import { codeIn, newWorld, savePlan, setChoice } from '../people/people-world.js';
import { seedCaseload } from './counselor-world.js';

/** Ms. Rivera with Sam Lee (who has a plan and a linked mom) and Ana Diaz, on 2026-11-23. */
async function setting() {
  const w = await newWorld();
  const rivera = await w.counselor('rivera');
  const sam = await w.student('sam');
  await w.assign('rivera', 'console:sam');
  await setChoice(w.store, 'console:sam', 'Sam Lee');
  await savePlan(w.store, 'console:sam', '2026-08-20T15:00:00.000Z');
  await sam.say('invite my family');
  const mom = await w.family('mom');
  await mom.say(codeIn(sam.text()));
  await seedCaseload(w.store, 'console:rivera', [{ id: 'ana', name: 'Ana Diaz', grade: 10 }]);
  return { w, rivera, sam, mom };
}

describe('counselor meetings and notes', () => {
  it('"met with Sam today" records a meeting for the current window, audited, and the status follows', async () => {
    const { w, rivera } = await setting();
    await rivera.say('who has not met');
    expect(rivera.text()).toMatch(/^2 of 2 students have not met with you this window\./);
    await rivera.say('I met with Sam today');
    expect(rivera.text()).toMatch(/^Saved: you met with Sam Lee on Nov 23, 2026\. It counts for the fall window\. That's 1 meeting this school year\./);
    const record = await w.store.get<MeetingRecord>(MEETINGS, 'console:sam');
    expect(record?.meetings).toEqual([{ at: '2026-11-23T15:00:00.000Z', by: 'console:rivera', windowId: '2026-27-fall', schoolYear: '2026-27' }]);
    expect((await auditEntries(w.store)).filter((a) => a.action === 'meeting-recorded')).toEqual([
      { at: '2026-11-23T15:00:00.000Z', by: 'console:rivera', action: 'meeting-recorded', subject: 'console:sam' },
    ]);
    await rivera.say('who has not met');
    expect(rivera.text()).toMatch(/^1 of 2 students have not met with you this window\.\n- Ana Diaz/);
    await rivera.say("mark Ana's plan reviewed");
    expect(rivera.text()).toMatch(/^Saved: you met with Ana Diaz/);
  });

  it('a counselor says it the way they talk: "record that i met with ana", "whats going on with sam"; "i saw a movie" is not a meeting', async () => {
    const { rivera } = await setting();
    await rivera.say('record that i met with ana today');
    expect(rivera.text()).toMatch(/^Saved: you met with Ana Diaz on Nov 23, 2026\./);
    await rivera.say('log that i saw sam this week for his plan review');
    expect(rivera.text()).toMatch(/^Saved: you met with Sam Lee on Nov 23, 2026\./);
    await rivera.say('i saw a movie');
    expect(rivera.text()).not.toMatch(/Saved|couldn't find/);
    await rivera.say('whats going on with ana');
    expect(rivera.text()).toMatch(/^Ana Diaz\n/);
    await rivera.say('lets see sam');
    expect(rivera.text()).toMatch(/^Sam Lee\n/);
  });

  it('the same meeting said twice on one day is kept once, and said so', async () => {
    const { w, rivera } = await setting();
    await rivera.say('met with sam today');
    await rivera.say('record that i met with sam today');
    expect(rivera.text()).toMatch(/^Already saved: your meeting with Sam Lee on Nov 23, 2026 \(the same day counts once\)\..+That's 1 meeting this school year\./);
    expect((await w.store.get<MeetingRecord>(MEETINGS, 'console:sam'))?.meetings).toHaveLength(1);
    expect((await auditEntries(w.store)).filter((a) => a.action === 'meeting-recorded')).toHaveLength(1);
    w.advance(24 * 60 * 60 * 1000);
    await rivera.say('met with sam today');
    expect(rivera.text()).toMatch(/^Saved: you met with Sam Lee on Nov 24, 2026\..+That's 2 meetings this school year\./);
  });

  it('notes: "add note:" after naming a student, "note for sam: ...", cleaned and only for counselors', async () => {
    const { w, rivera, sam, mom } = await setting();
    await rivera.say('met with sam: talked about welding classes');
    expect(rivera.text()).toMatch(/Your note is saved \(only counselors see it\)/);
    await rivera.say('add note:   wants a job shadow\u0007 at the shop  ');
    expect(rivera.text()).toMatch(/^Note saved for Sam Lee\./);
    // Too long for one message: nothing is saved, and the counselor is asked to shorten it.
    await rivera.say(`note for ana: ${'x'.repeat(1500)}`);
    expect(rivera.text()).toMatch(/^That's a long message!/);
    expect(await w.store.get(MEETINGS, 'console:ana')).toBeUndefined();
    await rivera.say(`note for ana: ${'x'.repeat(980)}`);
    expect(rivera.text()).toMatch(/^Note saved for Ana Diaz\./);
    const notes = (await w.store.get<MeetingRecord>(MEETINGS, 'console:sam'))!.notes.map((n) => n.text);
    expect(notes).toEqual(['talked about welding classes', 'wants a job shadow at the shop']);
    expect((await w.store.get<MeetingRecord>(MEETINGS, 'console:ana'))!.notes[0]!.text).toHaveLength(980);
    // The counselor sees the notes in the student's view; the student and the family never do.
    await rivera.say('show student sam');
    expect(rivera.text()).toMatch(/Counselor notes \(2, only counselors see these\):\n- Nov 23, 2026: talked about welding classes/);
    await sam.say('show student sam');
    expect(sam.text()).not.toMatch(/welding|job shadow|notes/i);
    await mom.say('show student sam');
    expect(mom.text()).not.toMatch(/welding|job shadow|notes/i);
    const audit = await auditEntries(w.store);
    expect(JSON.stringify(audit)).not.toMatch(/welding/);
    expect(audit.filter((a) => a.action === 'note-added')).toHaveLength(3);
  });

  it('a name that fits two students asks which, and the note goes to the one picked', async () => {
    const { w, rivera } = await setting();
    await seedCaseload(w.store, 'console:rivera', [{ id: 'sam2', name: 'Sam Ortiz', grade: 11 }]);
    await rivera.say('note for sam: check credits');
    expect(rivera.question()?.text).toBe('2 students match "sam". Which one?');
    await rivera.press('counselor:which', 'note:console:sam2');
    expect(rivera.text()).toMatch(/^Note saved for Sam Ortiz/);
    expect((await w.store.get<MeetingRecord>(MEETINGS, 'console:sam2'))!.notes[0]!.text).toBe('check credits');
    expect(await w.store.get(MEETINGS, 'console:sam')).toBeUndefined();
  });

  it('never records anything for a student outside the caseload', async () => {
    const { w, rivera } = await setting();
    await w.counselor('okafor', 'Central High');
    await seedCaseload(w.store, 'console:okafor', [{ id: 'zed', name: 'Zed Quill', grade: 9 }]);
    await rivera.say('met with zed quill today');
    expect(rivera.text()).toMatch(/^I couldn't find "zed quill" on your list/);
    await rivera.press('counselor:which', 'met:console:zed');
    expect(rivera.text()).toBe("Sorry, I can't share that.");
    await rivera.press('counselor:which', 'sign:console:zed');
    expect(await w.store.get(MEETINGS, 'console:zed')).toBeUndefined();
  });
});

describe('signing the plan', () => {
  it('counselor, student and family each sign the current version; the student and family see who has signed', async () => {
    const { w, rivera, sam, mom } = await setting();
    await rivera.say("sign sam's plan");
    expect(rivera.text()).toMatch(/^Signed on Nov 23, 2026 for version 1 of Sam Lee's plan\. Signed \(version 1\): Counselor \(Nov 23, 2026\)\. Not yet: Student, Family\./);
    await sam.say('who signed my plan');
    expect(sam.text()).toMatch(/^Your plan: Signed \(version 1\): Counselor \(Nov 23, 2026\)\. Not yet: Student, Family\./);
    w.advance(24 * 60 * 60 * 1000);
    await sam.say('sign my plan');
    expect(sam.text()).toMatch(/^Signed on Nov 24, 2026 for version 1 of your plan\./);
    await mom.say('sign the plan');
    expect(mom.text()).toMatch(/Signed \(version 1\): Counselor \(Nov 23, 2026\), Student \(Nov 24, 2026\), Family \(Nov 24, 2026\)\.$/);
    await mom.say('who signed the plan');
    expect(mom.text()).toMatch(/^Sam: Signed \(version 1\)/);
    const record = (await w.store.get<MeetingRecord>(MEETINGS, 'console:sam'))!;
    expect(record.signatures.map((s) => [s.role, s.by, s.planVersion])).toEqual([
      ['counselor', 'console:rivera', 1],
      ['student', 'console:sam', 1],
      ['family', 'console:mom', 1],
    ]);
    expect((await auditEntries(w.store)).filter((a) => a.action === 'plan-signed')).toHaveLength(3);
    await rivera.press('caseload:actions', 'csv');
  });

  it("the student's page offers the counselor to sign until they have signed this version", async () => {
    const { rivera } = await setting();
    const choiceIds = () => rivera.question()!.choices.map((c) => c.id);
    await rivera.say('show student sam');
    expect(choiceIds()).toContain('sign:console:sam');
    await rivera.say("sign sam's plan");
    await rivera.say('show student sam');
    expect(rivera.text()).toMatch(/Signed \(version 1\): Counselor/);
    expect(choiceIds()).not.toContain('sign:console:sam');
  });

  it('a plan with no versions cannot be signed, and a family member with no link signs nothing', async () => {
    const { w, rivera } = await setting();
    await rivera.say("sign ana's plan");
    expect(rivera.text()).toMatch(/^Ana Diaz has no plan yet, so there is nothing to sign/);
    const dad = await w.family('dad');
    await dad.say('sign the plan');
    expect(dad.text()).toMatch(/not linked to a student yet/);
  });
});
