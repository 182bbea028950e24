import { newWorld, setChoice } from '../people/people-world.js';
import { manyStudents, seedCaseload } from './counselor-world.js';

/** Ms. Rivera with 400 students, on 2026-11-23 (the fall window closed on Nov 15). */
async function bigCaseload() {
  const w = await newWorld();
  const rivera = await w.counselor('rivera');
  await seedCaseload(w.store, 'console:rivera', manyStudents(400));
  return { w, rivera };
}

describe('a counselor finds and filters 400 students', () => {
  it('"who is overdue" gives the count first, a page of 15 names, and "more" for the next page', async () => {
    const { rivera } = await bigCaseload();
    await rivera.say('who is overdue');
    const first = rivera.text();
    // Every 3rd student has a plan drafted before the fall window and never reviewed.
    expect(first).toMatch(/^134 of 400 students are overdue for a review\./);
    expect(first.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(15);
    expect(first).toMatch(/: overdue$/m);
    expect(rivera.question()?.choices.map((c) => c.label)).toEqual(['Next 15 (119 more)', 'Remind these 134', 'Download CSV']);
    await rivera.say('more');
    expect(rivera.text()).toMatch(/^16-30 of 134:/);
    const second = rivera.text().split('\n').filter((l) => l.startsWith('- '));
    expect(second).toHaveLength(15);
    expect(first).not.toContain(second[0]);
    // "more" still works after something else was said in between.
    await rivera.say('thanks');
    await rivera.say('more');
    expect(rivera.text()).toMatch(/^31-45 of 134:/);
  });

  it('filters combine: grade, status and a chosen cluster', async () => {
    const { w, rivera } = await bigCaseload();
    await rivera.say('show 11th graders');
    expect(rivera.text()).toMatch(/^100 of 400 students are in 11th grade\./);
    await rivera.say('overdue 12th graders');
    expect(rivera.text()).toMatch(/^34 of 400 students are in 12th grade and are overdue for a review\./);
    await rivera.say('juniors with no plan');
    expect(rivera.text()).toMatch(/^67 of 400 students are in 11th grade and have no plan yet\./);
    const cluster = (await w.store.get<{ choice: { clusterId: string } }>('profiles', 'console:s0'))!.choice.clusterId;
    const { appData } = await import('../../helpers/test-app.js');
    const name = (await appData()).framework.cluster(cluster)!.name;
    await rivera.say(`who chose ${name}`);
    expect(rivera.text()).toMatch(new RegExp(`^200 of 400 students chose ${name.replace(/[()]/g, '.')}\\.`));
  });

  it('"how many students have a plan" answers with the number and a button to see them', async () => {
    const { rivera } = await bigCaseload();
    await rivera.say('how many students have a plan');
    expect(rivera.text()).toMatch(/^134 of 400 students have a plan\./);
    expect(rivera.question()?.choices.map((c) => c.label)).toEqual(['Show them', 'Remind these 134']);
    await rivera.say('show them');
    expect(rivera.text()).toMatch(/^134 of 400 students have a plan\.\n- /);
  });

  it('finds a student by last name, full name, a typo, or id; one match opens the student', async () => {
    const { rivera } = await bigCaseload();
    await rivera.say('find garcia');
    expect(rivera.text()).toMatch(/^20 of 400 students match "garcia"\./);
    await rivera.say('find maya nguyen');
    expect(rivera.last[0]).toMatchObject({ kind: 'card', title: 'Maya Nguyen' });
    await rivera.say('find mya nguyen');
    expect(rivera.last[0]).toMatchObject({ kind: 'card', title: 'Maya Nguyen' });
    await rivera.say('find s42');
    expect(rivera.last[0]).toMatchObject({ kind: 'card', fields: expect.arrayContaining([{ label: 'Id', value: 'console:s42' }]) });
  });

  it('a name typed on its own finds the student, never a job; unknown text gets the counselor help', async () => {
    const { w, rivera } = await bigCaseload();
    await setChoice(w.store, 'console:s7', 'Sam Garcia');
    await rivera.say('sam garcia');
    expect(rivera.last[0]).toMatchObject({ kind: 'card', title: 'Sam Garcia' });
    await rivera.say('zorbly plinth');
    expect(rivera.text()).toMatch(/^Sorry, I didn't catch that\. You can say things like "caseload", "who is overdue", "find garcia"/);
    expect(rivera.text()).not.toMatch(/Cluster|Pathway/);
  });

  it("a counselor reads a student's plan but plan-change words do not change it", async () => {
    const { w, rivera } = await bigCaseload();
    await rivera.say('find s0');
    await rivera.press('counselor:which', 'plan:console:s0');
    expect(rivera.last[0]).toMatchObject({ kind: 'plan' });
    const before = JSON.stringify(await w.store.get('plans', 'console:s0'));
    await rivera.say('move English I to 10th');
    await rivera.say('yes');
    expect(JSON.stringify(await w.store.get('plans', 'console:s0'))).toBe(before);
  });

  it('a student at another counselor is never found or opened', async () => {
    const { w, rivera } = await bigCaseload();
    await w.counselor('okafor', 'Central High');
    await seedCaseload(w.store, 'console:okafor', [{ id: 'x1', name: 'Quentin Zabriskie', grade: 10 }]);
    await rivera.say('find zabriskie');
    expect(rivera.text()).toMatch(/^0 of 400 students match "zabriskie"\./);
    await rivera.say('quentin zabriskie');
    expect(rivera.text()).not.toMatch(/Quentin/);
    await rivera.press('counselor:which', 'show:console:x1');
    expect(rivera.text()).toBe("Sorry, I can't share that.");
  });
});
