import { newChat } from '../helpers/test-app.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import type { Session } from '../../src/engine/session.js';

async function studentAtFirstQuestion(store = new MemoryStore()) {
  const chat = await newChat({ store });
  await chat.say('hi');
  await chat.say('student');
  await chat.say('8');
  return chat;
}

async function storedState(store: MemoryStore) {
  const session = await store.get<Session>('sessions', 'console:ana');
  return {
    profiles: await store.list('profiles'),
    results: await store.list('interest-results'),
    active: session?.active,
    pending: session?.pending,
  };
}

describe('the conversation engine', () => {
  it('applies one conversation\'s turns one at a time, in the order they arrived', async () => {
    const chat = await studentAtFirstQuestion();
    const q1 = chat.question()!;
    const [a, b, c] = await Promise.all([
      chat.engine.handle(chat.turn({ text: '1' })),
      chat.engine.handle(chat.turn({ text: '3' })),
      chat.engine.handle(chat.turn({ text: '1' })),
    ]);
    const s = await chat.store.get<Session>('sessions', 'console:ana');
    const snap = s!.active!.snapshot as { context: { answers: { itemId: string }[] } };
    expect(snap.context.answers).toHaveLength(3);
    expect(snap.context.answers[0]!.itemId).toBe(q1.questionId.replace('interest:', ''));
    for (const r of [a, b, c]) expect(r.duplicate).toBe(false);
  });

  it('answers a repeated message id from the record and never applies it twice', async () => {
    const chat = await studentAtFirstQuestion();
    const turn = chat.turn({ text: 'yes' });
    const first = await chat.engine.handle(turn);
    const again = await chat.engine.handle({ ...turn });
    expect(again.duplicate).toBe(true);
    expect(again.replies).toEqual(first.replies);
    const s = await chat.store.get<Session>('sessions', 'console:ana');
    expect((s!.active!.snapshot as { context: { answers: unknown[] } }).context.answers).toHaveLength(1);
  });

  it('restarts a flow politely when its saved snapshot is from an older version, keeping saved records', async () => {
    const store = new MemoryStore();
    const chat = await studentAtFirstQuestion(store);
    await chat.say('yes');
    const s = (await store.get<Session>('sessions', 'console:ana'))!;
    await store.put('sessions', 'console:ana', { ...s, active: { ...s.active!, version: 0 } });
    await chat.restartProcess();
    await chat.say('1');
    expect(chat.text()).toMatch(/updated since we last talked/);
    expect(chat.question()?.questionId).toMatch(/^interest:/);
    expect((await store.get<{ grade: number }>('profiles', 'console:ana'))?.grade).toBe(8);
  });

  it('restarts politely when a saved snapshot cannot be restored', async () => {
    const store = new MemoryStore();
    const chat = await studentAtFirstQuestion(store);
    const s = (await store.get<Session>('sessions', 'console:ana'))!;
    await store.put('sessions', 'console:ana', { ...s, active: { ...s.active!, snapshot: { value: 'no-such-state', context: {} } } });
    await chat.restartProcess();
    await chat.say('1');
    expect(chat.text()).toMatch(/updated since we last talked/);
  });

  it.each([
    ['an empty line', '   ', /didn't catch anything/],
    ['a 10,000-character message', 'a'.repeat(10_000), /long message/],
    ['only emoji', '🤖🎉', /didn't catch that/],
    ['control characters', '\u0000\u0007\u001b[31m', /didn't catch/],
    ['a language Waypoint does not speak', 'Quel métier me plairait ?', /didn't catch that/],
  ])('answers %s clearly and changes nothing stored', async (_name, text, expected) => {
    const store = new MemoryStore();
    const chat = await studentAtFirstQuestion(store);
    const before = await storedState(store);
    await chat.say(text);
    expect(chat.text()).toMatch(expected);
    expect(chat.question()?.questionId).toBe(before.pending!.questionId);
    expect(await storedState(store)).toEqual(before);
  });

  it('a word that is not a grade gets "I didn\'t catch that" and the grade question again', async () => {
    const chat = await newChat();
    await chat.say('hi');
    await chat.say('student');
    await chat.say('banana');
    expect(chat.text()).toMatch(/^Sorry, I didn't catch that\./);
    expect(chat.question()?.questionId).toBe('onboarding:grade');
    expect(await chat.store.get('profiles', 'console:ana')).toBeUndefined();
  });

  it("a counselor's words from a student are said to be for counselors, not read as a job", async () => {
    const chat = await studentAtFirstQuestion();
    await chat.say('stop');
    await chat.say('caseload');
    expect(chat.text()).toMatch(/^That one is for counselors\. Type help/);
    await chat.say('remind overdue');
    expect(chat.text()).toMatch(/for counselors/);
  });

  it('a number that is not one of the choices says which numbers work and asks again', async () => {
    const chat = await studentAtFirstQuestion();
    const q = chat.question()!;
    await chat.say('42');
    expect(chat.text()).toMatch(/Type a number from 1 to 3/);
    expect(chat.question()?.questionId).toBe(q.questionId);
  });

  it('mentions help, back, restart and stop after two unclear answers in a row', async () => {
    const chat = await studentAtFirstQuestion();
    await chat.say('purple');
    expect(chat.text()).not.toMatch(/help, back, restart or stop/);
    await chat.say('banana');
    expect(chat.text()).toMatch(/help, back, restart or stop/);
  });

  it('help says what I can do now and asks the question again', async () => {
    const chat = await studentAtFirstQuestion();
    const q = chat.question()!;
    await chat.say('help');
    expect(chat.text()).toMatch(/exploring careers/);
    expect(chat.text()).toMatch(/back .*restart .*stop/s);
    expect(chat.question()?.questionId).toBe(q.questionId);
  });

  it("a student's help lists what a student can do, not a counselor's commands", async () => {
    const chat = await studentAtFirstQuestion();
    await chat.say('help');
    expect(chat.text()).toMatch(/invite my family/);
    expect(chat.text()).not.toMatch(/show student/);
    expect(chat.text()).not.toMatch(/caseload/);
  });

  it('back goes to the previous question and forgets its answer', async () => {
    const chat = await studentAtFirstQuestion();
    const q1 = chat.question()!;
    await chat.say('1');
    await chat.say('back');
    expect(chat.question()?.questionId).toBe(q1.questionId);
    const s = await chat.store.get<Session>('sessions', 'console:ana');
    expect((s!.active!.snapshot as { context: { answers: unknown[] } }).context.answers).toHaveLength(0);
  });

  it('back at the first interest question says so and asks it again, without the welcome to the questions', async () => {
    const chat = await studentAtFirstQuestion();
    const q1 = chat.question()!;
    await chat.say('back');
    expect(chat.text()).toMatch(/^This is the first question, so there is nothing to go back to\.\n\(1 of up to/);
    expect(chat.text()).not.toMatch(/Let's find jobs/);
    expect(chat.question()?.questionId).toBe(q1.questionId);
  });

  it('the menu asked again later (after help) does not repeat what was said with it the first time', async () => {
    const chat = await studentAtFirstQuestion();
    await chat.say('stop');
    await chat.say('back');
    expect(chat.text()).toMatch(/^There's nothing to go back to right now\.\nWhat would you like to do\?\n1\) /);
    await chat.say('help');
    expect(chat.text()).not.toMatch(/nothing to go back to/);
    expect(chat.question()).toMatchObject({ questionId: 'menu', text: 'What would you like to do?' });
  });

  it('restart starts the current part again; stop pauses and keeps everything', async () => {
    const chat = await studentAtFirstQuestion();
    await chat.say('1');
    await chat.say('1');
    await chat.say('restart');
    expect(chat.text()).toMatch(/start this part again/);
    expect(chat.text()).toMatch(/\(1 of up to/);
    await chat.say('stop');
    expect(chat.text()).toMatch(/Everything so far is saved/);
    expect((await chat.store.get<Session>('sessions', 'console:ana'))?.active).toBeUndefined();
    await chat.say('hi');
    expect(chat.question()?.questionId).toBe('menu');
  });

  it('a side trip in the middle of the questions ("my pathway", "invite my family") ends with the question again', async () => {
    const chat = await studentAtFirstQuestion();
    const q = chat.question()!;
    await chat.say('my pathway');
    expect(chat.text()).toMatch(/haven't chosen a Career Pathway yet[\s\S]*back to (where we were|question \d+)/);
    expect(chat.question()?.questionId).toBe(q.questionId);
    await chat.say('invite my family');
    expect(chat.text()).toMatch(/[A-Z0-9]{4}-[A-Z0-9]{4}/);
    expect(chat.question()?.questionId).toBe(q.questionId);
    await chat.say('1');
    expect(chat.question()?.questionId).not.toBe(q.questionId);
  });

  it('a button from an earlier question is skipped and the current one asked again', async () => {
    const chat = await studentAtFirstQuestion();
    const q = chat.question()!;
    const result = await chat.engine.handle(chat.turn({ action: { id: 'onboarding:role', value: 'student' } }));
    chat.last = result.replies;
    expect(result.stale).toBe(true);
    expect(chat.text()).toMatch(/earlier question/);
    expect(chat.question()?.questionId).toBe(q.questionId);
  });

  it('nobody can make themself a counselor from the chat', async () => {
    const chat = await newChat();
    await chat.say('hi');
    await chat.say("I'm a counselor");
    expect(chat.text()).toMatch(/admin/);
    expect(await chat.store.get('profiles', 'console:ana')).toBeUndefined();
  });

  it('two users are two different students', async () => {
    const store = new MemoryStore();
    const ana = await studentAtFirstQuestion(store);
    const ben = await newChat({ store, user: 'ben' });
    await ben.say('hi');
    expect(ben.question()?.questionId).toBe('onboarding:role');
    expect(ana.question()?.questionId).toMatch(/^interest:/);
  });

  it('a turn whose save fails changes nothing, and the next turn carries on from what was stored', async () => {
    const store = new MemoryStore();
    const chat = await studentAtFirstQuestion(store);
    const q1 = chat.question()!;
    const put = store.put.bind(store);
    let failNext = true;
    store.put = async (collection, id, value) => {
      if (collection === 'sessions' && failNext) {
        failNext = false;
        throw new Error('disk full');
      }
      return put(collection, id, value);
    };
    await expect(chat.engine.handle(chat.turn({ text: '1' }))).rejects.toThrow('disk full');
    await chat.say('2');
    const s = await store.get<Session>('sessions', 'console:ana');
    const answers = (s!.active!.snapshot as { context: { answers: { itemId: string }[] } }).context.answers;
    expect(answers).toHaveLength(1);
    expect(answers[0]!.itemId).toBe(q1.questionId.replace('interest:', ''));
  });
});
