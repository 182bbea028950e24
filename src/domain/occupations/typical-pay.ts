/**
 * Typical pay for an occupation, in plain words for a 12-year-old, from the U.S. Bureau of Labor
 * Statistics wage table (data/pay.json, made by scripts/import-pay.ts). Pure: the table is passed in.
 * Words in the turn's language (catalog "jobs.pay.*"); dollar amounts always written the U.S. way.
 */
import { t } from '../../i18n/t.js';

/** A SOC 2018 code as the BLS publishes it: 6 digits with a dash, e.g. "29-1131". */
export const SOC_CODE = /^\d{2}-\d{4}$/;

/** The annual percentiles OEWS publishes (10th, 25th, 50th, 75th and 90th). */
export const PAY_PERCENTILES = ['p10', 'p25', 'median', 'p75', 'p90'] as const;
export type PayPercentile = (typeof PAY_PERCENTILES)[number];

/** OEWS publishes nothing above these ("#" in the table): such a figure means "at least this much". */
export const TOP_CODED_ANNUAL = 239_200;
export const TOP_CODED_HOURLY = 115;

/** Names of the figures that can be top-coded, as listed in a PayFigures' `topCoded`. */
export const TOP_CODED_FIELDS = [
  'annual.p10',
  'annual.p25',
  'annual.median',
  'annual.p75',
  'annual.p90',
  'hourly.median',
] as const;
export type TopCodedField = (typeof TOP_CODED_FIELDS)[number];

/** Annual wage percentiles in dollars; null where OEWS publishes no estimate ("*"). */
export type AnnualPay = Record<PayPercentile, number | null>;

/** The figures for one SOC code. */
export interface PayFigures {
  /** The OEWS title, e.g. "Veterinarians". */
  title: string;
  /** null when OEWS publishes no annual figures (e.g. actors, paid by the hour or the show). */
  annual: AnnualPay | null;
  /** The median hourly wage; null when OEWS publishes none (e.g. teachers, paid by the year). */
  hourly: { median: number } | null;
  /** Figures that were "#": the stored value is the cap (TOP_CODED_ANNUAL or TOP_CODED_HOURLY). */
  topCoded: TopCodedField[];
}

/** data/pay.json */
export interface PayTable {
  source: string;
  bySoc: Record<string, PayFigures>;
}

/** The SOC code inside an O*NET-SOC code: "29-1141.00" -> "29-1141"; undefined when it is not one. */
export function socOfOnetCode(code: string): string | undefined {
  const soc = code.trim().slice(0, 7);
  return SOC_CODE.test(soc) ? soc : undefined;
}

const dollars = (n: number): string => `$${n.toLocaleString('en-US')}`;
const thousands = (n: number): string => dollars(Math.round(n / 1000) * 1000);
/** "$20.50", "$31" */
const perHour = (n: number): string => (Number.isInteger(n) ? dollars(n) : `$${n.toFixed(2)}`);
/** The annual cap rounded down, so "more than $239,000" stays true of a top-coded figure. */
const TOP_ANNUAL = dollars(Math.floor(TOP_CODED_ANNUAL / 1000) * 1000);

function annualWords(f: PayFigures, a: AnnualPay): string | undefined {
  const top = (p: PayPercentile): boolean => f.topCoded.includes(`annual.${p}`);
  if (a.median === null) return undefined;
  const median = top('median') ? TOP_ANNUAL : thousands(a.median);
  if (a.p25 === null || a.p75 === null) return t('jobs.pay.halfMoreYear', { amount: median });
  if (top('p25')) return t('jobs.pay.mostMoreYear', { amount: TOP_ANNUAL });
  const low = thousands(a.p25);
  if (top('p75')) return t('jobs.pay.rangeTopYear', { low, top: TOP_ANNUAL, median });
  const high = thousands(a.p75);
  return t('jobs.pay.rangeYear', { range: low === high ? low : `${low}–${high}`, median });
}

function hourlyWords(f: PayFigures, median: number): string {
  return f.topCoded.includes('hourly.median')
    ? t('jobs.pay.halfHourTop', { amount: dollars(TOP_CODED_HOURLY) })
    : t('jobs.pay.halfHour', { amount: perHour(median) });
}

/**
 * Typical pay for the occupation with this SOC code, e.g.
 * "about $40,000–$75,000 a year; half earn more than $52,000" (the middle half of workers, 25th to
 * 75th percentile, rounded to the nearest $1,000, then the median), or for jobs paid by the hour
 * "half earn more than $20.50 an hour" (OEWS gives only the median for those). Figures above what
 * the BLS publishes read "more than $239,000". Undefined when the table has no figure for the code.
 */
export function typicalPay(pay: PayTable | undefined, soc: string | undefined): string | undefined {
  if (pay === undefined || soc === undefined) return undefined;
  const f = pay.bySoc[soc];
  if (f === undefined) return undefined;
  const annual = f.annual === null ? undefined : annualWords(f, f.annual);
  if (annual !== undefined) return annual;
  if (f.hourly !== null) return hourlyWords(f, f.hourly.median);
  return undefined;
}
