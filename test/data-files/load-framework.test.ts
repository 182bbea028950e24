import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_FRAMEWORK_FILE, loadFramework } from '../../src/data-files/load-framework.js';
import { DataFileError } from '../../src/data-files/read-json-file.js';

const TINY_FILE = 'test/fixtures/frameworks/tiny-state.json';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'waypoint-framework-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeTemp(name: string, content: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, content, 'utf8');
  return file;
}

test('with no file given, the Missouri framework loads', async () => {
  expect(path.relative(process.cwd(), DEFAULT_FRAMEWORK_FILE)).toBe(path.join('data', 'frameworks', 'missouri.json'));
  const index = await loadFramework();
  expect(index.framework.id).toBe('missouri');
  expect(index.paths).toHaveLength(6);
  expect(index.clusters).toHaveLength(16);
  expect(index.pathways).toHaveLength(78);
  expect(index.essentialTopics).toHaveLength(10);
  expect(index.cluster('law-public-safety')?.name).toBe('Law, Public Safety, Corrections and Security');
});

test("another state's framework file loads the same way, with no code changes", async () => {
  const index = await loadFramework(TINY_FILE);
  expect(index.framework.name).toBe('Tiny State Career Roads');
  expect(index.paths.map((p) => p.name)).toEqual(['Makers & Growers', 'People & Ideas']);
  expect(index.clusters).toHaveLength(3);
  expect(index.pathways).toHaveLength(5);
  expect(index.essentialTopics).toHaveLength(3);
  expect(index.clustersOfPath('makers-growers').map((c) => c.name)).toEqual(['Fields and Forests', 'Workshops and Factories']);
  expect(index.pathOfCluster('caring-teaching')?.nickname).toBe('People Road');
  const found = index.findByName('maker road');
  expect(found?.kind === 'path' && found.path.id).toBe('makers-growers');
});

test('a file that does not exist stops loading with a message naming it', async () => {
  const file = path.join(dir, 'no-such-state.json');
  await expect(loadFramework(file)).rejects.toThrow(new DataFileError(file, 'cannot be read (ENOENT)'));
});

test('a file that is not valid JSON names the file', async () => {
  const file = await writeTemp('half-written.json', '{ "id": "missouri", "paths": [');
  const err = await loadFramework(file).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(DataFileError);
  expect((err as Error).message).toMatch(new RegExp(`^${escapeRegExp(file)}: is not valid JSON`));
});

test('a broken framework file names the file and the JSON path of the problem', async () => {
  const json = JSON.parse(await readFile(TINY_FILE, 'utf8'));
  delete json.clusters[0].pathways[1].name;
  const file = await writeTemp('missing-name.json', JSON.stringify(json));
  await expect(loadFramework(file)).rejects.toThrow(`${file}: $.clusters[0].pathways[1].name is required`);
});

test('a framework file with an unknown cluster id names the file and the entry', async () => {
  const json = JSON.parse(await readFile(TINY_FILE, 'utf8'));
  json.paths[1].clusterIds = ['caring-teaching', 'moon-base'];
  const file = await writeTemp('unknown-cluster.json', JSON.stringify(json));
  await expect(loadFramework(file)).rejects.toThrow(
    `${file}: $.paths[1].clusterIds[1] "moon-base" is not the id of any cluster in $.clusters`,
  );
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
