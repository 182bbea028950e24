import { renderReplies } from '../../../src/channels/slack/slack-renderer.js';
import { FREE_TEXT_OFFER } from '../../../src/domain/occupations/free-text-replies.js';
import type { Profile } from '../../../src/domain/profile.js';
import { newChat } from '../../helpers/test-app.js';
import { cell, gradesOf, now, planNow, storedPlan, studentWithPathway, tables } from './plan-chat-helpers.js';

describe('the plan chat says no kindly and never changes a plan by surprise', () => {
  it('a student without a pathway is told so and offered explore', async () => {
    const chat = await newChat({ now });
    await chat.say('hi');
    await chat.say('student');
    await chat.say('8th');
    await chat.say('stop');
    await chat.say('plan');
    expect(chat.text()).toMatch(/haven't picked one yet/);
    expect(chat.question()?.questionId).toBe('plan:no-pathway');
    expect(await storedPlan(chat)).toBeUndefined();
    await chat.say('explore careers');
    expect(chat.question()?.questionId).toMatch(/^interest:/);
  });

  it('a student in grades K-5 hears that plans start in 6th or 7th grade', async () => {
    const chat = await newChat({ now });
    await chat.say('hi');
    await chat.say('student');
    await chat.say('5th or younger');
    await chat.say('4');
    await chat.say('stop');
    await chat.say('my plan');
    expect(chat.text()).toMatch(/start in 6th or 7th grade/);
    expect(await storedPlan(chat)).toBeUndefined();
  });

  it('a student who chose a cluster but no pathway picks one, then gets a draft', async () => {
    const chat = await newChat({ now });
    await chat.say('hi');
    await chat.say('student');
    await chat.say('6th');
    await chat.say('stop');
    const key = 'console:ana';
    const profile = (await chat.store.get<Profile>('profiles', key))!;
    await chat.store.put('profiles', key, { ...profile, choice: { pathId: 'natural-resources-agriculture', clusterId: 'agriculture', chosenAt: now().toISOString() } });
    await chat.say('plan');
    expect(chat.question()?.questionId).toBe('plan:pathway');
    await chat.say('Plant Systems');
    expect(chat.text()).toMatch(/first draft/);
    const plan = await planNow(chat);
    expect(plan.pathwayId).toBe('agriculture.plant-systems');
    expect(plan.firstGrade).toBe(6);
    expect(cell(plan, 9, 'activities')).toContain('FFA');
  });

  it('an impossible change is refused with the reason, and the plan is unchanged', async () => {
    const chat = await newChat({ now });
    await studentWithPathway(chat, '9th');
    await chat.say('plan');
    const before = await storedPlan(chat);

    await chat.say('move English IV to 7th');
    expect(chat.text()).toMatch(/can't use 7th grade\. Your plan is unchanged\./);
    expect(chat.question()).toBeUndefined();
    await chat.say('move Algebra II to 9th');
    expect(chat.text()).toMatch(/Algebra II can't move to 9th: it comes after/);
    await chat.say('remove Underwater Basket Weaving');
    expect(chat.text()).toMatch(/can't find "Underwater Basket Weaving"/);
    await chat.say('yes');
    expect(await storedPlan(chat)).toEqual(before);
  });

  it('saying "no" to the confirmation changes nothing, and a late "yes" does not bring it back', async () => {
    const chat = await newChat({ now });
    await studentWithPathway(chat, '9th');
    await chat.say('plan');
    const before = await storedPlan(chat);
    await chat.say('remove HOSA');
    expect(chat.question()?.questionId).toBe('plan:confirm');
    await chat.say('nope');
    expect(chat.text()).toBe('Okay, I left your plan as it was.');
    await chat.press('plan:confirm', 'yes');
    expect(chat.text()).toMatch(/no longer waiting/);
    expect(await storedPlan(chat)).toEqual(before);
    expect(gradesOf(await planNow(chat), 'HOSA').length).toBeGreaterThan(0);
  });

  it('a confirmation older than an hour is not applied', async () => {
    let t = now().getTime();
    const chat = await newChat({ now: () => new Date(t) });
    await studentWithPathway(chat, '9th');
    await chat.say('plan');
    await chat.say('move Chemistry to 12th');
    t += 2 * 60 * 60 * 1000;
    await chat.say('yes');
    expect(chat.text()).toMatch(/no longer waiting/);
    expect(gradesOf(await planNow(chat), 'Chemistry')).toEqual([11]);
  });

  it('names the student typed are echoed as typed, kept once-flagged, and never become markup in Slack', async () => {
    const chat = await newChat({ now });
    await studentWithPathway(chat, '9th');
    await chat.say('plan');
    const typed = '<b>Robotics</b> & <@U123> <!channel> Club';
    await chat.say(`add ${typed} in 11th`);
    expect(chat.text()).toContain(`Add ${typed} to Additional Activities in 11th grade`);
    const slack = JSON.stringify(renderReplies(chat.last));
    expect(slack).not.toContain('<b>');
    expect(slack).not.toContain('<@U123>');
    expect(slack).not.toContain('<!channel>');
    expect(slack).toContain('&lt;b&gt;Robotics&lt;/b&gt; &amp; &lt;@U123&gt;');
    await chat.say('yes');
    expect(chat.text()).toMatch(/kept it just as you wrote it/);
    expect(cell(await planNow(chat), 11, 'activities')).toContain(typed);
    await chat.say('show 11th grade');
    expect(tables(chat.last)[0]!.text).toContain(typed);
  });

  it('everyday words like "take care of animals" are not read as a plan change', async () => {
    const chat = await newChat({ now });
    await studentWithPathway(chat, '9th');
    await chat.say('plan');
    await chat.press('plan:goal', 'later');
    await chat.say('I want to take care of animals');
    expect(chat.text()).toMatch(/Agriculture|Animal|Veterinar/i);
    expect(chat.question()?.questionId).not.toBe('plan:confirm');
    expect(chat.text()).not.toMatch(/Your plan is unchanged|Which grade should/);
    expect((await storedPlan(chat))!.versions).toHaveLength(1);
  });

  it('after choosing a different pathway, "plan" offers a new draft that undo can take back', async () => {
    const chat = await newChat({ now });
    await studentWithPathway(chat, '10th');
    await chat.say('plan');
    await chat.say('my goal is to be a nurse');
    await chat.say('yes');
    await chat.press(FREE_TEXT_OFFER, 'choose-pathway:agriculture.plant-systems');
    await chat.say('show my plan');
    expect(chat.question()?.questionId).toBe('plan:redraft');
    await chat.say('yes');
    const plan = await planNow(chat);
    expect(plan.pathwayId).toBe('agriculture.plant-systems');
    expect(plan.goal).toBe('a nurse');
    await chat.say('undo');
    expect((await planNow(chat)).pathwayId).toBe('health-science.therapeutic-services');
  });

  it('a change typed in the middle of the interest questions is confirmed, then the question comes back', async () => {
    const chat = await newChat({ now });
    await studentWithPathway(chat, '9th');
    await chat.say('plan');
    await chat.say('explore');
    const asked = chat.question()!;
    expect(asked.questionId).toMatch(/^interest:/);
    await chat.say('add FFA in 10th');
    expect(chat.question()?.questionId).toBe('plan:confirm');
    await chat.say('yes');
    expect(cell(await planNow(chat), 10, 'activities')).toContain('FFA');
    expect(chat.question()?.questionId).toBe(asked.questionId);
  });

  it('plan words need a plan: "undo" and "check my plan" without one say what to do', async () => {
    const chat = await newChat({ now });
    await studentWithPathway(chat, '9th');
    await chat.say('undo');
    expect(chat.text()).toMatch(/no plan change to undo/);
    await chat.say('check my plan');
    // what graduating takes, then how to start a plan
    expect(chat.text()).toMatch(/at least 24 credits: 4 English Language Arts, 3 math, .* and 7 electives/);
    expect(chat.text()).toMatch(/don't have a plan yet, so I can't count your credits/);
    await chat.say('my goal is to be a nurse');
    expect(chat.text()).toMatch(/don't have a Plan of Study yet/);
  });
});
