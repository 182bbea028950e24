import { newChat } from '../../helpers/test-app.js';
import { gradesOf, now, planNow, storedPlan, studentWithPathway } from './plan-chat-helpers.js';

describe('plan conversations are held by the plan flow, beside whatever else is going on', () => {
  it('a plan change in the middle of the interest questions is confirmed, then the same question comes back', async () => {
    const chat = await newChat({ now });
    await studentWithPathway(chat, '10th');
    await chat.say('plan');
    await chat.say('explore');
    const first = chat.question()!;
    expect(first.questionId).toMatch(/^interest:/);
    await chat.press(first.questionId, first.choices[0]!.id);
    const waiting = chat.question()!;
    expect(waiting.questionId).toMatch(/^interest:/);
    await chat.say('remove HOSA');
    expect(chat.question()?.questionId).toBe('plan:confirm');
    await chat.say('ya');
    expect(chat.text()).toMatch(/Removed HOSA/);
    expect(chat.text()).toMatch(/back to question 2/);
    expect(chat.question()?.questionId).toBe(waiting.questionId);
    expect(gradesOf(await planNow(chat), 'HOSA')).toEqual([]);
    // The quiz goes on where it was.
    await chat.press(waiting.questionId, waiting.choices[0]!.id);
    expect(chat.question()?.progress?.index).toBe(3);
  });

  it('a change waiting for yes or no survives a restart of the process', async () => {
    const chat = await newChat({ now });
    await studentWithPathway(chat, '9th');
    await chat.say('plan');
    await chat.say('move Chemistry to 12th');
    expect(chat.question()?.questionId).toBe('plan:confirm');
    await chat.restartProcess({ now });
    await chat.say('yes');
    expect(chat.text()).toMatch(/Chemistry/);
    expect(gradesOf(await planNow(chat), 'Chemistry')).toEqual([12]);
  });

  it('someone in danger at the typed-goal question is cared for, and the words never become their goal', async () => {
    const chat = await newChat({ now });
    await studentWithPathway(chat, '9th');
    await chat.say('plan');
    await chat.press('plan:goal', 'own');
    expect(chat.question()?.questionId).toBe('plan:goal-typed');
    await chat.say('i want to die');
    expect(chat.text()).toMatch(/988/);
    expect((await planNow(chat)).goal).toBeFalsy();
    await chat.say('an associate degree in nursing');
    expect((await planNow(chat)).goal).toBe('an associate degree in nursing');
  });

  it('a review with a change in it is saved by "done", and no conversation state is kept outside the session', async () => {
    const chat = await newChat({ now });
    await studentWithPathway(chat, '9th');
    await chat.say('plan');
    await chat.say('review my plan');
    await chat.say('no');
    await chat.say('remove HOSA');
    await chat.say('yes');
    expect(chat.question()?.questionId).toBe('plan:review');
    await chat.say('thats all');
    expect(chat.text()).toMatch(/Review saved on Nov 23, 2026\. Changes since the draft: 1\./);
    expect((await storedPlan(chat))!.reviews).toHaveLength(1);
    expect(await chat.store.get('plan-chat', 'console:ana')).toBeUndefined();
    await chat.say('finish review');
    expect(chat.text()).toMatch(/no review going on/);
  });

  it('"stop" while a change waits in the middle of the quiz ends both, and a late "yes" changes nothing', async () => {
    const chat = await newChat({ now });
    await studentWithPathway(chat, '9th');
    await chat.say('plan');
    await chat.say('explore');
    await chat.say('remove HOSA');
    expect(chat.question()?.questionId).toBe('plan:confirm');
    await chat.say('stop');
    expect(chat.question()).toBeUndefined();
    await chat.press('plan:confirm', 'yes');
    expect(chat.text()).toMatch(/no longer waiting/);
    expect(gradesOf(await planNow(chat), 'HOSA').length).toBeGreaterThan(0);
  });

  it('once someone signs the plan, the plan says who has signed this version', async () => {
    const chat = await newChat({ now });
    await studentWithPathway(chat, '9th');
    await chat.say('plan');
    expect(chat.text()).not.toMatch(/Signed \(version/);
    await chat.say('sign my plan');
    await chat.say('plan');
    expect(chat.text()).toMatch(/Signed \(version \d+\): Student \(Nov 23, 2026\)\. Not yet: Counselor, Family\./);
  });
});
