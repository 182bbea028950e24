import { auditEntries } from '../../../src/features/people/audit.js';
import { linkedFamily, linkedStudents } from '../../../src/features/people/links.js';
import { codeIn, DAY, familyCodeFrom, newWorld } from './people-world.js';

describe('family invite codes', () => {
  it('a student gets a readable code and a family member who types it is linked; the student is told', async () => {
    const w = await newWorld();
    const sam = await w.student('sam');
    const code = await familyCodeFrom(sam);
    expect(code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{4}-[ACDEFGHJKMNPQRTUVWXY34679]{4}$/);
    expect(sam.text()).toMatch(/works once.*7 days/);

    const mom = await w.family('mom');
    await mom.say(code);
    expect(mom.text()).toMatch(/now linked to your student/);
    expect(await linkedStudents(w.store, 'console:mom')).toEqual(['console:sam']);
    expect(await linkedFamily(w.store, 'console:sam')).toEqual(['console:mom']);
    const told = (await w.outbox('sam')).map((r) => r.text).join('\n');
    expect(told).toMatch(/is now linked to you/);
    expect((await auditEntries(w.store)).filter((a) => a.action === 'family-linked')).toEqual([
      expect.objectContaining({ by: 'console:mom', subject: 'console:sam', target: 'console:mom' }),
    ]);
  });

  it('a code works once: a second family member gets a clear "already used"', async () => {
    const w = await newWorld();
    const sam = await w.student('sam');
    const code = await familyCodeFrom(sam);
    await (await w.family('mom')).say(code);
    const dad = await w.family('dad');
    await dad.say(code);
    expect(dad.text()).toMatch(/already used/);
    expect(await linkedStudents(w.store, 'console:dad')).toEqual([]);
  });

  it('codes are read without caring about case, spaces or dashes, and with "join" or "code" in front', async () => {
    const w = await newWorld();
    const sam = await w.student('sam');
    const typed = [(c: string) => c.toLowerCase(), (c: string) => c.replace('-', ' '), (c: string) => `my code is ${c.replace('-', '').toLowerCase()}`];
    for (const [i, form] of typed.entries()) {
      const code = await familyCodeFrom(sam);
      const fam = await w.family(`fam${i}`);
      await fam.say(form(code));
      expect(fam.text()).toMatch(/now linked/);
    }
    expect(await linkedFamily(w.store, 'console:sam')).toHaveLength(3);
  });

  it('a family code expires after 7 days', async () => {
    const w = await newWorld();
    const sam = await w.student('sam');
    const early = await familyCodeFrom(sam);
    const late = await familyCodeFrom(sam);
    const mom = await w.family('mom');
    w.advance(7 * DAY - 60_000);
    await mom.say(early);
    expect(mom.text()).toMatch(/now linked/);
    w.advance(60_000);
    const dad = await w.family('dad');
    await dad.say(late);
    expect(dad.text()).toMatch(/expired/);
    expect(await linkedStudents(w.store, 'console:dad')).toEqual([]);
  });

  it('choosing "I\'m a family member" asks for the code, and typing it there links', async () => {
    const w = await newWorld();
    const sam = await w.student('sam');
    const code = await familyCodeFrom(sam);
    const mom = w.chat('mom');
    await mom.say('hello');
    await mom.press('onboarding:role', 'family');
    expect(mom.question()?.questionId).toBe('onboarding:family-code');
    await mom.say('not sure');
    expect(mom.text()).toMatch(/doesn't look like a code/);
    await mom.say(code.toLowerCase());
    expect(mom.text()).toMatch(/now linked/);
    // Onboarding is over: a greeting gets the menu, not the code question again.
    await mom.say('hi');
    expect(mom.question()?.questionId).toBe('menu');
    expect((await w.store.get<{ role: string }>('profiles', 'console:mom'))?.role).toBe('family');
  });

  it('someone new who pastes a family code first thing becomes a linked family member', async () => {
    const w = await newWorld();
    const sam = await w.student('sam');
    const code = await familyCodeFrom(sam);
    const gran = w.chat('gran');
    await gran.say('hi');
    await gran.say(code);
    expect(gran.text()).toMatch(/now linked/);
    expect(await linkedStudents(w.store, 'console:gran')).toEqual(['console:sam']);
  });

  it('a family member whose very first message is the code is linked at once, and hears what Waypoint is', async () => {
    const w = await newWorld();
    const sam = await w.student('sam');
    const code = await familyCodeFrom(sam);
    const grandpa = w.chat('grandpa');
    await grandpa.say(code.replace('-', ' ').toLowerCase());
    expect(grandpa.text()).toMatch(/I'm Waypoint/);
    expect(grandpa.text()).toMatch(/now linked to your student/);
    expect(grandpa.text()).not.toMatch(/Who are you\?/);
    expect(await linkedStudents(w.store, 'console:grandpa')).toEqual(['console:sam']);
    expect((await w.store.get<{ role: string }>('profiles', 'console:grandpa'))?.role).toBe('family');
  });

  it('the name the platform gives a student is what their family sees, and "what\'s due for <name>" finds them', async () => {
    const w = await newWorld();
    const maya = w.chat('u-maya');
    const as = (text: string) => maya.engine.handle(maya.turn({ text, displayName: 'Maya Lopez' }));
    await as('hi');
    await as('student');
    await as('9th');
    await as('stop');
    maya.last = (await as('invite my family')).replies;
    const mom = w.chat('mom');
    await mom.say(codeIn(maya.text()));
    expect(mom.text()).toMatch(/now linked to Maya Lopez/);
    await mom.say("what's due for maya");
    expect(mom.text()).toMatch(/^Maya is in 9th grade/);
  });

  it('a wrong code as the very first message gets the greeting and one "Who are you?", and the next code is read', async () => {
    const w = await newWorld();
    const sam = await w.student('sam');
    const code = await familyCodeFrom(sam);
    const aunt = w.chat('aunt');
    await aunt.say('KX7M-4PQR');
    expect(aunt.text()).toMatch(/couldn't find that code/);
    expect(aunt.text()).toMatch(/I'm Waypoint/);
    expect(aunt.text().match(/Who are you\?/g)).toHaveLength(1);
    await aunt.say(code);
    expect(aunt.text()).toMatch(/now linked/);
  });

  it('a student cannot use their own or another student\'s family code', async () => {
    const w = await newWorld();
    const sam = await w.student('sam');
    const code = await familyCodeFrom(sam);
    await sam.say(code);
    expect(sam.text()).toMatch(/your own family code/);
    const ana = await w.student('ana');
    await ana.say(code);
    // Another student's code answers like any wrong code, and counts as a guess.
    expect(ana.text()).toMatch(/couldn't find that code/);
    expect(await linkedFamily(w.store, 'console:sam')).toEqual([]);
  });

  it('a student sees their family links and can remove one with a button', async () => {
    const w = await newWorld();
    const sam = await w.student('sam');
    for (const who of ['mom', 'dad']) {
      await sam.say('invite my family');
      await (await w.family(who)).say(codeIn(sam.text()));
    }
    await sam.say('my family');
    const q = sam.question()!;
    expect(q.text).toMatch(/These 2 family members/);
    expect(q.choices.map((c) => c.id)).toEqual(['remove:console:mom', 'remove:console:dad', 'keep']);
    // Family members who have not said their name are told apart without their ids.
    expect(q.choices.map((c) => c.label)).toEqual(['Remove Family member 1', 'Remove Family member 2', 'Keep them all']);
    expect(q.text).not.toMatch(/console:/);
    await sam.press(q.questionId, 'remove:console:dad');
    expect(sam.text()).toMatch(/Removed. Family member 2 can no longer see your plan./);
    expect(sam.question()?.text).toMatch(/This family member can see your plan: Family member 1./);
    expect(await linkedFamily(w.store, 'console:sam')).toEqual(['console:mom']);
    expect(await linkedStudents(w.store, 'console:dad')).toEqual([]);
    expect((await auditEntries(w.store)).some((a) => a.action === 'family-unlinked' && a.target === 'console:dad' && a.by === 'console:sam')).toBe(true);
  });
});
