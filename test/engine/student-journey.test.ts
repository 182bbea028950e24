import { newChat } from '../helpers/test-app.js';
import type { Profile, InterestResultRecord } from '../../src/domain/profile.js';
import type { TestChat } from '../helpers/test-app.js';

/** A new student in `grade` who has answered every interest question with the first choice. */
async function studentWithResults(grade: string, user?: string): Promise<TestChat> {
  const chat = await newChat(user ? { user } : {});
  await chat.say('hi');
  await chat.say('student');
  await chat.say(grade);
  await chat.answerInterestQuestions((q) => q.choices[0]!.id);
  return chat;
}

/** From the results: all 16 clusters, one cluster, then (when given) one of its pathways. */
async function pickFromAllClusters(chat: TestChat, clusterId: string, pathwayId?: string): Promise<void> {
  await chat.press('explore:results', 'all-clusters');
  await chat.press('explore:all-clusters', `cluster:${clusterId}`);
  if (pathwayId) await chat.press('explore:cluster', `pathway:${pathwayId}`);
}

describe('a student finds a Career Pathway', () => {
  it('first contact says what Waypoint does, what it keeps and who sees it, then asks who you are', async () => {
    const chat = await newChat();
    const text = chat.text(await chat.say('hi'));
    expect(text).toMatch(/explore jobs/);
    expect(text).toMatch(/keep your answers, choices and plan/);
    expect(text).toMatch(/your counselor, and family you choose/);
    expect(chat.question()?.questionId).toBe('onboarding:role');
  });

  it('"back" at the first question says there is nothing before it; going back to it does not greet again', async () => {
    const chat = await newChat();
    await chat.say('hi');
    await chat.say('back');
    expect(chat.text()).toMatch(/^This is the first question, so there's nothing to go back to\.\nWho are you\?/);
    expect(chat.text()).not.toMatch(/I'm Waypoint/);
    await chat.say('student');
    expect(chat.question()?.questionId).toBe('onboarding:grade');
    await chat.say('back');
    expect(chat.question()?.questionId).toBe('onboarding:role');
    expect(chat.text()).not.toMatch(/I'm Waypoint/);
    await chat.say('student');
    await chat.say('9');
    expect(chat.text()).toMatch(/Got it: 9th grade/);
  });

  it('walks from grade to ranked clusters with reasons to a saved pathway', async () => {
    const chat = await newChat();
    await chat.say('hi');
    await chat.say('student');
    await chat.say('9th');
    expect(chat.text()).toMatch(/9th grade/);
    const nature = /animal|farm|plant|outside|outdoor|garden|nature|crop|pet|forest|hike|woods|fish|camp|horse|grow/i;
    const asked = await chat.answerInterestQuestions((q) => {
      const isYesNo = q.choices.some((c) => c.id === 'yes');
      if (isYesNo) return nature.test(q.text) ? 'yes' : 'no';
      return (q.choices.find((c) => nature.test(c.label)) ?? q.choices[q.choices.length - 1]!).id;
    });
    expect(asked).toBeLessThanOrEqual(24);
    const results = chat.text();
    expect(results).toMatch(/Agriculture, Food and Natural Resources/);
    expect(results).toMatch(/you (said yes|picked)/);
    expect(chat.question()?.questionId).toBe('explore:results');
    await chat.press('explore:results', 'cluster:agriculture');
    expect(chat.text()).toMatch(/Animal Systems/);
    await chat.say('animal systems');
    expect(chat.text()).toMatch(/Saved! You chose the Animal Systems pathway/);

    const profile = await chat.store.get<Profile>('profiles', 'console:ana');
    expect(profile?.role).toBe('student');
    expect(profile?.grade).toBe(9);
    expect(profile?.choice).toMatchObject({ pathId: 'natural-resources-agriculture', clusterId: 'agriculture', pathwayId: 'agriculture.animal-systems' });
    expect(Date.parse(profile!.choice!.chosenAt)).not.toBeNaN();
    const result = await chat.store.get<InterestResultRecord>('interest-results', 'console:ana');
    expect(result?.answers).toHaveLength(asked);
    expect(result?.result.clusters[0]?.clusterId).toBe('agriculture');
  });

  it('a grade 4 student sees Career Paths only', async () => {
    const chat = await newChat();
    await chat.say('hi');
    await chat.say('1');
    await chat.say('5th or younger');
    await chat.say('4');
    await chat.answerInterestQuestions((q) => q.choices[0]!.id);
    expect(chat.text()).toMatch(/Path/);
    expect(chat.question()?.choices.every((c) => c.id.startsWith('path:') || ['retake', 'done'].includes(c.id))).toBe(true);
    await chat.press('explore:results', chat.question()!.choices[0]!.id);
    await chat.say('this path fits me');
    const profile = await chat.store.get<Profile>('profiles', 'console:ana');
    expect(profile?.choice?.pathId).toBeTruthy();
    expect(profile?.choice?.clusterId).toBeUndefined();
  });

  it('a grade 6 student sees their Career Path first, then Clusters, and chooses a Cluster (pathways come in 7th)', async () => {
    const chat = await studentWithResults('6');
    const said = chat.text();
    expect(said.indexOf(' Path')).toBeGreaterThanOrEqual(0);
    expect(said.indexOf(' Path')).toBeLessThan(said.indexOf('Your top Career Clusters'));
    const cluster = chat.question()!.choices.find((c) => c.id.startsWith('cluster:'))!;
    await chat.press('explore:results', cluster.id);
    expect(chat.question()?.choices.some((c) => c.id.startsWith('pathway:'))).toBe(false);
    await chat.say('this one fits me');
    const profile = await chat.store.get<Profile>('profiles', 'console:ana');
    expect(profile?.choice?.clusterId).toBe(cluster.id.slice('cluster:'.length));
    expect(profile?.choice?.pathwayId).toBeUndefined();
  });

  it('typing "freshman" at the grade question, as the question suggests, means 9th grade', async () => {
    const chat = await newChat();
    await chat.say('hi');
    await chat.say('1');
    await chat.say('freshman');
    expect(chat.text()).toMatch(/Got it: 9th grade/);
    expect((await chat.store.get<Profile>('profiles', 'console:ana'))?.grade).toBe(9);
  });

  it('typing, numbers and small misspellings all choose an option', async () => {
    const chat = await newChat();
    await chat.say('hi');
    await chat.say('studnet');
    expect(chat.question()?.questionId).toBe('onboarding:grade');
    await chat.say('eighth');
    const q = chat.question()!;
    expect(q.questionId).toMatch(/^interest:/);
    await chat.say('2');
    expect(chat.question()?.questionId).not.toBe(q.questionId);
  });

  it('"change my grade" asks only the grade, keeps the pathway, and does not start the questions again', async () => {
    const chat = await newChat();
    await chat.say('hi');
    await chat.say('student');
    await chat.say('11th');
    await chat.say('i want to be an electrician');
    await chat.say('2');
    expect(chat.text()).toMatch(/Saved! You chose the Construction pathway/);
    await chat.say('change my grade');
    expect(chat.question()?.questionId).toBe('onboarding:grade');
    await chat.say('senior');
    expect(chat.text()).toMatch(/^Got it: 12th grade\. Type plan/);
    expect(chat.question()).toBeUndefined();
    const profile = await chat.store.get<Profile>('profiles', 'console:ana');
    expect(profile).toMatchObject({ role: 'student', grade: 12, choice: { pathwayId: 'architecture-construction.construction' } });

    await chat.say('change my grade');
    await chat.say('back');
    expect(chat.text()).toMatch(/kept your grade/);
    expect((await chat.store.get<Profile>('profiles', 'console:ana'))?.grade).toBe(12);

    await chat.say('change my role');
    expect(chat.question()?.questionId).toBe('onboarding:role');
  });

  it('the student can change their choice later, and the old one is kept in the history', async () => {
    const chat = await studentWithResults('10');
    await pickFromAllClusters(chat, 'finance', 'finance.accounting');
    await chat.say('explore');
    await chat.answerInterestQuestions((q) => q.choices[0]!.id);
    await pickFromAllClusters(chat, 'marketing', 'marketing.professional-sales');
    const profile = await chat.store.get<Profile>('profiles', 'console:ana');
    expect(profile?.choice?.pathwayId).toBe('marketing.professional-sales');
    expect(profile?.choiceHistory.map((c) => c.pathwayId)).toEqual(['finance.accounting']);
  });

  it('a pathway chosen from a typed job ends the questions and results, so they do not come back after every reply', async () => {
    const chat = await studentWithResults('9th');
    await pickFromAllClusters(chat, 'law-public-safety');
    expect(chat.question()?.questionId).toBe('explore:cluster');
    await chat.say('what does a police officer do');
    const choose = chat.question()!.choices.find((c) => c.id.startsWith('choose-pathway:'))!;
    await chat.press(chat.question()!.questionId, choose.id);
    expect(chat.text()).toMatch(/Saved! You chose/);
    await chat.say('my pathway');
    expect(chat.text()).toMatch(/Your choices so far/);
    expect(chat.text()).not.toMatch(/back to where we were|Does one of these pathways/);
    expect(chat.question()).toBeUndefined();

    // Typed at the first question, right after the grade.
    const other = await newChat({ user: 'bo' });
    await other.say('hi');
    await other.say('student');
    await other.say('junior');
    await other.say('i want to be an electrician');
    await other.say('2');
    await other.say('my pathway');
    expect(other.text()).not.toMatch(/1 of up to/);
  });

  it('"change my pathway" after the questions shows the saved results to pick again, without asking them all again', async () => {
    const chat = await studentWithResults('10');
    await pickFromAllClusters(chat, 'finance', 'finance.accounting');
    await chat.say('I\'m done for now');
    const before = await chat.store.get<InterestResultRecord>('interest-results', 'console:ana');

    await chat.say('Change my pathway');
    expect(chat.text()).toMatch(/Here are your results from last time/);
    expect(chat.question()?.questionId).toBe('explore:results');
    await pickFromAllClusters(chat, 'marketing', 'marketing.professional-sales');
    const profile = await chat.store.get<Profile>('profiles', 'console:ana');
    expect(profile?.choice?.pathwayId).toBe('marketing.professional-sales');
    // Seeing the same results again is not another run of the questions.
    expect((await chat.store.get<InterestResultRecord>('interest-results', 'console:ana'))?.earlier).toEqual(before?.earlier);

    await chat.say('explore');
    expect(chat.question()?.questionId).toMatch(/^interest:/);
  });
});
