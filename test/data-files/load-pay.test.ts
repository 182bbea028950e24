import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadBuiltInOccupations } from '../../src/data-files/load-occupations.js';
import { PAY_FILE, loadPay } from '../../src/data-files/load-pay.js';
import { DataFileError } from '../../src/data-files/read-json-file.js';
import { typicalPay, type PayTable } from '../../src/domain/occupations/typical-pay.js';
import type { Occupation } from '../../src/domain/occupations/occupation-types.js';

/** SOC codes the BLS wage survey does not cover: the armed forces, and fishers (mostly self-employed). */
const NOT_SURVEYED = (soc: string): boolean => soc.startsWith('55-') || soc === '45-3031';

describe('data/pay.json', () => {
  let pay: PayTable;
  let occupations: Occupation[];
  beforeAll(async () => {
    [pay, occupations] = await Promise.all([loadPay(), loadBuiltInOccupations()]);
  });

  it('is data/pay.json and names the BLS table it comes from', () => {
    expect(path.relative(process.cwd(), PAY_FILE)).toBe(path.join('data', 'pay.json'));
    expect(pay.source).toMatch(/Bureau of Labor Statistics.*May 2023/);
  });

  it('has pay for at least 97% of our occupations, and lacks it only where the BLS does not survey', () => {
    const without = occupations.filter((o) => pay.bySoc[o.soc] === undefined);
    const named = (list: Occupation[]): string[] => list.map((o) => `${o.id} (${o.soc})`);
    // On failure the list shows which occupations have no pay.
    expect(without.length / occupations.length <= 0.03 ? [] : named(without)).toEqual([]);
    expect(named(without.filter((o) => !NOT_SURVEYED(o.soc)))).toEqual([]);
  });

  it("tells a student a veterinarian's typical pay in plain words", () => {
    const vet = occupations.find((o) => o.id === 'veterinarian')!;
    expect(typicalPay(pay, vet.soc)).toBe('about $95,000–$155,000 a year; half earn more than $119,000');
    const actor = occupations.find((o) => o.id === 'actor')!;
    expect(typicalPay(pay, actor.soc)).toBe('half earn more than $20.50 an hour');
  });
});

describe('loading a damaged pay file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'pay-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const vet = { title: 'Veterinarians', annual: { p10: 72_360, p25: 94_860, median: 119_100, p75: 155_230, p90: 201_440 }, hourly: { median: 57.26 }, topCoded: [] };
  const write = async (content: unknown): Promise<string> => {
    const file = path.join(dir, 'pay.json');
    await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };

  it('names the file and the field of a wage that is not a number', async () => {
    const file = await write({ source: 'BLS', bySoc: { '29-1131': { ...vet, annual: { ...vet.annual, median: 'lots' } } } });
    await expect(loadPay(file)).rejects.toThrow(DataFileError);
    await expect(loadPay(file)).rejects.toThrow(/pay\.json: \$\.bySoc\.29-1131\.annual\.median Expected number, received string/);
  });

  it('names the file and the field of a bad SOC code, top-coded name or missing field', async () => {
    await expect(loadPay(await write({ source: 'BLS', bySoc: { '29-113': vet } }))).rejects.toThrow(/pay\.json: \$\.bySoc\.29-113 must be a SOC code/);
    await expect(loadPay(await write({ source: 'BLS', bySoc: { '29-1131': { ...vet, topCoded: ['annual.p99'] } } })))
      .rejects.toThrow(/pay\.json: \$\.bySoc\.29-1131\.topCoded\[0\]/);
    const { hourly: _hourly, ...noHourly } = vet;
    await expect(loadPay(await write({ source: 'BLS', bySoc: { '29-1131': noHourly } }))).rejects.toThrow(/pay\.json: \$\.bySoc\.29-1131\.hourly Required/);
  });

  it('names the file when it is not JSON or not there', async () => {
    await expect(loadPay(await write('{ "source": '))).rejects.toThrow(/pay\.json: is not valid JSON/);
    await expect(loadPay(path.join(dir, 'gone.json'))).rejects.toThrow(/gone\.json: cannot be read \(ENOENT\)/);
  });
});
