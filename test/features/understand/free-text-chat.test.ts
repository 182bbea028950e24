/**
 * What students type in their own words, in a real conversation with the built-in occupation index:
 * jobs, interests, questions, ambiguous words, nonsense and typos, and the buttons under the answers.
 */
import { newChat, studentWithNothingPending, type TestChat } from '../../helpers/test-app.js';
import type { Profile } from '../../../src/domain/profile.js';

/** A 10th grader who has stopped the interest questions, so nothing is waiting for an answer. */
const student = () => studentWithNothingPending('10th');

const choiceIds = (chat: TestChat): string[] => chat.question()?.choices.map((c) => c.id) ?? [];

describe('a student types what they want in their own words', () => {
  it('"I want to be a vet" says what a vet does and where it sits, and choosing the pathway saves it', async () => {
    const chat = await student();
    await chat.say('I want to be a vet');
    expect(chat.text()).toMatch(/^A veterinarian .*animals.*That's in Agriculture, Food and Natural Resources, Animal Systems\./);
    expect(chat.question()?.questionId).toBe('free-text-offer');
    expect(choiceIds(chat)).toEqual(['explore-cluster:agriculture', 'choose-pathway:agriculture.animal-systems', 'take-quiz']);

    await chat.say('Choose Animal Systems');
    expect(chat.text()).toMatch(/Saved! You chose the Animal Systems pathway in Agriculture, Food and Natural Resources/);
    const profile = await chat.store.get<Profile>('profiles', 'console:ana');
    expect(profile?.choice).toMatchObject({ clusterId: 'agriculture', pathwayId: 'agriculture.animal-systems' });

    // The way on: making the plan for it is one tap away.
    expect(choiceIds(chat)).toEqual(['plan', 'explore']);
    await chat.say('make my plan of study');
    expect(chat.text()).toMatch(/Animal Systems/);
    expect(chat.text()).not.toMatch(/haven't picked one yet/);
  });

  it('"explore this cluster" opens the cluster with its pathways, and "take the interest questions" starts them', async () => {
    const chat = await student();
    await chat.say('I want to be a vet');
    await chat.say('1');
    expect(chat.text()).toMatch(/Agriculture, Food and Natural Resources/);
    expect(chat.text()).toMatch(/Animal Systems/);

    await chat.say('I want to be a vet');
    await chat.say('take the interest questions');
    expect(chat.question()?.questionId).toMatch(/^interest:/);
  });

  it('a job typed in the middle of the interest questions answers it, then "take the interest questions" goes on where they were', async () => {
    const chat = await newChat();
    await chat.say('hi');
    await chat.say('student');
    await chat.say('10th');
    await chat.press(chat.question()!.questionId, 'yes');
    const waiting = chat.question()!.questionId;
    expect(waiting).toMatch(/^interest:/);
    await chat.say('I want to be a vet');
    expect(chat.text()).toMatch(/^A veterinarian /);
    await chat.say('take the interest questions');
    expect(chat.question()?.questionId).toBe(waiting);
  });

  it('"idk I like being outside" points to nature jobs first and quotes the word', async () => {
    const chat = await student();
    await chat.say('idk I like being outside');
    expect(chat.text()).toMatch(/You said "outside": that fits Agriculture, Food and Natural Resources/);
    expect(choiceIds(chat)[0]).toBe('explore-cluster:agriculture');
  });

  it('an interest typed while the last answer\'s buttons are waiting is answered, not asked again', async () => {
    const chat = await student();
    await chat.say('I want to be a vet');
    await chat.say('idk I like being outside');
    expect(chat.text()).not.toMatch(/didn't catch/);
    expect(chat.text()).toMatch(/"outside"/);
  });

  it.each([
    ['i like music', 'arts-av'],
    ['I like cooking', 'hospitality-tourism'],
    ['I enjoy fixing cars', 'transportation'],
    ['i like kids', 'human-services'],
  ])('"%s" leads with the cluster most jobs with that interest are in', async (typed, clusterId) => {
    const chat = await student();
    await chat.say(typed);
    expect(choiceIds(chat)[0]).toBe(`explore-cluster:${clusterId}`);
  });

  it('"what about video games?" lands in Information Technology', async () => {
    const chat = await student();
    await chat.say('what about video games?');
    expect(chat.text()).toMatch(/Information Technology/);
    expect(choiceIds(chat)[0]).toBe('explore-cluster:information-technology');
  });

  it('"what does a welder do?" answers from the description, with how people start', async () => {
    const chat = await student();
    await chat.say('what does a welder do?');
    expect(chat.text()).toMatch(/^A welder joins .*metal/);
    expect(chat.text()).toMatch(/Most people start with .*certificate.*Manufacturing, in the Production pathway/s);
  });

  it('"doctor" and "engineer" get a short question about which kind, and picking one describes it', async () => {
    const chat = await student();
    await chat.say('doctor');
    expect(chat.question()?.questionId).toBe('clarify-occupation');
    expect(chat.text()).toMatch(/kinds of doctor\. Doctors work in .*Health Science.*Which kind did you mean\?/);
    expect(choiceIds(chat)).toEqual(expect.arrayContaining(['occupation:physician', 'occupation:veterinarian']));
    await chat.say('Veterinarian');
    expect(chat.text()).toMatch(/^A veterinarian /);

    await chat.say('engineer');
    expect(choiceIds(chat)).toEqual(expect.arrayContaining(['occupation:mechanical-engineer', 'occupation:civil-engineer', 'occupation:electrical-engineer']));
  });

  it('nonsense gets a friendly "I didn\'t catch that" with examples, and changes nothing', async () => {
    const chat = await student();
    const before = await chat.store.get<Profile>('profiles', 'console:ana');
    await chat.say('asdkjfh qwpoeir');
    expect(chat.text()).toMatch(/Sorry, I didn't catch that\. You can say things like "explore", "how much do nurses make\?" or "show my plan"/);
    expect(await chat.store.get<Profile>('profiles', 'console:ana')).toEqual(before);
  });

  it.each([
    ['electrision', /electrician/i],
    ['plumbr', /plumber/i],
    ['driver truck', /truck driver/i],
    ['coder', /Information Technology/],
    ['youtuber', /video/i],
    ['cop', /police officer/i],
    ['RN', /registered nurse/i],
  ])('"%s" (typos, word order, the words students use) finds the job', async (typed, expected) => {
    const chat = await student();
    await chat.say(typed);
    expect(chat.text()).toMatch(expected);
    expect(chat.question()?.questionId).toBe('free-text-offer');
  });

  it('a job described by what it is reads as a sentence: "A pediatrician is a doctor who ..."', async () => {
    const chat = await student();
    await chat.say('what does a pediatrician do?');
    expect(chat.text()).toMatch(/^A pediatrician is a doctor who cares for babies/);
    await chat.say('nurse practitioner');
    expect(chat.text()).toMatch(/^A nurse practitioner is an advanced nurse who/);
    await chat.say('doctor');
    await chat.say('pediatrician');
    expect(chat.text()).toMatch(/^A pediatrician is a doctor who/);
  });

  it('a typo that finds a job names the other places it could fit as "also", never a bare "That fits ..."', async () => {
    const chat = await student();
    await chat.say('electrision');
    expect(chat.text()).toMatch(/^Here is what fits:\n- An electrician installs/);
    expect(chat.text()).toMatch(/- It could also fit Manufacturing/);
    expect(chat.text()).not.toMatch(/That fits/);
  });

  it('a cluster opened from a typed job offers the interest questions, not results there are none of, and "back" stays put', async () => {
    const chat = await student();
    await chat.say('vet');
    await chat.say('explore this cluster');
    expect(chat.question()?.choices.map((c) => c.label)).toContain('Take the interest questions');
    expect(chat.question()?.choices.map((c) => c.label)).not.toContain('Back to my results');

    await chat.say('back');
    expect(chat.text()).toMatch(/^This is where we started, so there's nothing to go back to\./);
    expect(chat.text()).not.toMatch(/quick questions/);
    expect(chat.question()?.choices.map((c) => c.id)).toContain('pathway:agriculture.animal-systems');

    await chat.say('Animal Systems');
    expect(chat.question()?.choices.map((c) => c.label)).toEqual(['Make my plan of study', 'Take the interest questions', "I'm done for now"]);
    await chat.say('back');
    expect(chat.text()).toMatch(/Does one of these pathways sound like you/);
    await chat.say('take the interest questions');
    expect(chat.question()?.questionId).toMatch(/^interest:/);
  });

  it('"I like drawing and animals": each interest gets its own match, the stronger one does not hide the other', async () => {
    const chat = await student();
    await chat.say('i like drawing and animals');
    expect(chat.text()).toMatch(/You said "animals": that fits Agriculture, Food and Natural Resources, Animal Systems/);
    expect(chat.text()).toMatch(/You said "drawing": that fits Arts, Audio-Visual Technology and Communications, Visual Arts/);
    expect(choiceIds(chat)).toEqual(expect.arrayContaining(['choose-pathway:agriculture.animal-systems', 'choose-pathway:arts-av.visual-arts']));
  });

  it('"something with computers" is an interest: it points to Information Technology, not to one job with "computer" in its name', async () => {
    const chat = await student();
    await chat.say('something with computers');
    expect(chat.text()).toMatch(/^Here is what fits:\n- You said "computers": that fits Information Technology/);
    expect(chat.text()).not.toMatch(/computer engineer/i);
  });

  it('"nurses" (a plural) is asked about like "nurse"', async () => {
    const chat = await student();
    await chat.say('nurses');
    expect(chat.question()?.questionId).toBe('clarify-occupation');
    expect(choiceIds(chat)).toContain('occupation:registered-nurse');
  });

  it('"about" says the job descriptions are our own and credits O*NET under CC BY 4.0', async () => {
    const chat = await student();
    await chat.say('about');
    expect(chat.text()).toMatch(/job descriptions are written by the Waypoint team/);
    expect(chat.text()).toMatch(/O\*NET Database by the U\.S\. Department of Labor.*CC BY 4\.0/s);
  });

  it('a number typed with no question waiting is not taken for a job', async () => {
    const chat = await student();
    await chat.say('3');
    expect(chat.text()).toMatch(/didn't catch that\. You can say things like/s);
    expect(chat.question()).toBeUndefined();
  });

  it('a family member asking about a job can look around but is not offered to choose a pathway or take the questions', async () => {
    const chat = await newChat({ user: 'pat' });
    await chat.say('hi');
    await chat.say('family');
    await chat.say("I don't have one yet");
    await chat.say('what does a welder do?');
    expect(chat.text()).toMatch(/welder/i);
    expect(choiceIds(chat).every((id) => id.startsWith('explore-cluster:'))).toBe(true);
    expect(choiceIds(chat).length).toBeGreaterThan(0);
  });
});
