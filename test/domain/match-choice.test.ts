import { matchChoice } from '../../src/domain/match-choice.js';

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
});
