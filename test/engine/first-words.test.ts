/** Who someone is, said in their own words, is understood: on the first message or at the question. */
import { describe, expect, it } from '@jest/globals';
import { newChat } from '../helpers/test-app.js';

describe('saying who you are in your own words', () => {
  it('"hello i am mom of diego" as a first message goes straight to linking a student', async () => {
    const chat = await newChat({ user: 'rosa' });
    await chat.say('hello i am mom of diego');
    expect(chat.text()).toMatch(/^Hi! I'm Waypoint/);
    expect(chat.text()).not.toMatch(/Who are you\?/);
    expect(chat.question()?.questionId).toBe('onboarding:family-code');
  });

  it('"hi im diegos mom" and "Hello, I\'m Diego\'s dad" name the student and the role: straight to linking', async () => {
    for (const [user, said] of [['mia', 'hi im diegos mom'], ['raul', "Hello, I'm Diego's dad"]] as const) {
      const chat = await newChat({ user });
      await chat.say(said);
      expect(chat.question()?.questionId).toBe('onboarding:family-code');
    }
    const grandma = await newChat({ user: 'gran' });
    await grandma.say('hi');
    await grandma.say("i'm jayden's grandma");
    expect(grandma.question()?.questionId).toBe('onboarding:family-code');
  });

  it('"hola, soy la mamá de Diego" does the same, in Spanish', async () => {
    const chat = await newChat({ user: 'lupe' });
    await chat.say('hola, soy la mamá de Diego');
    expect(chat.text()).toMatch(/Tiene un código de su estudiante/);
    expect(chat.question()?.questionId).toBe('onboarding:family-code');
  });

  it('at the question, "i am his dad" and "im a student" are answers; a plain "hi" still asks', async () => {
    const dad = await newChat({ user: 'dad' });
    await dad.say('hi');
    expect(dad.question()?.questionId).toBe('onboarding:role');
    await dad.say('i am his dad');
    expect(dad.question()?.questionId).toBe('onboarding:family-code');
    const kid = await newChat({ user: 'kid' });
    await kid.say('hi');
    await kid.say('im a student');
    expect(kid.question()?.questionId).toBe('onboarding:grade');
  });

  it('words that could mean two roles choose neither ("my mom is a counselor" asks again)', async () => {
    const chat = await newChat({ user: 'x' });
    await chat.say('my mom is a counselor');
    expect(chat.question()?.questionId).toBe('onboarding:role');
  });
});

describe('the safety answer, in Spanish and on a first message', () => {
  it('a parent whose first message asks for the plan is never given the crisis line', async () => {
    const chat = await newChat({ user: 'madre' });
    await chat.say('muéstreme el plan de Diego');
    expect(chat.text()).not.toMatch(/988/);
  });

  it('"me siento muy mal y no quiero seguir" and "estoy muy triste" get the caring answer with 988, never a scolding', async () => {
    for (const words of ['me siento muy mal y no quiero seguir', 'estoy muy triste']) {
      const chat = await newChat({ user: `s${words.length}` });
      await chat.say(words);
      expect(chat.text()).toMatch(/988/);
    }
  });

  it('"hi" at a menu is a greeting, not the option that sounds like it ("mi")', async () => {
    const { matchChoice } = await import('../../src/domain/match-choice.js');
    expect(matchChoice('hi', [{ id: 'link', label: 'Conectar con mi estudiante' }, { id: 'due', label: 'Lo que toca este año' }])).toBeUndefined();
  });
});

describe('a close call between danger and anything else', () => {
  it('is answered with care ("i feel really bad and dont want to go on" is not scolded as rude)', async () => {
    const chat = await newChat({ user: 'close' });
    await chat.say('i feel really bad and dont want to go on');
    expect(chat.text()).toMatch(/988/);
  });
});

describe('"what did i pick" in the middle of the interest questions', () => {
  it('says to go on with the questions, not to type explore', async () => {
    const chat = await newChat({ user: 'quiz' });
    for (const words of ['hi', 'im a student', '10th']) await chat.say(words);
    expect(chat.question()?.questionId).toMatch(/^interest:/);
    await chat.say('what did i pick');
    expect(chat.text()).toMatch(/Answer these questions and I'll show you/);
    expect(chat.text()).not.toMatch(/Type explore/);
  });
});
