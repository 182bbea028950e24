/** The matcher over the real built-in index (no O*NET): what students and titles look like. */
import { loadFramework } from '../../../src/data-files/load-framework.js';
import { loadOccupationData } from '../../../src/data-files/load-occupations.js';
import { OccupationMatcher } from '../../../src/domain/occupations/occupation-matcher.js';
import { interpretFreeText } from '../../../src/domain/occupations/interpret-free-text.js';
import type { Framework } from '../../../src/domain/framework-types.js';
import type { OccupationData } from '../../../src/domain/occupations/occupation-types.js';

let matcher: OccupationMatcher;
let framework: Framework;
let data: OccupationData;
beforeAll(async () => {
  ({ framework } = await loadFramework());
  data = await loadOccupationData({ onetFile: false, clusterIds: new Set(framework.clusters.map((c) => c.id)) });
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

describe('the last word of a job title (data/title-words.json)', () => {
  const top3 = (text: string): string[] => matcher.match(text, 3).clusters.map((c) => c.clusterId);

  it('names only pathways the framework has', () => {
    const pathways = new Set(framework.clusters.flatMap((c) => c.pathways.map((p) => p.id)));
    const listed = [...Object.values(data.titleWords!.heads), ...Object.values(data.titleWords!.endings)].flat();
    expect(listed.length).toBeGreaterThan(400);
    expect(listed.filter((p) => !pathways.has(p))).toEqual([]);
  });

  it('places a title whose other words we do not know by its last word', () => {
    expect(top3('Sprocket Tender')[0]).toBe('manufacturing');
    expect(top3('Zorblax Fabricator')[0]).toBe('manufacturing');
    expect(top3('Widget Inspector').slice(0, 2).sort()).toEqual(['government', 'manufacturing']);
  });

  it('reads the name part of a title ("Inspector of Gizmos") and a joined-up word ("gizmocutter")', () => {
    expect(top3('Inspector of Gizmos')).toEqual(top3('Widget Inspector'));
    expect(top3('Gizmocutter')).toContain('manufacturing');
  });

  it('guesses from the ending only for a word that names someone ("spooler"), not for "younger"', () => {
    expect(top3('Gizmo Spooler')).toContain('manufacturing');
    expect(matcher.match('five or younger', 3).clusters.find((c) => c.clusterId === 'manufacturing')).toBeUndefined();
  });

  it('leaves the exact name of one of our jobs alone', () => {
    const without = new OccupationMatcher(framework, { ...data, titleWords: { heads: {}, endings: {}, notDoers: [] } });
    for (const name of ['truck driver', 'welder', 'registered nurse']) {
      expect(matcher.match(name, 5).clusters).toEqual(without.match(name, 5).clusters);
    }
  });

  it('does not let the last word outweigh a word that points clearly to one cluster', () => {
    expect(top3('film director')[0]).toBe('arts-av');
    expect(top3('poultry director')[0]).toBe('agriculture');
  });

  it('adds no production match to a chat word known only by its ending ("gamer")', () => {
    const reply = interpretFreeText('gamer', matcher);
    expect(reply.kind).toBe('matches');
    if (reply.kind === 'matches') expect(reply.matches.map((m) => m.clusterId)).not.toContain('manufacturing');
  });
});
