import { auditEntries } from '../../../src/features/people/audit.js';
import { codeIn, newWorld, savePlan, setChoice } from '../people/people-world.js';

const CANT = "Sorry, I can't share that.";

async function setting() {
  const w = await newWorld();
  const rivera = await w.counselor('rivera');
  const sam = await w.student('sam');
  const ana = await w.student('ana');
  await w.assign('rivera', 'console:sam');
  await setChoice(w.store, 'console:sam', 'Sam Lee');
  await savePlan(w.store, 'console:sam', '2026-08-20T15:00:00.000Z', ['2026-09-30T15:00:00.000Z']);
  await savePlan(w.store, 'console:ana', '2026-08-20T15:00:00.000Z');
  await sam.say('invite my family');
  const mom = await w.family('mom');
  await mom.say(codeIn(sam.text()));
  return { w, rivera, sam, ana, mom };
}

describe("one student's view and who may see it", () => {
  it('a counselor sees a student on their caseload: profile, plan, check problems and reviews', async () => {
    const { rivera } = await setting();
    await rivera.say('show student console:sam');
    const text = rivera.text();
    expect(rivera.last[0]).toMatchObject({ kind: 'card', title: 'Sam Lee' });
    expect(text).toMatch(/Grade: 9th grade/);
    expect(text).toMatch(/Plan: .+ Version 1, last changed Aug 20, 2026/);
    expect(text).toMatch(/Plan check: /);
    // Reviewed by himself in the fall, never met a counselor: overdue once the fall window closed.
    expect(text).toMatch(/Reviews: 1\. Status: overdue \(since Nov 16, 2026\)\.\n- Sep 30, 2026 \(version 1\)/);
    // What's due for the student this year, then the next steps as buttons.
    expect(text).toMatch(/Sam is in 9th grade\. The next plan check-in/);
    expect(rivera.question()?.choices.map((c) => c.label)).toEqual(['See the whole plan', 'We met today', 'Sign the plan', 'Remind them']);
  });

  it('a counselor can look a student up by name', async () => {
    const { rivera } = await setting();
    await rivera.say('show student sam');
    expect(rivera.last[0]).toMatchObject({ kind: 'card', title: 'Sam Lee' });
  });

  it('a counselor can look a student up by the id without its channel ("show student sam" for console:sam)', async () => {
    const { w, rivera } = await setting();
    await w.assign('rivera', 'console:ben');
    await w.student('ben');
    await rivera.say('show student ben');
    expect(rivera.last[0]).toMatchObject({ kind: 'card', fields: expect.arrayContaining([{ label: 'Id', value: 'console:ben' }]) });
  });

  it('a counselor cannot see a student who is not on their caseload, by id or by name', async () => {
    const { w, rivera } = await setting();
    await rivera.say('show student console:ana');
    expect(rivera.text()).toBe(CANT);
    await rivera.say('show student ana');
    expect(rivera.text()).toBe(CANT);
    const denied = (await auditEntries(w.store)).filter((a) => a.action === 'access-denied');
    expect(denied).toEqual([
      expect.objectContaining({ by: 'console:rivera', target: 'console:ana' }),
      expect.objectContaining({ by: 'console:rivera' }),
    ]);
    // A name lookup is audited with ids only: no name, no message text.
    expect(Object.keys(denied[1]!).sort()).toEqual(['action', 'at', 'by', 'subject']);
  });

  it("a family member cannot see another student's plan, but sees their linked student's", async () => {
    const { w, mom } = await setting();
    await mom.say('show student console:ana');
    expect(mom.text()).toBe(CANT);
    expect(mom.text()).not.toMatch(/Plan/);
    await mom.say('show student console:sam');
    expect(mom.text()).toMatch(/Plan: /);
    expect((await auditEntries(w.store)).filter((a) => a.action === 'access-denied')).toEqual([
      expect.objectContaining({ by: 'console:mom', subject: 'console:mom', target: 'console:ana' }),
    ]);
  });

  it('a student sees only themself, and every refusal reads the same', async () => {
    const { ana, rivera } = await setting();
    await ana.say('show student console:sam');
    const refusal = ana.text();
    expect(refusal).toBe(CANT);
    await ana.say('show student console:nobody');
    expect(ana.text()).toBe(refusal);
    await rivera.say('show student console:nobody');
    expect(rivera.text()).toBe(refusal);
    await ana.say('show student console:ana');
    expect(ana.last[0]).toMatchObject({ kind: 'card' });
  });

  it('a removed family link takes access away', async () => {
    const { sam, mom } = await setting();
    await sam.say('my family');
    await sam.press('people:my-family', 'remove:console:mom');
    await mom.say('show student console:sam');
    expect(mom.text()).toBe(CANT);
  });
});
