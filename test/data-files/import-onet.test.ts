import { mkdtemp, readFile, writeFile, mkdir, copyFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadFramework } from '../../src/data-files/load-framework.js';
import { importOnet, writeOnetIndex, ONET_FILES } from '../../src/data-files/import-onet.js';
import { loadOnetIndex } from '../../src/data-files/load-occupations.js';
import { DataFileError } from '../../src/data-files/read-json-file.js';
import type { Framework } from '../../src/domain/framework-types.js';

const FIXTURE = path.resolve('test/fixtures/onet');
const REAL = path.resolve('../shared/data/onet');
const NOW = '2025-01-01T00:00:00.000Z';

let framework: Framework;
beforeAll(async () => {
  framework = (await loadFramework()).framework;
});

describe('O*NET importer on a small invented fixture', () => {
  it('reads titles, alternate titles, interests and job zones and places them in our clusters and pathways', async () => {
    const { index, unmatchedClusters } = await importOnet({ dir: FIXTURE, clustersCsv: path.join(FIXTURE, 'clusters.csv'), framework, now: NOW });
    expect(index.generatedAt).toBe(NOW);
    expect(index.attribution).toMatch(/CC BY 4\.0/);
    const moon = index.occupations.find((o) => o.code === '99-0001.00')!;
    expect(moon.title).toBe('Moon Gardeners');
    expect(moon.alternateTitles).toEqual(expect.arrayContaining(['Lunar Plant Tender', 'Moon Tender', 'Night Greenhouse Hand']));
    expect(moon.clusterIds).toEqual(['agriculture']);
    expect(moon.pathwayIds).toEqual(['agriculture.plant-systems']);
    expect(moon.education).toBe('high-school');
    expect(moon.topInterests).toEqual(['realistic', 'investigative', 'social']);

    const robot = index.occupations.find((o) => o.code === '99-0002.00')!;
    expect(robot.clusterIds).toEqual(['manufacturing', 'stem']);
    expect(robot.pathwayIds).toEqual(['manufacturing.maintenance-installation-and-repair', 'stem.science-and-math']);
    expect(robot.education).toBe('bachelor');

    const cloud = index.occupations.find((o) => o.code === '99-0003.00')!;
    expect(cloud.clusterIds).toEqual([]);
    expect(cloud.education).toBeUndefined();
    expect(unmatchedClusters).toEqual(['Imaginary Cluster']);
  });

  it('writes an index the loader reads back', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'onet-'));
    try {
      const { index } = await importOnet({ dir: FIXTURE, clustersCsv: path.join(FIXTURE, 'clusters.csv'), framework, now: NOW });
      const out = path.join(dir, 'generated', 'onet-index.json');
      await writeOnetIndex(index, out);
      expect(await loadOnetIndex(out)).toEqual(JSON.parse(await readFile(out, 'utf8')));
      expect((await loadOnetIndex(out))!.occupations).toHaveLength(3);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('names the missing file when one of the O*NET files is not in the folder', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'onet-'));
    try {
      for (const f of [ONET_FILES.occupations, ONET_FILES.alternateTitles, ONET_FILES.interests]) {
        await copyFile(path.join(FIXTURE, f), path.join(dir, f));
      }
      const run = importOnet({ dir, clustersCsv: path.join(FIXTURE, 'clusters.csv'), framework, now: NOW });
      await expect(run).rejects.toThrow(DataFileError);
      await expect(run).rejects.toThrow(/Job Zones\.txt: is missing/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('names the file and the column when a column is missing', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'onet-'));
    try {
      await mkdir(dir, { recursive: true });
      for (const f of Object.values(ONET_FILES)) await copyFile(path.join(FIXTURE, f), path.join(dir, f));
      await writeFile(path.join(dir, ONET_FILES.jobZones), 'O*NET-SOC Code\tTitle\tZone\n99-0001.00\tMoon Gardeners\t2\n');
      await expect(importOnet({ dir, clustersCsv: path.join(FIXTURE, 'clusters.csv'), framework, now: NOW })).rejects.toThrow(
        /Job Zones\.txt: has no column "Job Zone"/,
      );
      await copyFile(path.join(FIXTURE, ONET_FILES.jobZones), path.join(dir, ONET_FILES.jobZones));
      const csv = path.join(dir, 'clusters.csv');
      await writeFile(csv, 'Cluster,Code\nFinance,99-0001.00\n');
      await expect(importOnet({ dir, clustersCsv: csv, framework, now: NOW })).rejects.toThrow(/clusters\.csv: has no column "Career Cluster"/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

const haveReal = existsSync(path.join(REAL, ONET_FILES.occupations)) && existsSync(path.join(REAL, 'career_clusters_onetonline.csv'));
if (!haveReal) console.warn(`Skipping the O*NET import test on real files: ${REAL} is not there.`);
(haveReal ? describe : describe.skip)('O*NET importer on the real O*NET files (../shared/data/onet)', () => {
  it('imports every occupation and maps every O*NET career cluster to one of ours', async () => {
    const { index, unmatchedClusters, unmatchedPathways } = await importOnet({
      dir: REAL, clustersCsv: path.join(REAL, 'career_clusters_onetonline.csv'), framework, now: NOW,
    });
    expect(index.occupations.length).toBeGreaterThan(900);
    expect(unmatchedClusters).toEqual([]);
    expect(unmatchedPathways).toEqual([]);
    const placed = index.occupations.filter((o) => o.clusterIds.length > 0);
    expect(placed.length / index.occupations.length).toBeGreaterThan(0.95);
    const withZone = index.occupations.filter((o) => o.education !== undefined);
    expect(withZone.length / index.occupations.length).toBeGreaterThan(0.85);
    expect(index.occupations.every((o) => o.topInterests.length <= 3)).toBe(true);
    expect(index.source).toMatch(/O\*NET/);
  });
});
