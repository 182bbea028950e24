import { FAMILY_QUESTIONS_Q } from '../../../src/features/family/index.js';
import { familyQuestions } from '../../domain/family/family-fixtures.js';
import { FamilyWorld } from './family-world.js';

const answerOf = (id: string) => familyQuestions.find((q) => q.id === id)!.answer;

async function parent() {
  const w = new FamilyWorld();
  await w.person('pat', 'family');
  return { w, pat: await w.chat('pat') };
}

describe('common family questions in the chat', () => {
  it('"questions" lists them as buttons, and a button gets the short answer', async () => {
    const { pat } = await parent();
    await pat.say('questions');
    const q = pat.question()!;
    expect(q.questionId).toBe(FAMILY_QUESTIONS_Q);
    expect(q.choices.map((c) => c.id)).toEqual(familyQuestions.map((f) => f.id));
    await pat.press(FAMILY_QUESTIONS_Q, 'education-pay');
    expect(pat.last[0]!.text).toBe(answerOf('education-pay'));
    expect(pat.text()).toContain('type questions');
  });

  it('typing a number from the list answers that question', async () => {
    const { pat } = await parent();
    await pat.say('common questions');
    await pat.say('1');
    expect(pat.last[0]!.text).toBe(answerOf('why-early'));
  });

  it.each([
    ['Will choosing a cluster box my child in?', 'cluster-box-in'],
    ['wil chosing a cluser box my kid in', 'cluster-box-in'],
    ['Why make a plan so early?', 'why-early'],
    ['My daughter loves hands-on work but I planned on a four year university, what now?', 'hands-on-or-university'],
    ["my son isn't interested in careers yet, how do i help", 'not-interested'],
    ['what does educaton pay', 'education-pay'],
    ['how can I help at home', 'help-at-home'],
    ['how much do jobs pay', 'education-pay'],
    ['What do jobs pay?', 'education-pay'],
  ])('answers "%s" typed as free text', async (typed, id) => {
    const { pat } = await parent();
    await pat.say(typed);
    expect(pat.last[0]!.text).toBe(answerOf(id));
  });

  it('"explore" from a family member, typed or tapped under a job, says it is the student\'s and what to do instead', async () => {
    const { w, pat } = await parent();
    await pat.say('explore');
    expect(pat.text()).toMatch(/for students.*types explore/);
    expect(pat.text()).not.toMatch(/specialist/);
    await pat.say('what does a welder do?');
    await pat.press('free-text-offer', 'take-quiz');
    expect(pat.text()).toMatch(/for students/);
    expect(pat.text()).not.toMatch(/Who are you/);
    expect((await w.store.get<{ role: string }>('profiles', 'console:pat'))?.role).toBe('family');
  });

  it('leaves job words from a family member to the job matcher', async () => {
    const { pat } = await parent();
    await pat.say('what does a welder do?');
    expect(familyQuestions.some((q) => pat.text().includes(q.answer))).toBe(false);
    expect(pat.text()).toMatch(/weld/i);
  });

  it('answers a family question even while "which student?" is waiting', async () => {
    const { w, pat } = await parent();
    const a = await w.student('a', 9, 'Jordan');
    const b = await w.student('b', 7, 'Maya');
    await w.link('pat', a, b);
    await pat.say("what's due");
    await pat.say('why plan so early?');
    expect(pat.last[0]!.text).toBe(answerOf('why-early'));
  });

  it('is for family members: a student typing a family question is not given the family answer', async () => {
    const w = new FamilyWorld();
    await w.student('jordan', 9, 'Jordan');
    const jordan = await w.chat('jordan');
    await jordan.say('will choosing a cluster box my child in?');
    expect(jordan.text()).not.toContain(answerOf('cluster-box-in'));
    await jordan.say('questions');
    expect(jordan.question()?.questionId).not.toBe(FAMILY_QUESTIONS_Q);
  });
});
