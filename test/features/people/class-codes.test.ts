import { auditEntries } from '../../../src/features/people/audit.js';
import { caseloadOf } from '../../../src/features/people/links.js';
import { codeIn, DAY, newWorld } from './people-world.js';

describe('class codes and adding students', () => {
  it('students who type a counselor\'s class code join that caseload; many can use it', async () => {
    const w = await newWorld();
    const rivera = await w.counselor('rivera');
    await rivera.say('new class code');
    expect(rivera.text()).toMatch(/30 days/);
    const code = codeIn(rivera.text());
    const sam = await w.student('sam');
    await sam.say(`join ${code}`);
    expect(sam.text()).toMatch(/joined your counselor's list at Lincoln High/);
    const ana = await w.student('ana');
    await ana.say(code.toLowerCase().replace('-', ''));
    expect(ana.text()).toMatch(/joined/);
    await ana.say(code);
    expect(ana.text()).toMatch(/already on that counselor's list/);
    expect(await caseloadOf(w.store, 'console:rivera')).toEqual(['console:sam', 'console:ana']);
    expect((await auditEntries(w.store)).filter((a) => a.action === 'caseload-added').map((a) => a.subject)).toEqual(['console:sam', 'console:ana']);
  });

  it('a student in the middle of the interest questions can join, then carries on where they were', async () => {
    const w = await newWorld();
    const rivera = await w.counselor('rivera');
    await rivera.say('new class code');
    const code = codeIn(rivera.text());
    const sam = w.chat('sam');
    await sam.say('hi');
    await sam.press('onboarding:role', 'student');
    await sam.press('onboarding:grade', 'g8');
    const asked = sam.question()!.questionId;
    await sam.say(code);
    expect(sam.text()).toMatch(/joined your counselor's list/);
    expect(sam.question()?.questionId).toBe(asked);
    expect(await caseloadOf(w.store, 'console:rivera')).toEqual(['console:sam']);
  });

  it('a class code stops working after 30 days, and when the counselor is removed', async () => {
    const w = await newWorld();
    const rivera = await w.counselor('rivera');
    await rivera.say('new class code');
    const code = codeIn(rivera.text());
    w.advance(30 * DAY);
    const sam = await w.student('sam');
    await sam.say(code);
    expect(sam.text()).toMatch(/class code has expired/);

    await rivera.say('new class code');
    const fresh = codeIn(rivera.text());
    await w.store.delete('counselors', 'console:rivera');
    await sam.say(fresh);
    expect(sam.text()).toMatch(/no longer works/);
    expect(await w.store.get('caseloads', 'console:rivera')).toBeUndefined();
  });

  it('family members cannot use a class code', async () => {
    const w = await newWorld();
    const rivera = await w.counselor('rivera');
    await rivera.say('new class code');
    const mom = await w.family('mom');
    await mom.say(codeIn(rivera.text()));
    // Answered like any wrong code (and counted): a guesser learns nothing.
    expect(mom.text()).toMatch(/couldn't find that code/);
    expect(await w.store.get('code-attempts', 'console:mom')).toBeDefined();
  });

  it('a counselor asks to add a student by platform id (nothing changes before a yes) and can drop one', async () => {
    const w = await newWorld();
    const rivera = await w.counselor('rivera');
    await rivera.say('add student slack:U0ABC12');
    expect(rivera.text()).toMatch(/^Asked slack:U0ABC12 to join your list \(request R-\w{6}\)\. I will ask them the next time they chat with me\./);
    expect(await caseloadOf(w.store, 'console:rivera')).toEqual([]);
    await w.assign('rivera', 'slack:U0ABC12');
    await rivera.say('add student sam');
    expect(rivera.text()).toMatch(/id with its channel/);
    const mom = await w.family('mom');
    await rivera.say('add student console:mom');
    expect(rivera.text()).toMatch(/isn't set up as a student/);
    void mom;
    expect(await caseloadOf(w.store, 'console:rivera')).toEqual(['slack:U0ABC12']);
    await rivera.say('remove student slack:U0ABC12');
    expect(await caseloadOf(w.store, 'console:rivera')).toEqual([]);
  });

  it('nobody becomes a counselor from the chat', async () => {
    const w = await newWorld();
    const eve = w.chat('eve');
    await eve.say('hi');
    await eve.press('onboarding:role', 'counselor');
    expect(eve.text()).toMatch(/admin/);
    await eve.say('new class code');
    await eve.say('caseload');
    await eve.say('add student console:sam');
    expect(await w.store.get('profiles', 'console:eve')).toBeUndefined();
    expect(await w.store.ids('counselors')).toEqual([]);
    expect(await w.store.ids('codes')).toEqual([]);
    // A student who asks to change their role cannot pick counselor either.
    const sam = await w.student('sam');
    await sam.say('change my role');
    await sam.press('onboarding:role', 'counselor');
    expect((await w.store.get<{ role: string }>('profiles', 'console:sam'))?.role).toBe('student');
    await sam.say('caseload');
    expect(sam.text()).not.toMatch(/students on your list/);
  });
});
