import { readFileSync } from 'node:fs';
import { parseFramework } from '../../src/domain/parse-framework.js';
import { FrameworkIndex, nameKey, type FrameworkEntry } from '../../src/domain/framework-index.js';

const MISSOURI_FILE = 'data/frameworks/missouri.json';
const index = new FrameworkIndex(parseFramework(JSON.parse(readFileSync(MISSOURI_FILE, 'utf8')), MISSOURI_FILE));

/** "path:health-services" style label for an entry, to keep expectations short. */
function label(entry: FrameworkEntry | undefined): string | undefined {
  if (entry === undefined) return undefined;
  if (entry.kind === 'path') return `path:${entry.path.id}`;
  if (entry.kind === 'cluster') return `cluster:${entry.cluster.id}`;
  return `pathway:${entry.pathway.id}`;
}

describe('looking things up by id', () => {
  test('finds a path, a cluster, a pathway and an essential topic by id', () => {
    expect(index.path('health-services')?.name).toBe('Health Services');
    expect(index.cluster('stem')?.name).toBe('Science, Technology, Engineering and Mathematics');
    expect(index.pathway('agriculture.animal-systems')?.name).toBe('Animal Systems');
    expect(index.essentialTopic('ethics-legal')?.name).toBe('Ethics and Legal Responsibilities');
  });

  test('an unknown id finds nothing instead of guessing', () => {
    expect(index.path('stem')).toBeUndefined();
    expect(index.cluster('Health Science')).toBeUndefined();
    expect(index.pathway('agriculture')).toBeUndefined();
    expect(index.clusterOfPathway('nope.nope')).toBeUndefined();
    expect(index.pathOfCluster('nope')).toBeUndefined();
    expect(index.clustersOfPath('nope')).toEqual([]);
  });

  test('a pathway knows its cluster and a cluster knows its path', () => {
    expect(index.clusterOfPathway('health-science.therapeutic-services')?.id).toBe('health-science');
    expect(
      index.clusterOfPathway('transportation.transportation-systems-and-infrastructure-planning-management-and-regulation')
        ?.name,
    ).toBe('Transportation, Distribution and Logistics');
    expect(index.pathOfCluster('stem')?.nickname).toBe('Building & Fixing Path');
    expect(index.pathOfCluster('human-services')?.id).toBe('human-services');
  });

  test("a path's clusters come back in the path's own order", () => {
    expect(index.clustersOfPath('business-management-technology').map((c) => c.name)).toEqual([
      'Information Technology',
      'Business Management and Administration',
      'Marketing',
      'Finance',
    ]);
    expect(index.clustersOfPath('natural-resources-agriculture').map((c) => c.id)).toEqual(['agriculture']);
  });

  test('every pathway and cluster links back to where it is listed', () => {
    expect(index.pathways).toHaveLength(78);
    for (const cluster of index.clusters) {
      expect(index.pathOfCluster(cluster.id)?.id).toBe(cluster.pathId);
      for (const pathway of cluster.pathways) expect(index.clusterOfPathway(pathway.id)).toBe(cluster);
    }
    const fromPaths = index.paths.flatMap((p) => index.clustersOfPath(p.id).map((c) => c.id));
    expect([...fromPaths].sort()).toEqual(index.clusters.map((c) => c.id).sort());
  });
});

describe('finding what a student typed', () => {
  test('an exact name works in any letter case and with extra spaces', () => {
    expect(label(index.findByName('health science'))).toBe('cluster:health-science');
    expect(label(index.findByName('  MANUFACTURING '))).toBe('cluster:manufacturing');
    expect(label(index.findByName('animal systems'))).toBe('pathway:agriculture.animal-systems');
    expect(
      label(index.findByName('transportation systems and infrastructure planning, management and regulation')),
    ).toBe('pathway:transportation.transportation-systems-and-infrastructure-planning-management-and-regulation');
  });

  test('"&" and "and" mean the same', () => {
    expect(label(index.findByName('Arts and Communication'))).toBe('path:arts-communication');
    expect(label(index.findByName('natural resources & agriculture'))).toBe('path:natural-resources-agriculture');
    expect(nameKey('Building & Fixing')).toBe(nameKey('building and  fixing'));
  });

  test('a nickname works with or without the word "Path"', () => {
    expect(label(index.findByName('Creative Path'))).toBe('path:arts-communication');
    expect(label(index.findByName('creative'))).toBe('path:arts-communication');
    expect(label(index.findByName('building and fixing'))).toBe('path:industrial-engineering-technology');
    expect(label(index.findByName('Nature'))).toBe('path:natural-resources-agriculture');
  });

  test('an id works too', () => {
    expect(label(index.findByName('stem'))).toBe('cluster:stem');
    expect(label(index.findByName('Finance.Insurance'))).toBe('pathway:finance.insurance');
  });

  test('"Human Services" is both a path and a cluster: both are found, and a kind picks one', () => {
    expect(index.findAllByName('human services').map(label)).toEqual([
      'path:human-services',
      'cluster:human-services',
    ]);
    expect(label(index.findByName('Human Services'))).toBe('path:human-services');
    expect(label(index.findByName('Human Services', 'cluster'))).toBe('cluster:human-services');
    expect(index.findByName('Human Services', 'pathway')).toBeUndefined();
  });

  test('only whole names match: part of a name or an unknown word finds nothing', () => {
    expect(index.findByName('Science')).toBeUndefined();
    expect(index.findByName('astronaut')).toBeUndefined();
    expect(index.findByName('')).toBeUndefined();
    expect(index.findAllByName('   ')).toEqual([]);
  });

  test('every Missouri pathway can be found by its own name', () => {
    for (const pathway of index.pathways) {
      expect(label(index.findByName(pathway.name, 'pathway'))).toBe(`pathway:${pathway.id}`);
    }
  });
});
