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

  it('does not guess when the words fit no option or several equally', () => {
    expect(matchChoice('pizza', yesNo)).toBeUndefined();
    expect(matchChoice('', yesNo)).toBeUndefined();
    expect(matchChoice('services', [...clusters, { id: 'x', label: 'Support Services' }])).toBeUndefined();
  });
});
