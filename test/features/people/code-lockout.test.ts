import { auditEntries } from '../../../src/features/people/audit.js';
import { linkedStudents } from '../../../src/features/people/links.js';
import { GLOBAL_MAX_WRONG } from '../../../src/domain/code-limits.js';
import { codeIn, familyCodeFrom, newWorld } from './people-world.js';

const WRONG = ['KX7M-4PQR', 'AC3D-EF4G', 'HJ6K-MN7P', 'QR9T-UV3W', 'XY4A-CD6E', 'FG7H-JK9M', 'NP3Q-RT4U', 'VW6X-YA7C', 'DE9F-GH3J', 'KM4N-PQ6R'];

describe('code lock-out', () => {
  it('a wrong code gets a clear answer', async () => {
    const w = await newWorld();
    const mom = await w.family('mom');
    await mom.say('KX7M-4PQR');
    expect(mom.text()).toMatch(/couldn't find that code/);
  });

  it('10 wrong codes in an hour lock code entry for that user for an hour, even for a right code; then it works', async () => {
    const w = await newWorld();
    const sam = await w.student('sam');
    const code = await familyCodeFrom(sam);
    const mom = await w.family('mom');
    for (const wrong of WRONG.slice(0, 9)) {
      await mom.say(wrong);
      expect(mom.text()).toMatch(/couldn't find that code/);
      w.advance(60_000);
    }
    await mom.say(WRONG[9]!);
    expect(mom.text()).toMatch(/paused code entry for an hour/);
    expect((await auditEntries(w.store)).filter((a) => a.action === 'code-locked')).toEqual([
      expect.objectContaining({ by: 'console:mom', subject: 'console:mom' }),
    ]);

    await mom.say(code);
    expect(mom.text()).toMatch(/try again in about 60 minutes/);
    expect(await linkedStudents(w.store, 'console:mom')).toEqual([]);

    // Someone else is not locked.
    const dad = await w.family('dad');
    await dad.say('KX7M-4PQR');
    expect(dad.text()).toMatch(/couldn't find/);

    w.advance(59 * 60_000);
    await mom.say(code);
    expect(mom.text()).toMatch(/try again in about 1 minute\b/);
    w.advance(60_000);
    await mom.say(code);
    expect(mom.text()).toMatch(/now linked/);
  });

  it('a code that works never resets the count: re-entering a class code already joined does not buy more guesses', async () => {
    const w = await newWorld();
    const rivera = await w.counselor('rivera');
    await rivera.say('new class code');
    const classCode = codeIn(rivera.text());
    const sam = await w.student('sam');
    await sam.say(classCode);
    for (const wrong of WRONG.slice(0, 9)) {
      await sam.say(wrong);
      await sam.say(classCode);
      expect(sam.text()).toMatch(/already on that counselor's list/);
    }
    await sam.say(WRONG[9]!);
    expect(sam.text()).toMatch(/paused code entry for an hour/);
  });

  it('a code of the wrong kind answers like any wrong code and counts as a guess', async () => {
    const w = await newWorld();
    const ana = await w.student('ana');
    const familyCode = await familyCodeFrom(ana);
    const rivera = await w.counselor('rivera');
    await rivera.say('new class code');
    const classCode = codeIn(rivera.text());
    const sam = await w.student('sam');
    await sam.say(familyCode);
    expect(sam.text()).toBe("I couldn't find that code. Check the letters and numbers and try again. Codes look like KX7M-4PQR.");
    const mom = await w.family('mom');
    await mom.say(classCode);
    expect(mom.text()).toBe("I couldn't find that code. Check the letters and numbers and try again. Codes look like KX7M-4PQR.");
    for (const wrong of WRONG.slice(0, 9)) await mom.say(wrong);
    expect(mom.text()).toMatch(/paused code entry for an hour/);
    expect((await w.store.get<{ wrong: unknown[] }>('code-attempts', 'console:sam'))).toBeDefined();
    // The family code still works for the family member it was meant for.
    await (await w.family('dad')).say(familyCode);
    expect(await linkedStudents(w.store, 'console:dad')).toEqual(['console:ana']);
  });

  it('wrong codes spread over more than an hour do not lock', async () => {
    const w = await newWorld();
    const mom = await w.family('mom');
    for (const wrong of [...WRONG, ...WRONG]) {
      await mom.say(wrong);
      expect(mom.text()).toMatch(/couldn't find that code/);
      w.advance(7 * 60_000);
    }
  });

  it('a newcomer whose first code is wrong can simply type it again, and the retyped code is read', async () => {
    const w = await newWorld();
    const sam = await w.student('sam');
    const code = await familyCodeFrom(sam);
    const gran = w.chat('gran');
    await gran.say('hi');
    await gran.say('KX7M-4PQR');
    expect(gran.text()).toMatch(/couldn't find that code/);
    expect(gran.text()).toMatch(/Who are you\?/);
    await gran.say(code.toLowerCase());
    expect(gran.text()).toMatch(/now linked/);
    expect(await linkedStudents(w.store, 'console:gran')).toEqual(['console:sam']);
  });

  it('a code with a character codes never use (0, O, 1, I...) gets a hint, and is not counted as a guess', async () => {
    const w = await newWorld();
    const mom = await w.family('mom');
    for (let i = 0; i < 12; i++) {
      await mom.say(i % 2 ? 'kx7m 4pq0' : 'KX7M-4PQO');
      expect(mom.text()).toMatch(/codes never use, like 0, O, 1 or I/);
    }
    expect(await w.store.get('code-attempts', 'console:mom')).toBeUndefined();
    await mom.say('KX7M-4PQR');
    expect(mom.text()).toMatch(/couldn't find that code/);
  });

  it('30 wrong codes in a day, under 10 an hour, pause code entry until tomorrow; the audit says so', async () => {
    const w = await newWorld();
    const sam = await w.student('sam');
    const code = await familyCodeFrom(sam);
    const mom = await w.family('mom');
    for (let i = 0; i < 29; i++) {
      await mom.say(WRONG[i % WRONG.length]!);
      expect(mom.text()).toMatch(/couldn't find that code/);
      w.advance(7 * 60_000);
    }
    await mom.say(WRONG[0]!);
    expect(mom.text()).toMatch(/paused code entry until tomorrow/);
    expect((await auditEntries(w.store)).map((a) => a.action)).toContain('code-locked-day');
    w.advance(23 * 60 * 60_000);
    await mom.say(code);
    expect(mom.text()).toMatch(/try again in about 60 minutes/);
    w.advance(60 * 60_000);
    await mom.say(code);
    expect(mom.text()).toMatch(/now linked/);
  });

  it('when very many wrong codes come from everyone in an hour, all code entry pauses for 15 minutes, even a right code', async () => {
    const w = await newWorld();
    const sam = await w.student('sam');
    const code = await familyCodeFrom(sam);
    const minute = new Date(Math.floor(w.now().getTime() / 60_000) * 60_000).toISOString();
    await w.store.put('code-attempts', 'everyone', { userKey: 'everyone', perMinute: [[minute, GLOBAL_MAX_WRONG - 1]] });
    const stranger = await w.family('stranger');
    await stranger.say(WRONG[0]!);
    expect(stranger.text()).toMatch(/couldn't find that code/);
    expect((await auditEntries(w.store)).filter((a) => a.action === 'codes-paused')).toEqual([
      expect.objectContaining({ by: 'console:stranger', subject: 'everyone' }),
    ]);

    const mom = await w.family('mom');
    await mom.say(code);
    expect(mom.text()).toMatch(/paused for everyone .* about 15 minutes/);
    expect(await linkedStudents(w.store, 'console:mom')).toEqual([]);
    w.advance(15 * 60_000);
    await mom.say(code);
    expect(mom.text()).toMatch(/now linked/);
  });
});
