/** Names of a few words in a text, longest first, replaced by what they stand for. */
import { replacePhrases } from '../../src/domain/replace-phrases.js';

const lookup = (phrase: string) =>
  phrase === 'vet tech' ? { as: 'JOB' } : phrase === 'vet' ? { as: 'JOB' } : phrase === 'teacher of my son' ? ('keep' as const) : phrase === 'teacher' ? { as: 'JOB' } : undefined;

describe('replacing names in a text', () => {
  it('takes the longest name at each place, and lists what it replaced', () => {
    expect(replacePhrases('can i be a vet tech or a vet'.split(' '), lookup)).toEqual({
      words: ['can', 'i', 'be', 'a', 'JOB', 'or', 'a', 'JOB'],
      found: ['vet tech', 'vet'],
    });
  });

  it('keeps a phrase that means something else whole, the names inside it too', () => {
    expect(replacePhrases('who is the teacher of my son'.split(' '), lookup)).toEqual({ words: ['who', 'is', 'the', 'teacher', 'of', 'my', 'son'], found: [] });
  });
});
