import { newChat } from '../../helpers/test-app.js';
import { cell, gradesOf, now, planNow, storedPlan, studentWithPathway, tables, THERAPEUTIC } from './plan-chat-helpers.js';

describe('a student works on their Plan of Study in the chat', () => {
  it('the explore flow\'s "Make my plan of study" button drafts a Therapeutic Services plan and asks for a goal', async () => {
    const chat = await newChat({ now });
    await chat.say('hi');
    await chat.say('student');
    await chat.say('10th');
    await chat.answerInterestQuestions((q) => q.choices[0]!.id);
    await chat.press('explore:results', 'all-clusters');
    await chat.press(chat.question()!.questionId, 'cluster:health-science');
    await chat.press(chat.question()!.questionId, `pathway:${THERAPEUTIC}`);
    expect(chat.question()!.choices.map((c) => c.label)).toContain('Make my plan of study');
    await chat.press(chat.question()!.questionId, 'plan');

    const said = chat.text();
    expect(said).toMatch(/first draft of your Plan of Study/);
    expect(said).toMatch(/not a promise/);
    expect(said).toMatch(/Health Occupations I/);
    expect(said).toMatch(/Anatomy & Physiology/);
    expect(said).toMatch(/HOSA/);
    expect(said).toMatch(/Associate's degree in nursing/i);
    const shown = tables(chat.last);
    expect(shown).toHaveLength(1);
    expect(shown[0]!.text).toMatch(/^This year: 10th grade$/m);
    expect(shown[0]!.grades).toEqual(['9th', '10th', '11th', '12th', 'After HS 1', 'After HS 2']);
    expect(shown[0]!.thisYearIndex).toBe(1);
    expect(chat.question()?.questionId).toBe('plan:goal');

    const plan = await storedPlan(chat);
    expect(plan?.versions).toHaveLength(1);
    expect(plan?.versions[0]).toMatchObject({ number: 1, by: 'console:ana' });
    expect(plan?.versions[0]!.plan.pathwayId).toBe(THERAPEUTIC);
  });

  it('picks a goal from the buttons, and "plan" again shows the plan instead of drafting a new one', async () => {
    const chat = await newChat({ now });
    await studentWithPathway(chat, '9th');
    await chat.say('make my plan');
    const goal = chat.question()!.choices[1]!;
    await chat.press('plan:goal', goal.id);
    expect(chat.text()).toMatch(/Set the goal after high school to/);
    expect((await planNow(chat)).goal).toBe(goal.label);

    await chat.say('my plan');
    expect(chat.text()).not.toMatch(/first draft/);
    expect(chat.text()).toContain(`Goal after high school: ${goal.label}`);
    expect((await storedPlan(chat))!.versions).toHaveLength(2);
  });

  it('"show my plan" gives the whole plan once with this year marked; "show 10th grade" gives one year, not marked "this year"', async () => {
    const chat = await newChat({ now });
    await studentWithPathway(chat, '11th');
    await chat.say('plan');
    await chat.say('Show my plan!');
    const shownPlan = tables(chat.last);
    expect(shownPlan).toHaveLength(1);
    const all = shownPlan[0]!;
    expect(all.text).toMatch(/^This year: 11th grade$/m);
    expect(all.grades[all.thisYearIndex!]).toBe('11th');
    expect(chat.text()).toMatch(/Options after high school/);

    await chat.say('show 10th grade');
    const [one] = tables(chat.last);
    expect(one!.grades).toEqual(['10th']);
    expect(one!.thisYearIndex).toBeUndefined();
    expect(one!.text).toMatch(/Medical Terminology/);
    await chat.say('show me my senior year');
    expect(tables(chat.last)[0]!.grades).toEqual(['12th']);
  });

  it('"show after high school" and "what am I taking in college" give both years after high school', async () => {
    const chat = await newChat({ now });
    await studentWithPathway(chat, 'after high school');
    await chat.say('plan');
    for (const words of ['show after high school', 'what am I taking in college?', 'my college classes']) {
      await chat.say(words);
      const [years] = tables(chat.last);
      expect(years?.title).toBe('After high school');
      expect(years!.grades).toEqual(['After HS 1', 'After HS 2']);
      expect(years!.text).toMatch(/After HS 2: /);
    }
  });

  it('moves, swaps, adds and removes only after "yes", each as a new version with time and who', async () => {
    const chat = await newChat({ now });
    await studentWithPathway(chat, '9th');
    await chat.say('plan');

    await chat.say('move Chemistry to 12th');
    expect(chat.text()).toMatch(/Here's the change: Move Chemistry from 11th to 12th\. Should I make this change\?/);
    expect(chat.question()?.questionId).toBe('plan:confirm');
    expect(gradesOf(await planNow(chat), 'Chemistry')).toEqual([11]);
    await chat.say('yes');
    expect(chat.text()).toBe('Moved Chemistry from 11th to 12th. Say "undo" to take it back.');
    expect(gradesOf(await planNow(chat), 'Chemistry')).toEqual([12]);

    await chat.say('swap Statistics for Pre-Calculus in 12th');
    await chat.press('plan:confirm', 'yes');
    expect(cell(await planNow(chat), 12, 'math')).toEqual(['Pre-Calculus']);

    await chat.say('add FFA in 10th');
    expect(chat.text()).toMatch(/Add FFA to Additional Activities in 10th grade/);
    await chat.say('1');
    expect(cell(await planNow(chat), 10, 'activities')).toContain('FFA');

    await chat.say('add Band in 11th');
    await chat.say('yes');
    await chat.say('remove band');
    expect(chat.text()).toMatch(/Remove Band from 11th grade/);
    await chat.say('yes');
    expect(gradesOf(await planNow(chat), 'Band')).toEqual([]);

    const plan = (await storedPlan(chat))!;
    expect(plan.versions.map((v) => v.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(plan.versions.every((v) => v.by === 'console:ana' && v.at === '2026-11-23T15:00:00.000Z')).toBe(true);
    expect(plan.versions[1]!.summary).toBe('Moved Chemistry from 11th to 12th.');
  });

  it('"undo" restores the previous plan as a new version, and "back" stays the engine\'s word', async () => {
    const chat = await newChat({ now });
    await studentWithPathway(chat, '9th');
    await chat.say('plan');
    await chat.say('move Chemistry to 12th');
    await chat.say('yes');
    await chat.say('undo');
    expect(chat.text()).toMatch(/I undid your last change \(moved Chemistry from 11th to 12th\)/);
    const plan = (await storedPlan(chat))!;
    expect(plan.versions).toHaveLength(3);
    expect(plan.versions[2]!.restores).toBe(1);
    expect(gradesOf(await planNow(chat), 'Chemistry')).toEqual([11]);

    await chat.say('undo');
    expect(chat.text()).toMatch(/nothing to undo/);
    expect((await storedPlan(chat))!.versions).toHaveLength(3);

    await chat.say('back');
    expect(chat.text()).toMatch(/nothing to go back to/);
    expect((await storedPlan(chat))!.versions).toHaveLength(3);
  });

  it('"undo" while a change waits for yes or no drops that change, not the one made before it', async () => {
    const chat = await newChat({ now });
    await studentWithPathway(chat, '9th');
    await chat.say('plan');
    await chat.say('move Chemistry to 12th');
    await chat.say('yes');
    await chat.say('drop spanish');
    expect(chat.question()?.questionId).toBe('plan:confirm');
    await chat.say('undo');
    expect(chat.text()).toMatch(/I didn't make that change/);
    expect((await storedPlan(chat))!.versions).toHaveLength(2);
    expect(gradesOf(await planNow(chat), 'Chemistry')).toEqual([12]);
    await chat.say('yes');
    expect((await storedPlan(chat))!.versions).toHaveLength(2);

    await chat.say('undo');
    expect(chat.text()).toMatch(/I undid your last change \(moved Chemistry from 11th to 12th\)/);
  });

  it('after "I\'ll type my own", the words typed next are the goal, without "my goal is"', async () => {
    const chat = await newChat({ now });
    await studentWithPathway(chat, '10th');
    await chat.say('plan');
    await chat.say("I'll type my own");
    expect(chat.question()?.questionId).toBe('plan:goal-typed');
    await chat.say('Certified nursing assistant at the career center.');
    expect(chat.text()).toMatch(/Set the goal after high school to: Certified nursing assistant at the career center\. Say "undo"/);
    expect((await planNow(chat)).goal).toBe('Certified nursing assistant at the career center');

    // Only the very next message: a job typed later is still a job.
    await chat.say('what does a welder do');
    expect(chat.text()).toMatch(/welder/);
    expect((await planNow(chat)).goal).toBe('Certified nursing assistant at the career center');
  });

  it('sets a goal typed in plain words after confirmation', async () => {
    const chat = await newChat({ now });
    await studentWithPathway(chat, '10th');
    await chat.say('plan');
    expect(chat.question()?.questionId).toBe('plan:goal');
    await chat.say("My goal is a bachelor's in engineering");
    expect(chat.text()).toMatch(/Set your goal after high school to: a bachelor's in engineering/);
    expect((await planNow(chat)).goal).toBe('');
    await chat.say('yes');
    expect((await planNow(chat)).goal).toBe("a bachelor's in engineering");
    await chat.say('show my plan');
    expect(chat.text()).toContain("Goal after high school: a bachelor's in engineering");
  });

  it('"check my plan" says problems plainly, or that the plan has everything it needs', async () => {
    const chat = await newChat({ now });
    await studentWithPathway(chat, '9th');
    await chat.say('plan');
    await chat.say('check my plan');
    expect(chat.text()).toMatch(/everything it needs for graduation/);

    await chat.say('remove English IV');
    await chat.say('yes');
    await chat.say('am I on track?');
    expect(chat.text()).toMatch(/You have 3 of the 4 English Language Arts units you need/);
    expect(chat.text()).toMatch(/To fix one, tell me in your own words/);
  });

  it('"review my plan" walks through this year and next, records the review on "yes", and the plan shows when', async () => {
    const chat = await newChat({ now });
    await studentWithPathway(chat, '10th');
    await chat.say('plan');
    await chat.say('add FFA in 11th');
    await chat.say('yes');

    await chat.say('review my plan');
    const [thisYear, next] = tables(chat.last);
    expect(thisYear!.title).toBe('This year: 10th grade');
    expect(next!.title).toBe('Next year: 11th grade');
    expect(chat.text()).toMatch(/first review/);
    expect(chat.question()?.questionId).toBe('plan:review');
    expect((await storedPlan(chat))!.reviews).toHaveLength(0);

    await chat.say('yes');
    expect(chat.text()).toMatch(/Review saved on Nov 23, 2026. Changes since the draft: 1./);
    const [review] = (await storedPlan(chat))!.reviews;
    expect(review).toMatchObject({ at: '2026-11-23T15:00:00.000Z', by: 'console:ana', version: 2 });
    expect(review!.changesSinceLastReview).toEqual(['Added FFA to Additional Activities in 11th grade.']);

    await chat.say('show my plan');
    expect(tables(chat.last)[0]!.text).toContain('Last reviewed: Nov 23, 2026');
  });

  it('a review can include changes, confirmed one by one, and is recorded when the student finishes', async () => {
    const chat = await newChat({ now });
    await studentWithPathway(chat, '10th');
    await chat.say('plan');
    await chat.say('review my plan');
    await chat.say('no');
    expect(chat.text()).toMatch(/Tell me what to change/);
    await chat.say('move Chemistry to 12th');
    await chat.say('yes');
    expect(chat.text()).toMatch(/Moved Chemistry/);
    expect(chat.question()?.questionId).toBe('plan:review');
    expect(chat.question()?.text).toMatch(/^Is your plan right now\?/);
    expect((await storedPlan(chat))!.reviews).toHaveLength(0);
    await chat.say('no');
    expect(chat.text()).toMatch(/Tell me what to change/);
    await chat.say('done');
    expect(chat.text()).toMatch(/Review saved/);
    const [review] = (await storedPlan(chat))!.reviews;
    expect(review!.changesSinceLastReview).toEqual(['Moved Chemistry from 11th to 12th.']);
  });

  it("the reminder's Start my review button starts the review", async () => {
    const chat = await newChat({ now });
    await studentWithPathway(chat, '10th');
    await chat.say('plan');
    await chat.say('stop');
    await chat.press('reminder:review', 'start-review');
    expect(tables(chat.last)[0]!.title).toBe('This year: 10th grade');
    expect(chat.question()?.questionId).toBe('plan:review');
    await chat.press('plan:review', 'yes');
    expect((await storedPlan(chat))!.reviews).toHaveLength(1);
  });
});
