/** The built-in occupation index (data/occupations.json and its parts) meets what the product promises. */
import { loadFramework } from '../../src/data-files/load-framework.js';
import { OCCUPATION_INDEX_FILE, loadAmbiguousWords, loadBuiltInOccupations, occupationParts } from '../../src/data-files/load-occupations.js';
import { EDUCATION_LEVELS, type Occupation } from '../../src/domain/occupations/occupation-types.js';
import path from 'node:path';

let occupations: Occupation[];
let pathwayIds: string[];
let clusterIds: string[];

beforeAll(async () => {
  const { framework } = await loadFramework();
  clusterIds = framework.clusters.map((c) => c.id);
  pathwayIds = framework.clusters.flatMap((c) => c.pathways.map((p) => p.id));
  occupations = await loadBuiltInOccupations();
});

describe('the built-in occupation index', () => {
  it('is data/occupations.json, with one part per Career Cluster', async () => {
    expect(path.relative(process.cwd(), OCCUPATION_INDEX_FILE)).toBe(path.join('data', 'occupations.json'));
    const parts = (await occupationParts()).map((p) => path.basename(p, '.json')).sort();
    expect(parts).toEqual([...clusterIds].sort());
  });

  it('has at least 600 occupations and at least 8 whose best fit is each pathway', () => {
    expect(occupations.length).toBeGreaterThanOrEqual(600);
    const bestFit = new Map(pathwayIds.map((p) => [p, 0]));
    for (const o of occupations) bestFit.set(o.pathwayIds[0]!, (bestFit.get(o.pathwayIds[0]!) ?? 0) + 1);
    const short = [...bestFit].filter(([, n]) => n < 8);
    expect(short).toEqual([]);
  });

  it('gives every occupation known pathways, other names, student words, a one-line description and an education level', () => {
    const known = new Set(pathwayIds);
    const problems: string[] = [];
    for (const o of occupations) {
      if (o.pathwayIds.length === 0 || o.pathwayIds.some((p) => !known.has(p))) problems.push(`${o.id}: pathways ${o.pathwayIds.join(', ')}`);
      if (o.otherNames.length < 1) problems.push(`${o.id}: no other names`);
      if (o.studentWords.length < 1) problems.push(`${o.id}: no student words`);
      const d = o.description.trim();
      if (d.length < 20 || d.length > 200 || /\n/.test(d) || !/[.!]$/.test(d)) problems.push(`${o.id}: description "${d}"`);
      if (!EDUCATION_LEVELS.includes(o.education)) problems.push(`${o.id}: education ${o.education}`);
    }
    expect(problems).toEqual([]);
  });

  it('offers only occupations that exist for the words that name a family of jobs', async () => {
    const words = await loadAmbiguousWords();
    expect(Object.keys(words)).toEqual(expect.arrayContaining(['doctor', 'engineer', 'teacher', 'nurse']));
    const ids = new Set(occupations.map((o) => o.id));
    const unknown = Object.entries(words).flatMap(([w, list]) => list.filter((id) => !ids.has(id)).map((id) => `${w}: ${id}`));
    expect(unknown).toEqual([]);
  });

  it('knows the words students use for common jobs', () => {
    const wordsOf = (id: string): string[] => {
      const o = occupations.find((x) => x.id === id);
      return o === undefined ? [] : [...o.otherNames, ...o.studentWords].map((w) => w.toLowerCase());
    };
    const said = (word: string): boolean => occupations.some((o) => [o.title, ...o.otherNames, ...o.studentWords].some((w) => w.toLowerCase() === word));
    expect(wordsOf('veterinarian')).toContain('vet');
    for (const word of ['vet', 'cop', 'rn', 'coder', 'youtuber']) expect({ word, found: said(word) }).toEqual({ word, found: true });
  });
});
