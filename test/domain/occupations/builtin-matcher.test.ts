/** The matcher over the real built-in index (no O*NET): what students and titles look like. */
import { loadFramework } from '../../../src/data-files/load-framework.js';
import { loadOccupationData } from '../../../src/data-files/load-occupations.js';
import { OccupationMatcher } from '../../../src/domain/occupations/occupation-matcher.js';

let matcher: OccupationMatcher;
beforeAll(async () => {
  const { framework } = await loadFramework();
  const data = await loadOccupationData({ onetFile: false, clusterIds: new Set(framework.clusters.map((c) => c.id)) });
  matcher = new OccupationMatcher(framework, data);
});

const topCluster = (text: string): string | undefined => matcher.match(text, 3).clusters[0]?.clusterId;

describe('the matcher on the built-in index', () => {
  it('a word that points to one cluster outweighs a word shared by many ("poultry director")', () => {
    expect(topCluster('poultry director')).toBe('agriculture');
    expect(topCluster('director film')).toBe('arts-av');
  });

  it.each([
    ['welderr', 'manufacturing'],
    ['electrision', 'architecture-construction'],
    ['vetrinarian', 'agriculture'],
    ['pharmasist', 'health-science'],
  ])('tolerates the typo in "%s"', (typed, clusterId) => {
    expect(topCluster(typed)).toBe(clusterId);
  });

  it('treats plurals and word order alike', () => {
    const one = matcher.match('truck driver', 3).occupations[0]?.id;
    expect(matcher.match('truck drivers', 3).occupations[0]?.id).toBe(one);
    expect(matcher.match('driver truck', 3).occupations[0]?.id).toBe(one);
  });

  it('returns scores and the words that matched', () => {
    const result = matcher.match('I want to be a vet', 3);
    expect(result.clusters[0]).toMatchObject({ clusterId: 'agriculture', matchedWords: ['vet'] });
    expect(result.clusters[0]!.score).toBeGreaterThan(0);
    expect(result.pathways[0]).toMatchObject({ pathwayId: 'agriculture.animal-systems' });
  });
});
