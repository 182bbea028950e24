/** How a job title's clusters are ranked once the evidence is in (rank-evidence.ts), on the real built-in index. */
import { loadFramework } from '../../../src/data-files/load-framework.js';
import { loadOccupationData } from '../../../src/data-files/load-occupations.js';
import { OccupationMatcher } from '../../../src/domain/occupations/occupation-matcher.js';
import { coveredScore } from '../../../src/domain/occupations/rank-evidence.js';
import type { Evidence } from '../../../src/domain/occupations/title-word-evidence.js';

let matcher: OccupationMatcher;
beforeAll(async () => {
  const { framework } = await loadFramework();
  const data = await loadOccupationData({ onetFile: false, clusterIds: new Set(framework.clusters.map((c) => c.id)) });
  matcher = new OccupationMatcher(framework, data);
});

const clusters = (text: string): string[] => matcher.match(text, 3).clusters.map((c) => c.clusterId);
const evidence = (parts: number[], words: string[]): Evidence => ({ parts, words: new Set(words) });
const same = (): number => 1;

describe('reading a title as a whole', () => {
  it('counts evidence behind fewer of the words for less, rare words most', () => {
    const words = [{ word: 'scoreboard' }, { word: 'operator' }];
    const both = coveredScore(evidence([10], ['scoreboard', 'operator']), 0.7, words, same);
    const one = coveredScore(evidence([10], ['operator']), 0.7, words, same);
    expect(both).toBe(10);
    expect(one).toBeLessThan(both);
    const rare = (w: { word: string }): number => (w.word === 'scoreboard' ? 5 : 1);
    expect(coveredScore(evidence([10], ['operator']), 0.7, words, rare)).toBeLessThan(one);
  });

  it('leaves a one-word text and an interest (no words given) as they are', () => {
    expect(coveredScore(evidence([10, 10], ['welder']), 0.5, [{ word: 'welder' }], same)).toBe(15);
    expect(coveredScore(evidence([10], ['music']), 0.5, undefined, same)).toBe(10);
  });

  it('puts a welding machine operator in Manufacturing, and a fiscal officer before a plain officer', () => {
    expect(clusters('welding machine operator')[0]).toBe('manufacturing');
    expect(clusters('Fiscal Officer')[0]).toBe('government');
  });
});

describe('a title that says little', () => {
  it('"hello there" is not a job: no clusters', () => {
    expect(matcher.match('hello there', 3).clusters).toEqual([]);
  });

  it('an interest is scored as before, not read as a title', () => {
    for (const c of matcher.match('I like gizmos and music', 3, { interest: true }).clusters) expect(c.score).toBeGreaterThan(0);
  });
});

describe('"-person" titles', () => {
  it('places a "... person" or "...person" title we know nothing else about, like a "...man" one', () => {
    expect(clusters('Vault Person')).toContain('manufacturing');
    expect(clusters('Bellperson')).toContain('manufacturing');
  });
});
