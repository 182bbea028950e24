import type { OccupationMatcher } from '../../../src/domain/occupations/occupation-matcher.js';
import { fixtureMatcher } from './fixture-matcher.js';

let matcher: OccupationMatcher;
beforeAll(async () => {
  ({ matcher } = await fixtureMatcher());
});

const topCluster = (text: string) => matcher.match(text, 3).clusters[0]?.clusterId;
const topPathway = (text: string) => matcher.match(text, 3).pathways[0]?.pathwayId;
const topOccupation = (text: string) => matcher.match(text, 3).occupations[0]?.id;

describe('the occupation matcher', () => {
  it('"I want to be a vet" points to Agriculture, Animal Systems, with the word that matched', () => {
    const result = matcher.match('I want to be a vet', 3);
    expect(result.clusters[0]).toMatchObject({ clusterId: 'agriculture', matchedWords: ['vet'] });
    expect(result.pathways[0]?.pathwayId).toBe('agriculture.animal-systems');
    expect(result.occupations[0]).toMatchObject({ id: 'veterinarian', exact: true });
    expect(result.clusters[0]!.score).toBeGreaterThan(0);
  });

  it.each([
    ['coder', 'information-technology', 'software-developer'],
    ['youtuber', 'arts-av', 'content-creator'],
    ['cop', 'law-public-safety', 'police-officer'],
    ['RN', 'health-science', 'registered-nurse'],
  ])('maps the student word "%s" to %s (%s)', (text, cluster, occupation) => {
    expect(topCluster(text)).toBe(cluster);
    expect(topOccupation(text)).toBe(occupation);
  });

  it.each([['welderr', 'welder'], ['electrican', 'electrician'], ['elektrician', 'electrician'], ['vetrinarian', 'veterinarian']])(
    'forgives the typo "%s"',
    (typo, occupation) => {
      const result = matcher.match(typo, 3);
      expect(result.occupations[0]?.id).toBe(occupation);
      expect(result.looseWords).toEqual([typo]);
    },
  );

  it('treats plurals like the singular', () => {
    expect(topOccupation('welders')).toBe('welder');
    expect(topOccupation('police officers')).toBe('police-officer');
    expect(matcher.match('truck drivers', 1).occupations[0]).toMatchObject({ id: 'truck-driver', exact: true });
  });

  it('does not care about word order', () => {
    expect(matcher.match('teacher high school', 1).occupations[0]).toMatchObject({ id: 'high-school-teacher', exact: true });
    expect(topOccupation('engineer civil')).toBe('civil-engineer');
  });

  it('ignores filler words', () => {
    const result = matcher.match('idk like what about maybe being a welder lol', 3);
    expect(result.words.map((w) => w.word)).toEqual(['welder']);
    expect(topOccupation('umm i wanna be a cop i think')).toBe('police-officer');
  });

  it('understands interest phrases through our pathway keywords', () => {
    expect(topPathway('idk I like being outside')).toBe('agriculture.natural-resources-and-environmental-service-systems');
    expect(topCluster('I love cooking and baking')).toBe('hospitality-tourism');
    expect(topCluster('fixing cars')).toBe('transportation');
  });

  it('finds nothing for gibberish and only filler', () => {
    expect(matcher.match('asdfgh', 3).clusters).toEqual([]);
    expect(matcher.match('asdfgh', 3).unmatchedWords).toEqual(['asdfgh']);
    expect(matcher.match('idk', 3).words).toEqual([]);
  });

  it('returns at most `limit` clusters, pathways and occupations, best first', () => {
    const result = matcher.match('engineer', 2);
    expect(result.clusters.length).toBeLessThanOrEqual(2);
    expect(result.occupations.length).toBeLessThanOrEqual(2);
    expect(result.clusters[0]!.score).toBeGreaterThanOrEqual(result.clusters[1]!.score);
  });
});
