/**
 * Title words we have no entry for: stems, joined-up words, short forms and word parts
 * (query-expansion.ts, word-parts.ts), alone and in the matcher over the built-in index.
 */
import { loadFramework } from '../../../src/data-files/load-framework.js';
import { loadOccupationData } from '../../../src/data-files/load-occupations.js';
import { OccupationMatcher } from '../../../src/domain/occupations/occupation-matcher.js';
import { expandQuery, ShortForms, splitJoinedWord, wordStem } from '../../../src/domain/occupations/query-expansion.js';
import { WordParts } from '../../../src/domain/occupations/word-parts.js';
import { queryWords } from '../../../src/domain/occupations/normalise-text.js';

describe('stems, joined-up words and short forms', () => {
  it.each([
    ['dishwashing', 'dishwash'],
    ['navigation', 'navig'],
    ['radiology', 'radiolog'],
    ['welding', 'weld'],
  ])('the stem of "%s" is "%s"', (word, stem) => {
    expect(wordStem(word)).toBe(stem);
  });

  it('leaves words too short to have a useful stem', () => {
    expect(wordStem('baking')).toBeUndefined();
    expect(wordStem('cat')).toBeUndefined();
  });

  it('splits a joined-up word into two known words, the most even split first', () => {
    const known = new Set(['choir', 'master', 'sky', 'diver', 'skyd']);
    expect(splitJoinedWord('choirmaster', (t) => known.has(t))).toEqual(['choir', 'master']);
    expect(splitJoinedWord('skydiver', (t) => known.has(t))).toEqual(['sky', 'diver']);
    expect(splitJoinedWord('asdfghjk', (t) => known.has(t))).toBeUndefined();
  });

  it('drops a short form beside its long form, and looks for the long form of one we do not hold', () => {
    const short = new ShortForms({ tech: 'technician', lab: 'laboratory', mgr: 'manager' });
    const words = short.withoutRepeats(queryWords('Lab Tech (Laboratory Technician)'));
    expect(words.map((w) => w.term)).toEqual(['laboratory', 'technician']);
    const extra = expandQuery(queryWords('sales mgr'), (t) => t === 'sale', short);
    expect(extra).toEqual([expect.objectContaining({ term: 'manager', kind: 'long' })]);
  });

  it('expands only words the index does not hold', () => {
    expect(expandQuery(queryWords('welding'), () => true)).toEqual([]);
    expect(expandQuery(queryWords('welding'), () => false)).toEqual([expect.objectContaining({ term: 'weld', kind: 'stem' })]);
  });
});

describe('word parts', () => {
  const parts = new WordParts(
    { ornith: ['agriculture.animal-systems'], cardio: ['health-science.therapeutic-services'], botan: ['agriculture.plant-systems'], zoo: ['agriculture.animal-systems'] },
    () => true,
  );

  it('finds the part a word starts with, or a long part inside it', () => {
    expect(parts.pathwaysOf('ornithologist')).toEqual(['agriculture.animal-systems']);
    expect(parts.pathwaysOf('cardiopulmonary')).toEqual(['health-science.therapeutic-services']);
    expect(parts.pathwaysOf('paleobotanist')).toEqual(['agriculture.plant-systems']);
  });

  it('does not count a short part in the middle of a word, or the part alone', () => {
    expect(parts.pathwaysOf('kazoos')).toBeUndefined();
    expect(parts.pathwaysOf('botan')).toBeUndefined();
  });
});

describe('the matcher with title words it has no entry for', () => {
  let matcher: OccupationMatcher;
  beforeAll(async () => {
    const { framework } = await loadFramework();
    matcher = new OccupationMatcher(framework, await loadOccupationData({ onetFile: false, clusterIds: new Set(framework.clusters.map((c) => c.id)) }));
  });
  const top3 = (text: string): string[] => matcher.match(text, 3).clusters.map((c) => c.clusterId);

  it('places a scientist by the root of the word', () => {
    expect(top3('ornithologist')[0]).toBe('agriculture');
    expect(top3('cardiopulmonary technician')).toContain('health-science');
  });

  it('finds a job through a derived form of its name', () => {
    expect(top3('dishwashing')[0]).toBe('hospitality-tourism');
    expect(matcher.match('dishwashing machine operator', 3).occupations[0]?.title).toBe('Dishwasher');
  });

  it('counts a short form beside its long form once', () => {
    const result = matcher.match('Chemical Lab Tech (Chemical Laboratory Technician)', 3);
    expect(result.words.map((w) => w.term)).toEqual(['chemical', 'laboratory', 'technician']);
    expect(result.clusters[0]?.clusterId).toBe('stem');
  });

  it('does not read a short everyday word as a typo of another ("boom" is not "room")', () => {
    expect(matcher.match('boom', 3).occupations.map((o) => o.title)).not.toContain('Room Attendant');
  });
});
