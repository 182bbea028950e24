import { DUE_WHICH_Q } from '../../../src/features/family/index.js';
import type { CardReply, Reply } from '../../../src/domain/messages.js';
import { makePlan } from '../../domain/family/family-fixtures.js';
import { FamilyWorld } from './family-world.js';

const card = (replies: Reply[]) => replies.find((r): r is CardReply => r.kind === 'card');

async function worldWithJordan() {
  const w = new FamilyWorld();
  const jordan = await w.student('jordan', 9, 'Jordan Lee', makePlan(9, { goal: 'Community college' }));
  await w.person('pat', 'family', { name: 'Pat' });
  return { w, jordan };
}

describe("what's due, for a family member", () => {
  it('leads with the check-in that is due, then the student\'s steps, the family\'s, and this year of the plan', async () => {
    const { w, jordan } = await worldWithJordan();
    await w.link('pat', jordan);
    const pat = await w.chat('pat');
    const replies = await pat.say("What's due?");
    expect(replies[0]!.text).toBe("Jordan is in 9th grade. It's fall check-in time: Jordan should meet with the counselor about the plan by Nov 15. Families are welcome to join.");
    expect(replies[1]!.text).toMatch(/^This year the big things are:\n- Pick classes that fit the plan\n/);
    expect(replies[2]!.text).toMatch(/^How you can help:\n/);
    const c = card(replies)!;
    expect(c.title).toBe("This year in Jordan's plan (9th grade)");
    expect(c.fields).toContainEqual({ label: 'Classes', value: 'English 9, Math 9' });
    expect(c.fields).toContainEqual({ label: 'Work-based learning', value: 'Job shadow day (9)' });
    expect(pat.text()).toContain("It's fall check-in time: Jordan should meet with the counselor about the plan by Nov 15.");
    expect(pat.text()).not.toMatch(/English 10/);
  });

  it.each(['what is due this year', 'due', 'Whats due this year?', 'what do we need to do this year'])('understands "%s"', async (typed) => {
    const { w, jordan } = await worldWithJordan();
    await w.link('pat', jordan);
    const pat = await w.chat('pat');
    await pat.say(typed);
    expect(pat.text()).toMatch(/^Jordan is in 9th grade/);
  });

  it('works before the student has a plan: says what planning is expected and how to help start it', async () => {
    const w = new FamilyWorld();
    const maya = await w.student('maya', 8, 'Maya');
    await w.person('pat', 'family');
    await w.link('pat', maya);
    const pat = await w.chat('pat');
    await pat.say('due');
    expect(pat.text()).toContain("Maya is in 8th grade and doesn't have a plan in Waypoint yet.");
    expect(pat.text()).toContain('end of 8th grade');
    expect(pat.text()).toContain('How you can help start it:');
    expect(pat.text()).toContain('Counselors are meeting with students about plans now, until Nov 15.');
  });

  it('asks which student when a family member is linked to two, and answers for one or for both', async () => {
    const { w, jordan } = await worldWithJordan();
    const maya = await w.student('maya', 6, 'Maya');
    await w.link('pat', jordan, maya);
    const pat = await w.chat('pat');
    await pat.say("what's due");
    const q = pat.question()!;
    expect(q.questionId).toBe(DUE_WHICH_Q);
    expect(q.choices.map((c) => c.label)).toEqual(['Jordan', 'Maya', 'Both of them']);
    expect(pat.text()).not.toMatch(/big things/);

    await pat.say('maya');
    expect(pat.text()).toMatch(/^Maya is in 6th grade/);
    expect(pat.text()).not.toContain('Jordan');

    await pat.say("what's due");
    await pat.say('both');
    expect(pat.text()).toContain("Here's what's due for each of your 2 students.");
    expect(pat.text()).toMatch(/Jordan is in 9th grade[\s\S]*Maya is in 6th grade/);

    await pat.say("what's due for Jordan");
    expect(pat.text()).toMatch(/^Jordan is in 9th grade/);
    expect(pat.text()).not.toContain('Maya');
  });

  it('a button from an earlier "which student?" still works', async () => {
    const { w, jordan } = await worldWithJordan();
    const maya = await w.student('maya', 6, 'Maya');
    await w.link('pat', jordan, maya);
    const pat = await w.chat('pat');
    await pat.say("what's due");
    await pat.say('questions');
    await pat.press(DUE_WHICH_Q, jordan);
    expect(pat.text()).toMatch(/^Jordan is in 9th grade/);
  });

  it('tells a family member with no linked student how to get a code from their student', async () => {
    const w = new FamilyWorld();
    await w.person('pat', 'family');
    const pat = await w.chat('pat');
    await pat.say("what's due this year?");
    expect(pat.text()).toContain("You're not linked to a student yet");
    expect(pat.text()).toContain('"invite my family"');
    expect(pat.text()).toContain('Type that code here');
  });

  it("a family member cannot see another student's plan", async () => {
    const { w, jordan } = await worldWithJordan();
    const sam = await w.student('sam', 10, 'Sam', makePlan(9));
    await w.link('pat', jordan);
    const pat = await w.chat('pat');

    await pat.press(DUE_WHICH_Q, sam);
    expect(pat.text()).toBe("Sorry, I can't share that.");

    await pat.say("what's due for Sam");
    expect(pat.text()).toBe("Sorry, I can't share that.");

    const denied = (await w.audit()).filter((a) => a.action === 'access-denied');
    expect(denied).toHaveLength(2);
    expect(denied[0]).toMatchObject({ by: 'console:pat', target: sam });
    expect(JSON.stringify(await w.audit())).not.toContain('Sam');
  });

  it('a family member with no links cannot see anyone by pressing a crafted button', async () => {
    const w = new FamilyWorld();
    const sam = await w.student('sam', 10, 'Sam', makePlan(9));
    await w.person('pat', 'family');
    const pat = await w.chat('pat');
    await pat.press(DUE_WHICH_Q, sam);
    expect(pat.text()).toBe("Sorry, I can't share that.");
    await pat.press(DUE_WHICH_Q, 'all');
    expect(pat.text()).toContain("You're not linked to a student yet");
  });

  it('says when it does not know the linked student\'s grade yet', async () => {
    const w = new FamilyWorld();
    const kid = await w.person('kid', 'student', { name: 'Ari' });
    await w.person('pat', 'family');
    await w.link('pat', kid);
    const pat = await w.chat('pat');
    await pat.say('due');
    expect(pat.text()).toBe('I don\'t know what grade Ari is in yet. Once Ari tells me (they can type "change my grade"), I can show what\'s due.');
  });

  it("shows What's due and Common questions in a family member's menu", async () => {
    const w = new FamilyWorld();
    await w.person('pat', 'family');
    const pat = await w.chat('pat');
    await pat.say('hi');
    const labels = pat.question()!.choices.map((c) => c.label);
    expect(labels).toEqual(expect.arrayContaining(["What's due this year", 'Common questions']));
  });
});

describe("what's due, for a student", () => {
  it('gives their own steps for this year and this year of their plan', async () => {
    const { w } = await worldWithJordan();
    const jordan = await w.chat('jordan');
    const replies = await jordan.say("what's due this year");
    expect(replies[0]!.text).toBe("You're in 9th grade. It's time for your fall plan check-in with your counselor. You have until Nov 15. It takes about 5 minutes.");
    expect(replies[1]!.text).toMatch(/^This year the big things are:/);
    expect(card(replies)!.title).toBe('This year in your plan (9th grade)');
    expect(jordan.text()).toContain("It's time for your fall plan check-in with your counselor. You have until Nov 15.");
    expect(jordan.text()).not.toMatch(/How you can help/);
  });

  it('"what\'s due for <someone else>" is refused, not answered with their own steps; "for me" is theirs', async () => {
    const { w } = await worldWithJordan();
    await w.student('sam', 10, 'Sam', makePlan(9));
    const jordan = await w.chat('jordan');
    await jordan.say("what's due for sam");
    expect(jordan.text()).toBe("Sorry, I can't share that.");
    await jordan.say("what's due for me");
    expect(jordan.text()).toMatch(/^You're in 9th grade/);
    await jordan.say("what's due for jordan");
    expect(jordan.text()).toMatch(/^You're in 9th grade/);
  });

  it('cannot use the family button to see another student', async () => {
    const { w } = await worldWithJordan();
    const sam = await w.student('sam', 10, 'Sam', makePlan(9));
    const jordan = await w.chat('jordan');
    await jordan.press(DUE_WHICH_Q, sam);
    expect(jordan.text()).toBe("Sorry, I can't share that.");
  });
});

describe("what's due, for a counselor", () => {
  it('is not answered with a family or student view', async () => {
    const w = new FamilyWorld();
    await w.person('cora', 'counselor');
    const cora = await w.chat('cora');
    await cora.say("what's due");
    expect(cora.text()).not.toMatch(/big things|How you can help/);
  });
});
