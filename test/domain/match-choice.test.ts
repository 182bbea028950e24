import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_DIR } from '../../src/config.js';
import { answerWordsSchema, compileAnswerWords } from '../../src/domain/answer-words.js';
import { matchChoice as matchWith } from '../../src/domain/match-choice.js';
import type { Choice } from '../../src/domain/messages.js';

/** The answer words as shipped (data/understanding/answer-words-en.json). */
const words = compileAnswerWords(answerWordsSchema.parse(JSON.parse(readFileSync(path.join(PROJECT_DIR, 'data/understanding/answer-words-en.json'), 'utf8'))));
const matchChoice = (typed: string, choices: readonly Choice[]) => matchWith(typed, choices, words);

const yesNo = [
  { id: 'yes', label: 'Yes' },
  { id: 'maybe', label: 'Maybe' },
  { id: 'no', label: 'No' },
];
const clusters = [
  { id: 'cluster:health-science', label: 'Health Science' },
  { id: 'cluster:human-services', label: 'Human Services' },
  { id: 'cluster:agriculture', label: 'Agriculture, Food and Natural Resources' },
  { id: 'all-clusters', label: 'See all 16 clusters' },
];

describe('choosing an option by typing', () => {
  it('takes the number of the option', () => {
    expect(matchChoice('2', yesNo)?.id).toBe('maybe');
    expect(matchChoice(' 3 ', clusters)?.id).toBe('cluster:agriculture');
    expect(matchChoice('9', yesNo)).toBeUndefined();
  });

  it('reads "8" as the option labelled 8th rather than the eighth option', () => {
    const grades = ['5th or younger', '6th', '7th', '8th', '9th', '10th', '11th', '12th'].map((label, i) => ({ id: `g${i}`, label }));
    expect(matchChoice('8', grades)?.label).toBe('8th');
    expect(matchChoice('2', grades)?.label).toBe('6th');
  });

  it('takes the words of the option in any case, and everyday ways of saying them', () => {
    expect(matchChoice('YES', yesNo)?.id).toBe('yes');
    expect(matchChoice('yeah', yesNo)?.id).toBe('yes');
    expect(matchChoice('nope', yesNo)?.id).toBe('no');
    expect(matchChoice('idk', yesNo)?.id).toBe('maybe');
    expect(matchChoice('health science', clusters)?.id).toBe('cluster:health-science');
  });

  it('forgives small misspellings', () => {
    expect(matchChoice('helth sciense', clusters)?.id).toBe('cluster:health-science');
    expect(matchChoice('agricultur', clusters)?.id).toBe('cluster:agriculture');
  });

  it('takes one distinctive word of a longer option', () => {
    expect(matchChoice('agriculture', clusters)?.id).toBe('cluster:agriculture');
  });

  it('takes a place in the list: "option 2", "the first one", "2nd", "the last one"', () => {
    const picks = [
      { id: 'bridge', label: 'Building a bridge out of sticks' },
      { id: 'play', label: 'Writing and acting in a play' },
      { id: 'no', label: 'None of these' },
    ];
    expect(matchChoice('option 2', picks)?.id).toBe('play');
    expect(matchChoice('the first one', picks)?.id).toBe('bridge');
    expect(matchChoice('2nd', picks)?.id).toBe('play');
    expect(matchChoice('second one', yesNo)?.id).toBe('maybe');
    expect(matchChoice('the last one', picks)?.id).toBe('no');
    expect(matchChoice('option 9', picks)).toBeUndefined();
  });

  it('on a list of grades, "2nd" and "first" are grades, not places in the list', () => {
    const grades = ['5th or younger', '6th', '7th', '8th'].map((label, i) => ({ id: `g${i}`, label }));
    expect(matchChoice('2nd', grades)).toBeUndefined();
    expect(matchChoice('first', grades)).toBeUndefined();
    expect(matchChoice('8th', grades)?.label).toBe('8th');
  });

  it('a negative number is no option', () => {
    expect(matchChoice('-1', yesNo)).toBeUndefined();
    expect(matchChoice('- 2', yesNo)).toBeUndefined();
  });

  it('yes, no and "none of these" said the way people say them', () => {
    for (const t of ['yes please', 'heck yes', 'absolutely', 'of course', 'sounds good']) expect(matchChoice(t, yesNo)?.id).toBe('yes');
    for (const t of ['no thanks', 'hell no', 'no way', 'not at all']) expect(matchChoice(t, yesNo)?.id).toBe('no');
    expect(matchChoice('i guess', yesNo)?.id).toBe('maybe');
    const picks = [{ id: 'store', label: 'Running a class store' }, { id: 'no', label: 'None of these' }];
    for (const t of ['none of them', 'neither', 'nothing', 'nah']) expect(matchChoice(t, picks)?.id).toBe('no');
    expect(matchChoice('yes no', yesNo)).toBeUndefined();
  });

  it('does not guess when the words fit no option or several equally', () => {
    expect(matchChoice('pizza', yesNo)).toBeUndefined();
    expect(matchChoice('', yesNo)).toBeUndefined();
    expect(matchChoice('services', [...clusters, { id: 'x', label: 'Support Services' }])).toBeUndefined();
  });

  it('reads yes-ish, no-ish, unsure, skip and later the way people type them', () => {
    for (const t of ['ya', 'ya i guess', 'yes!!', 'hell yeah', 'sure', 'oh yes please']) expect(matchChoice(t, yesNo)?.id).toBe('yes');
    for (const t of ['nah', 'nope', 'nah not really lol']) expect(matchChoice(t, yesNo)?.id).toBe('no');
    for (const t of ['idk', 'maybe idk', 'kinda', 'not sure']) expect(matchChoice(t, yesNo)?.id).toBe('maybe');
    expect(matchChoice('skip', yesNo)?.id).toBe('maybe');
    const goal = [{ id: 'own', label: "I'll type my own" }, { id: 'later', label: 'Decide later' }];
    expect(matchChoice('decide later', goal)?.id).toBe('later');
    expect(matchChoice('not now', goal)?.id).toBe('later');
  });

  it('takes an option pointed at by its words or its place', () => {
    const pathways = [
      { id: 'p1', label: 'Animal Systems' },
      { id: 'p2', label: 'Web and Digital Communications' },
      { id: 'p3', label: 'Plant Systems' },
    ];
    expect(matchChoice('the animal one', pathways)?.id).toBe('p1');
    expect(matchChoice('the website one', pathways)?.id).toBe('p2');
    expect(matchChoice('the second one', pathways)?.id).toBe('p2');
    expect(matchChoice('i pick the plant one', pathways)?.id).toBe('p3');
  });

  it('does not read a question in the middle of a quiz as an answer', () => {
    expect(matchChoice('wait can i be a vet', yesNo)).toBeUndefined();
    expect(matchChoice('how much do nurses make', yesNo)).toBeUndefined();
  });
});
