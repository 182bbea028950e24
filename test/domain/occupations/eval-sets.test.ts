/** The honest eval sets: unseen titles, O*NET alternate titles split into tuning and held-out halves. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  alternateTitleSets,
  halfOfSoc,
  isSeenTitle,
  sampleCases,
  seenNameKeys,
  splitSeen,
  stableHash,
} from '../../../src/domain/occupations/eval-sets.js';
import type { Occupation } from '../../../src/domain/occupations/occupation-types.js';
import { phraseKey } from '../../../src/domain/occupations/normalise-text.js';

const occ = (over: Partial<Occupation>): Occupation => ({
  id: 'x', title: 'X', soc: '00-0000', pathwayIds: ['stem.science-and-math'], otherNames: [], studentWords: [],
  description: 'Does x.', education: 'bachelor', ...over,
} as Occupation);

const OCCUPATIONS = [
  occ({ id: 'police-officer', title: 'Police Officer', otherNames: ['patrol officer'], studentWords: ['cop'] }),
  occ({ id: 'welder', title: 'Welder', otherNames: ['MIG welder'], studentWords: ['welding'] }),
];
const keys = seenNameKeys(OCCUPATIONS);

describe('seen and unseen titles', () => {
  it('counts a title as seen when, normalised, it is one of our titles, other names or student words', () => {
    expect(isSeenTitle('Police Officers', keys)).toBe(true);
    expect(isSeenTitle('officer, patrol', keys)).toBe(true);
    expect(isSeenTitle('COP', keys)).toBe(true);
    expect(isSeenTitle('MIG Welders', keys)).toBe(true);
  });

  it('counts a title as unseen when it only shares some words with our names', () => {
    expect(isSeenTitle('Police Sergeant', keys)).toBe(false);
    expect(isSeenTitle('TIG Welder', keys)).toBe(false);
    expect(isSeenTitle('', keys)).toBe(false);
  });

  it('splits cases into seen and unseen, keeping their order', () => {
    const cases = [{ title: 'Welder' }, { title: 'Pipe Welder' }, { title: 'cop' }, { title: 'Detective' }];
    expect(splitSeen(cases, keys)).toEqual({ seen: [{ title: 'Welder' }, { title: 'cop' }], unseen: [{ title: 'Pipe Welder' }, { title: 'Detective' }] });
  });
});

describe('the tuning and held-out halves', () => {
  it('puts every O*NET variant of one SOC occupation in the same half, the same way every time', () => {
    expect(halfOfSoc('29-1141.01')).toBe(halfOfSoc('29-1141.00'));
    expect(halfOfSoc('29-1141.00')).toBe(halfOfSoc('29-1141.00'));
    expect(stableHash('29-1141')).toBe(stableHash('29-1141'));
  });

  it('splits many codes roughly in half', () => {
    const codes = Array.from({ length: 400 }, (_, i) => `${10 + (i % 45)}-${String(1000 + i * 7).padStart(4, '0')}.00`);
    const tuning = codes.filter((c) => halfOfSoc(c) === 'tuning').length;
    expect(tuning).toBeGreaterThan(150);
    expect(tuning).toBeLessThan(250);
  });

  it('builds one case per unseen title with every cluster O*NET gives its codes', () => {
    const sets = alternateTitleSets(
      [
        { code: '51-4121.00', title: 'Pipe Welder' },
        { code: '51-4121.00', title: 'Welders' }, // one of our names
        { code: '47-2211.00', title: 'pipe welder' }, // the same title from another code
        { code: '99-9999.00', title: 'Mystery Maker' }, // no cluster
        { code: '19-4044.00', title: 'Hydrologic Aide' },
      ],
      [
        { code: '51-4121.00', clusters: 'Manufacturing' },
        { code: '47-2211.00', clusters: 'Architecture & Construction' },
        { code: '19-4044.00', clusters: 'Agriculture, Food & Natural Resources; Science, Technology, Engineering & Mathematics' },
      ],
      keys,
    );
    expect(sets.seen).toBe(1);
    expect(sets.noCluster).toBe(1);
    const all = [...sets.tuning, ...sets.heldOut];
    expect(all).toHaveLength(2);
    expect(all.find((c) => c.title === 'Pipe Welder')).toEqual({
      title: 'Pipe Welder', expectedClusters: ['Manufacturing', 'Architecture & Construction'], onetSoc: '47-2211.00',
    });
    expect(all.find((c) => c.title === 'Hydrologic Aide')?.expectedClusters).toEqual([
      'Agriculture, Food & Natural Resources', 'Science, Technology, Engineering & Mathematics',
    ]);
    for (const c of sets.tuning) expect(halfOfSoc(c.onetSoc!)).toBe('tuning');
    for (const c of sets.heldOut) expect(halfOfSoc(c.onetSoc!)).toBe('held-out');
  });

  it('keeps only the titles from the asked-for source, and leaves out titles already looked at', () => {
    const sets = alternateTitleSets(
      [
        { code: '51-4121.00', title: 'Pipe Welder', sources: ['02', '10'] }, // reported by workers
        { code: '51-4121.00', title: 'Tack Welder', sources: ['08'] }, // from an old title list
        { code: '51-4121.00', title: 'Seam Welder' }, // no source read
        { code: '51-4121.00', title: 'Spot Welder', sources: ['02'] }, // reported, but in the public sample
      ],
      [{ code: '51-4121.00', clusters: 'Manufacturing' }],
      keys,
      { source: '02', leaveOut: new Set([phraseKey('spot welders')]) },
    );
    expect([...sets.tuning, ...sets.heldOut].map((c) => c.title)).toEqual(['Pipe Welder']);
    expect(sets.filtered).toBe(3);
  });

  it('samples the same cases for the same seed, and all of them when asked for more', () => {
    const list = Array.from({ length: 100 }, (_, i) => i);
    const a = sampleCases(list, 10, 7);
    expect(a).toHaveLength(10);
    expect(new Set(a).size).toBe(10);
    expect(sampleCases(list, 10, 7)).toEqual(a);
    expect(sampleCases(list, 10, 8)).not.toEqual(a);
    expect(sampleCases(list, 500, 7)).toEqual(list);
  });
});

const ONET_DIR = path.resolve('../shared/data/onet');
const haveOnet = existsSync(path.join(ONET_DIR, 'Alternate Titles.txt')) && existsSync(path.join(ONET_DIR, 'career_clusters_onetonline.csv'));
if (!haveOnet) console.warn(`Skipping the O*NET alternate-title sets test: ${ONET_DIR} has no "Alternate Titles.txt" and career_clusters_onetonline.csv.`);

(haveOnet ? describe : describe.skip)('alternate-title sets from the real O*NET files (../shared/data/onet)', () => {
  it('keeps only unseen titles, every expected cluster is one of ours, and no SOC occupation is in both halves', async () => {
    const { readClusterCsv, readTabSeparated } = await import('../../../src/data-files/import-onet.js');
    const { loadFramework } = await import('../../../src/data-files/load-framework.js');
    const { loadBuiltInOccupations } = await import('../../../src/data-files/load-occupations.js');
    const { clusterForOnetName } = await import('../../../src/domain/occupations/onet-names.js');
    const code = 'O*NET-SOC Code';
    const [alt, clusters, { framework }, occupations] = await Promise.all([
      readTabSeparated(path.join(ONET_DIR, 'Alternate Titles.txt'), [code, 'Alternate Title']),
      readClusterCsv(path.join(ONET_DIR, 'career_clusters_onetonline.csv')),
      loadFramework(),
      loadBuiltInOccupations(),
    ]);
    const ourKeys = seenNameKeys(occupations);
    const sets = alternateTitleSets(
      alt.map((r) => ({ code: r[code]!, title: r['Alternate Title']! })),
      clusters.map((r) => ({ code: r.Code!, clusters: r['Career Cluster'] ?? '' })),
      ourKeys,
    );
    expect(sets.tuning.length).toBeGreaterThan(5000);
    expect(sets.heldOut.length).toBeGreaterThan(5000);
    const socs = (list: typeof sets.tuning): Set<string> => new Set(list.map((c) => c.onetSoc!.split('.')[0]!));
    const tuningSocs = socs(sets.tuning);
    for (const soc of socs(sets.heldOut)) expect(tuningSocs.has(soc)).toBe(false);
    for (const c of [...sets.tuning, ...sets.heldOut]) {
      expect(isSeenTitle(c.title, ourKeys)).toBe(false);
      for (const name of c.expectedClusters) expect(clusterForOnetName(name, framework)).toBeDefined();
    }
  });
});
