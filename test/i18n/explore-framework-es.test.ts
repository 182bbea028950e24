/**
 * Every Career Path, Cluster and Pathway of the Missouri framework has Spanish words in
 * data/es/frameworks/missouri.json, and framework-words says them (with the official English name
 * beside ours) in a Spanish turn and the official English alone in an English one.
 */
import { readFileSync } from 'node:fs';
import { parseFramework } from '../../src/domain/parse-framework.js';
import { exampleJobs, frameworkDescription, frameworkName, pathNickname } from '../../src/i18n/framework-words.js';
import { withLanguage } from '../../src/i18n/language.js';

const EN_FILE = 'data/frameworks/missouri.json';
const ES_FILE = 'data/es/frameworks/missouri.json';
const fw = parseFramework(JSON.parse(readFileSync(EN_FILE, 'utf8')), EN_FILE);

interface Entry {
  name?: string;
  nickname?: string;
  description?: string;
  exampleOccupations?: string[];
}
const es = JSON.parse(readFileSync(ES_FILE, 'utf8')) as Record<'path' | 'cluster' | 'pathway', Record<string, Entry>>;

const filled = (s: string | undefined) => typeof s === 'string' && s.trim().length > 0;
const pathways = fw.clusters.flatMap((c) => c.pathways);

describe('the Spanish Missouri framework', () => {
  test('has all 6 paths, 16 clusters and every pathway, and nothing else', () => {
    expect(Object.keys(es.path).sort()).toEqual(fw.paths.map((p) => p.id).sort());
    expect(Object.keys(es.cluster).sort()).toEqual(fw.clusters.map((c) => c.id).sort());
    expect(Object.keys(es.pathway).sort()).toEqual(pathways.map((p) => p.id).sort());
    expect(fw.paths).toHaveLength(6);
    expect(fw.clusters).toHaveLength(16);
  });

  test.each(fw.paths.map((p) => [p.id]))('path %s has a Spanish name, nickname and description', (id) => {
    expect(filled(es.path[id]?.name)).toBe(true);
    expect(filled(es.path[id]?.nickname)).toBe(true);
    expect(filled(es.path[id]?.description)).toBe(true);
  });

  test.each(fw.clusters.map((c) => [c.id]))('cluster %s has a Spanish name and description', (id) => {
    expect(filled(es.cluster[id]?.name)).toBe(true);
    expect(filled(es.cluster[id]?.description)).toBe(true);
  });

  test.each(pathways.map((p) => [p.id, p.exampleOccupations.length]))(
    'pathway %s has a Spanish name, description and example jobs',
    (id, count) => {
      const entry = es.pathway[id]!;
      expect(filled(entry?.name)).toBe(true);
      expect(filled(entry?.description)).toBe(true);
      expect(entry.exampleOccupations?.every(filled)).toBe(true);
      expect(entry.exampleOccupations).toHaveLength(count);
    },
  );

  test('descriptions end like sentences', () => {
    const all = [...Object.values(es.path), ...Object.values(es.cluster), ...Object.values(es.pathway)];
    for (const e of all) expect(e.description).toMatch(/\.$/);
  });
});

describe('framework words in a turn', () => {
  test('Spanish: our name with the official one beside it, our nickname, description and jobs', () => {
    withLanguage('es', () => {
      expect(frameworkName('cluster', 'health-science', 'Health Science')).toBe('Ciencias de la Salud (Health Science)');
      expect(pathNickname('natural-resources-agriculture', 'Nature Path')).toBe('Trayectoria de la Naturaleza');
      expect(frameworkDescription('pathway', 'agriculture.animal-systems', 'x')).toMatch(/^Criar, alimentar/);
      expect(exampleJobs('agriculture.animal-systems', ['Veterinarian'])[0]).toBe('Veterinario');
    });
  });

  test('English: the official words unchanged', () => {
    expect(frameworkName('cluster', 'health-science', 'Health Science')).toBe('Health Science');
    expect(pathNickname('natural-resources-agriculture', 'Nature Path')).toBe('Nature Path');
  });
});
