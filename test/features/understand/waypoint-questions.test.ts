/** A student asks about Waypoint itself: what the framework words mean, who sees their answers, whether choices are final. */
import { newChat, studentWithNothingPending } from '../../helpers/test-app.js';
import type { Profile } from '../../../src/domain/profile.js';

/** A 10th grader who has stopped the interest questions, so nothing is waiting for an answer. */
const student = () => studentWithNothingPending('10th');

describe('questions about Waypoint', () => {
  it('"what is a career cluster?" is explained, not taken for a job that sounds like it', async () => {
    const chat = await student();
    await chat.say('What is a Career Cluster?');
    expect(chat.text()).toMatch(/^A Career Cluster is a family of jobs that use similar skills\. Missouri has 16/);
    expect(chat.text()).toMatch(/Type explore/);
    expect(chat.text()).not.toMatch(/attendant|That's in/);
    for (const [asked, answer] of [
      ['what does pathway mean', /^A Career Pathway is a smaller group of jobs inside a cluster/],
      ['what are career paths', /^A Career Path is one of 6 big groups of jobs/],
      ['whats a plan of study', /^Your Personal Plan of Study is your list of classes/],
      ['can I change my mind later?', /^Nothing you pick is final/],
      ['is this final', /^Nothing you pick is final/],
    ] as const) {
      await chat.say(asked);
      expect(chat.text()).toMatch(answer);
    }
  });

  it('"who can see my answers?" says who, at any point, and changes nothing', async () => {
    const chat = await newChat();
    await chat.say('hi');
    await chat.say('who can see my answers?');
    expect(chat.text()).toMatch(/^Only you, your counselor, and family members you choose to add can see your answers/);
    expect(chat.question()?.questionId).toBe('onboarding:role');
    await chat.say('student');
    await chat.say('is this private');
    expect(chat.text()).toMatch(/^Only you, your counselor/);
    // In the middle of a question: no "type ..." on top of the question asked again.
    expect(chat.text()).not.toMatch(/Type my family/);
    expect(chat.question()?.questionId).toBe('onboarding:grade');
    await chat.say('9');
    const before = await chat.store.get<Profile>('profiles', 'console:ana');
    const question = chat.question()!.questionId;
    await chat.say('can my parents see this?');
    expect(chat.text()).toMatch(/^Only you, your counselor/);
    expect(chat.question()?.questionId).toBe(question);
    expect(await chat.store.get<Profile>('profiles', 'console:ana')).toEqual(before);
  });

  it('jobs and the commands that sound alike still work', async () => {
    const chat = await student();
    await chat.say('what is a welder');
    expect(chat.text()).toMatch(/^A welder joins/);
    await chat.say('who can see my plan');
    expect(chat.text()).toMatch(/No family members are linked/);
  });

  it('a family member gets the family answer', async () => {
    const chat = await newChat();
    await chat.say('hi');
    await chat.say('family');
    await chat.say("I don't have one yet");
    await chat.say('what is a career cluster');
    expect(chat.text()).toMatch(/Each cluster has a few Career Pathways/);
    expect(chat.text()).toMatch(/For more answers, type questions/);
  });
});
