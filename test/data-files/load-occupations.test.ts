import { mkdtemp, writeFile, rm, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadBuiltInOccupations, loadOccupationData, loadPathwayKeywords, loadTitleWords } from '../../src/data-files/load-occupations.js';
import { DataFileError } from '../../src/data-files/read-json-file.js';

const FIXTURES = path.resolve('test/domain/occupations/fixture-occupations.json');
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'occupations-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes the part files into dir/occupations/ and an index dir/occupations.json listing them. */
async function writeIndex(parts: Record<string, unknown>): Promise<string> {
  await mkdir(path.join(dir, 'occupations'), { recursive: true });
  for (const [name, content] of Object.entries(parts)) {
    await writeFile(path.join(dir, 'occupations', name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  const index = path.join(dir, 'occupations.json');
  await writeFile(index, JSON.stringify({ parts: Object.keys(parts).map((n) => `occupations/${n}`) }));
  return index;
}

const occ = (over: Record<string, unknown> = {}) => ({
  id: 'baker', title: 'Baker', soc: '51-3011', pathwayIds: ['hospitality-tourism.restaurants-and-food-and-beverage-services'],
  otherNames: ['bread maker', 'pastry baker'], studentWords: ['baking', 'cakes'],
  description: 'Mixes and bakes bread, cakes and treats.', education: 'high-school', ...over,
});

describe('loading the built-in occupation index', () => {
  it('reads every part file the index lists', async () => {
    const all = await loadBuiltInOccupations(FIXTURES);
    expect(all.length).toBeGreaterThan(15);
    expect(all.find((o) => o.id === 'veterinarian')?.studentWords).toContain('vet');
  });

  it('names the file and the JSON path of a bad education value', async () => {
    const index = await writeIndex({ 'hospitality-tourism.json': { clusterId: 'hospitality-tourism', occupations: [occ(), occ({ id: 'cook', education: 'college' })] } });
    const load = loadBuiltInOccupations(index);
    await expect(load).rejects.toThrow(DataFileError);
    await expect(load).rejects.toThrow(/hospitality-tourism\.json: \$\.occupations\[1\]\.education/);
  });

  it('names the file and the JSON path of a missing or malformed SOC code', async () => {
    const { soc: _soc, ...noSoc } = occ();
    const index = await writeIndex({ 'hospitality-tourism.json': { clusterId: 'hospitality-tourism', occupations: [occ(), occ({ id: 'cook', soc: '35-2014.00' }), noSoc] } });
    await expect(loadBuiltInOccupations(index)).rejects.toThrow(/hospitality-tourism\.json: \$\.occupations\[1\]\.soc must be a SOC code/);
    await writeFile(index.replace('occupations.json', 'occupations/hospitality-tourism.json'), JSON.stringify({ clusterId: 'hospitality-tourism', occupations: [noSoc] }));
    await expect(loadBuiltInOccupations(index)).rejects.toThrow(/hospitality-tourism\.json: \$\.occupations\[0\]\.soc Required/);
  });

  it('names the file of a broken JSON file', async () => {
    const index = await writeIndex({ 'finance.json': '{ "clusterId": "finance", ' });
    await expect(loadBuiltInOccupations(index)).rejects.toThrow(/finance\.json: is not valid JSON/);
  });

  it('refuses the same occupation id in two files', async () => {
    const index = await writeIndex({
      'a.json': { clusterId: 'hospitality-tourism', occupations: [occ()] },
      'b.json': { clusterId: 'manufacturing', occupations: [occ()] },
    });
    await expect(loadBuiltInOccupations(index)).rejects.toThrow(/b\.json: \$\.occupations\[0\]\.id "baker" is already used in a\.json/);
  });

  it('refuses a part file in the folder that the index does not list, naming it', async () => {
    const index = await writeIndex({ 'a.json': { clusterId: 'hospitality-tourism', occupations: [occ()] } });
    await writeFile(path.join(dir, 'occupations', 'stray.json'), JSON.stringify({ clusterId: 'finance', occupations: [] }));
    await expect(loadBuiltInOccupations(index)).rejects.toThrow(/occupations\.json: \$\.parts does not list occupations\/stray\.json/);
  });

  it('names the index when a listed part is missing', async () => {
    const index = await writeIndex({ 'a.json': { clusterId: 'hospitality-tourism', occupations: [occ()] } });
    await writeFile(index, JSON.stringify({ parts: ['occupations/a.json', 'occupations/gone.json'] }));
    await expect(loadBuiltInOccupations(index)).rejects.toThrow(/gone\.json: cannot be read \(ENOENT\)/);
  });

  it('treats a missing index as no occupations yet, and a missing O*NET index as none', async () => {
    const data = await loadOccupationData({
      occupationIndex: path.join(dir, 'nothing-here.json'), keywordsFile: path.join(dir, 'none.json'),
      interestItemsFile: false, onetFile: path.join(dir, 'generated', 'onet-index.json'),
    });
    expect(data.occupations).toEqual([]);
    expect(data.onet).toBeUndefined();
  });

  it('checks the pathway keyword file and the O*NET index when they are there', async () => {
    await writeFile(path.join(dir, 'kw.json'), JSON.stringify({ 'stem.science-and-math': { keywords: ['chemist'], interests: [''] } }));
    await expect(loadPathwayKeywords(path.join(dir, 'kw.json'))).rejects.toThrow(/kw\.json: \$\.stem\.science-and-math\.interests\[0\]/);
    await mkdir(path.join(dir, 'generated'));
    await writeFile(path.join(dir, 'generated', 'onet.json'), JSON.stringify({ source: 'x', attribution: 'y', generatedAt: 'z', occupations: [{}] }));
    await expect(loadOccupationData({ occupationIndex: path.join(dir, 'none.json'), interestItemsFile: false, onetFile: path.join(dir, 'generated', 'onet.json') }))
      .rejects.toThrow(/onet\.json: \$\.occupations\[0\]\.code/);
  });

  it('checks the title-word file, naming the file and the entry, and skips it when missing', async () => {
    const file = path.join(dir, 'title-words.json');
    await writeFile(file, JSON.stringify({ heads: { 'Tender Man': ['manufacturing.production'] } }));
    await expect(loadTitleWords(file)).rejects.toThrow(/title-words\.json: \$\.heads/);
    await writeFile(file, JSON.stringify({ heads: { tender: [] } }));
    await expect(loadTitleWords(file)).rejects.toThrow(/title-words\.json: \$\.heads\.tender/);
    await writeFile(file, JSON.stringify({ heads: { tender: ['manufacturing.production'] } }));
    expect(await loadTitleWords(file)).toEqual({ heads: { tender: ['manufacturing.production'] }, endings: {}, notDoers: [], wordParts: {}, abbreviations: {} });
    expect(await loadTitleWords(path.join(dir, 'none.json'))).toBeUndefined();
  });

  it('reads our own title words from data/', async () => {
    const words = await loadTitleWords();
    expect(words?.heads.inspector).toContain('manufacturing.quality-assurance');
    expect(words?.endings.er?.[0]).toBe('manufacturing.production');
    expect(words?.wordParts?.cardio).toContain('health-science.therapeutic-services');
    expect(words?.abbreviations?.tech).toBe('technician');
  });

  it('reads our own pathway keywords from data/', async () => {
    const keywords = await loadPathwayKeywords();
    expect(keywords['agriculture.animal-systems']?.keywords).toContain('veterinarian');
  });
});
