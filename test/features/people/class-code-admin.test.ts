import { describe, expect, it } from '@jest/globals';
import { caseloadOf } from '../../../src/features/people/links.js';
import { REPLACE_CODE_Q } from '../../../src/features/people/class-code-admin.js';
import { codeIn, DAY, newWorld } from './people-world.js';

describe("a counselor's class codes", () => {
  it('"my class codes" lists each code with when it was made, until when it works and how many joined', async () => {
    const w = await newWorld();
    const rivera = await w.counselor('rivera');
    await rivera.say('my class codes');
    expect(rivera.text()).toMatch(/no class codes yet/);

    await rivera.say('new class code');
    const code = codeIn(rivera.text());
    for (const s of ['sam', 'ana']) await (await w.student(s)).say(code);
    await rivera.say('my class codes');
    expect(rivera.text()).toContain('1 class code: 1 working, 0 stopped or expired.');
    expect(rivera.text()).toContain(`${code}: made Nov 23, 2026, works until Dec 23, 2026, 2 joined`);

    w.advance(31 * DAY);
    await rivera.say('list codes');
    expect(rivera.text()).toContain(`${code}: made Nov 23, 2026, expired Dec 23, 2026, 2 joined`);
  });

  it('never lists another counselor\'s codes', async () => {
    const w = await newWorld();
    const rivera = await w.counselor('rivera');
    const lee = await w.counselor('lee');
    await lee.say('new class code');
    const leeCode = codeIn(lee.text());
    await rivera.say('my class codes');
    expect(rivera.text()).not.toContain(leeCode);
    await rivera.say(`revoke code ${leeCode}`);
    expect(rivera.text()).toMatch(/isn't one of your class codes/);
    const sam = await w.student('sam');
    await sam.say(leeCode);
    expect(sam.text()).toMatch(/joined/);
  });

  it('"revoke code" stops a code at once; students who joined stay on the list', async () => {
    const w = await newWorld();
    const rivera = await w.counselor('rivera');
    await rivera.say('new class code');
    const code = codeIn(rivera.text());
    await (await w.student('sam')).say(code);

    for (const words of ['revoke code', 'please cancel my old class code']) {
      await rivera.say(words);
      expect(rivera.text()).toContain(`Which code?`);
      expect(rivera.text()).toContain(code);
    }
    await rivera.say(`revoke code ${code}`);
    expect(rivera.text()).toMatch(new RegExp(`Done: ${code} no longer works\\. The 1 student who joined with it stay`));

    const ana = await w.student('ana');
    await ana.say(code);
    expect(ana.text()).toMatch(/class code has expired/);
    expect(await caseloadOf(w.store, 'console:rivera')).toEqual(['console:sam']);

    await rivera.say(`revoke code ${code.toLowerCase()}`);
    expect(rivera.text()).toMatch(/already stopped working \(stopped Nov 23, 2026\)/);
    await rivera.say('my class codes');
    expect(rivera.text()).toContain(`${code}: made Nov 23, 2026, stopped Nov 23, 2026, 1 joined`);
  });

  it('a new code offers to replace the old one: "Replace" stops the old code, "Keep both" keeps both working', async () => {
    const w = await newWorld();
    const rivera = await w.counselor('rivera');
    await rivera.say('new class code');
    const first = codeIn(rivera.text());
    expect(rivera.question()).toBeUndefined();

    await rivera.say('new class code');
    const second = codeIn(rivera.text());
    expect(rivera.question()?.questionId).toBe(REPLACE_CODE_Q);
    expect(rivera.text()).toContain(`Your older code still works: ${first} (0 joined)`);
    await rivera.say('keep both');
    expect(rivera.text()).toMatch(/all your codes keep working/);

    await rivera.say('new class code');
    const third = codeIn(rivera.text());
    expect(rivera.text()).toContain('2 older codes still work');
    await rivera.say('replace the old one');
    expect(rivera.text()).toContain(`Done: ${second}, ${first} no longer work.`);
    expect(rivera.text()).toContain(`Your code now: ${third}`);

    const sam = await w.student('sam');
    await sam.say(first);
    expect(sam.text()).toMatch(/expired/);
    await sam.say(third);
    expect(sam.text()).toMatch(/joined/);
  });
});
