import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadBuiltInOccupations } from '../../src/data-files/load-occupations.js';
import { PAY_FILE, loadPay } from '../../src/data-files/load-pay.js';
import {
  OEWS_SOURCE,
  buildPayTable,
  parseOewsCsv,
  payTableJson,
  readOewsCsv,
  writePayTable,
} from '../../src/data-files/read-oews.js';
import { DataFileError } from '../../src/data-files/read-json-file.js';

const HEADER = 'OCC_CODE,OCC_TITLE,O_GROUP,TOT_EMP,H_MEDIAN,A_PCT10,A_PCT25,A_MEDIAN,A_PCT75,A_PCT90,ANNUAL,HOURLY';
const CSV = [
  HEADER,
  '00-0000,All Occupations,total,"151,853,870",23.11,"29,050","35,660","48,060","76,980","121,470",,',
  '13-1020,Buyers and Purchasing Agents,broad,"477,980",34.59,"43,680","54,910","71,950","94,910","121,680",,',
  '13-1020,Buyers and Purchasing Agents,detailed,"477,980",34.59,"43,680","54,910","71,950","94,910","121,680",,',
  '25-2031,"Secondary School Teachers, Except Special and Career/Technical Education",detailed,"1,045,170",*,"48,040","54,290","65,220","83,340","106,380",TRUE,',
  '27-2011,Actors,detailed,"62,560",20.50,*,*,*,*,*,,TRUE',
  '29-1131,Veterinarians,detailed,"86,300",57.26,"72,360","94,860","119,100","155,230","201,440",,',
  '29-1249,"Surgeons, All Other",detailed,"26,370",#,"78,000","120,000",#,#,#,,',
].join('\n');
const FILE = 'national_M2023.csv';

describe('reading the BLS OEWS wage table', () => {
  const oews = parseOewsCsv(CSV, FILE);

  it('reads wages with thousands separators and the hourly median', () => {
    expect(oews.get('29-1131')).toEqual({
      title: 'Veterinarians',
      annual: { p10: 72_360, p25: 94_860, median: 119_100, p75: 155_230, p90: 201_440 },
      hourly: { median: 57.26 },
      topCoded: [],
    });
  });

  it('treats "*" as no estimate: teachers have no hourly figure, actors keep only their hourly figure', () => {
    expect(oews.get('25-2031')).toMatchObject({ hourly: null, annual: { median: 65_220 } });
    expect(oews.get('27-2011')).toEqual({ title: 'Actors', annual: null, hourly: { median: 20.5 }, topCoded: [] });
  });

  it('keeps "#" as the top figure OEWS publishes and records which figures were top-coded', () => {
    expect(oews.get('29-1249')).toEqual({
      title: 'Surgeons, All Other',
      annual: { p10: 78_000, p25: 120_000, median: 239_200, p75: 239_200, p90: 239_200 },
      hourly: { median: 115 },
      topCoded: ['annual.median', 'annual.p75', 'annual.p90', 'hourly.median'],
    });
  });

  it('reads a code published both as a broad and a detailed occupation once', () => {
    expect(oews.get('13-1020')?.annual?.median).toBe(71_950);
  });

  it('names the file, line and column of a cell that is not a wage', () => {
    const bad = CSV.replace('"119,100"', 'lots');
    expect(() => parseOewsCsv(bad, FILE)).toThrow(DataFileError);
    expect(() => parseOewsCsv(bad, FILE)).toThrow(/national_M2023\.csv line 7 A_MEDIAN: "lots" is not a wage/);
  });

  it('names a missing column and a code that appears twice at the same level', () => {
    expect(() => parseOewsCsv(CSV.replace('A_MEDIAN', 'MEDIAN'), FILE)).toThrow(/national_M2023\.csv: has no column "A_MEDIAN"/);
    const twice = `${CSV}\n29-1131,Veterinarians,detailed,1,2,3,4,5,6,7,,`;
    expect(() => parseOewsCsv(twice, FILE)).toThrow(/line 9: OCC_CODE 29-1131 appears twice/);
  });

  it('names a missing CSV file', async () => {
    await expect(readOewsCsv(path.join(os.tmpdir(), 'no-such-oews.csv'))).rejects.toThrow(/no-such-oews\.csv: is missing/);
  });
});

describe('building data/pay.json', () => {
  const oews = parseOewsCsv(CSV, FILE);

  it('keeps only the SOC codes asked for, in code order, and lists the ones with no figures', () => {
    const { table, missing } = buildPayTable(oews, ['29-1131', '27-2011', '55-1019', '29-1131']);
    expect(table.source).toBe(OEWS_SOURCE);
    expect(Object.keys(table.bySoc)).toEqual(['27-2011', '29-1131']);
    expect(missing).toEqual(['55-1019']);
  });

  it('writes a file the loader reads back unchanged', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pay-'));
    try {
      const { table } = buildPayTable(oews, ['29-1131', '27-2011', '29-1249', '25-2031']);
      const out = path.join(dir, 'pay.json');
      await writePayTable(table, out);
      expect(await loadPay(out)).toEqual(table);
      expect(await readFile(out, 'utf8')).toBe(payTableJson(table));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

const REAL = path.resolve('../shared/data/oews/national_M2023.csv');
const haveReal = existsSync(REAL);
if (!haveReal) console.warn(`Skipping the rebuild of data/pay.json from the BLS table: ${REAL} is not there.`);
(haveReal ? describe : describe.skip)('data/pay.json and the BLS table (../shared/data/oews)', () => {
  it('is exactly what scripts/import-pay.ts builds from the table for our occupations', async () => {
    const occupations = await loadBuiltInOccupations();
    const { table } = buildPayTable(await readOewsCsv(REAL), occupations.map((o) => o.soc));
    expect(payTableJson(table)).toBe(await readFile(PAY_FILE, 'utf8'));
  });
});
