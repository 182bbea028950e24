import {
  TOP_CODED_ANNUAL,
  TOP_CODED_HOURLY,
  socOfOnetCode,
  typicalPay,
  type PayFigures,
  type PayTable,
} from '../../../src/domain/occupations/typical-pay.js';

const figures = (over: Partial<PayFigures> = {}): PayFigures => ({
  title: 'Testers',
  annual: { p10: 31_000, p25: 40_400, median: 52_300, p75: 74_600, p90: 98_000 },
  hourly: { median: 25.14 },
  topCoded: [],
  ...over,
});
const table = (bySoc: Record<string, PayFigures>): PayTable => ({ source: 'test', bySoc });

describe('typical pay in plain words', () => {
  it('gives the middle half of yearly pay, rounded to the nearest $1,000, then the median', () => {
    expect(typicalPay(table({ '99-0001': figures() }), '99-0001')).toBe('about $40,000–$75,000 a year; half earn more than $52,000');
  });

  it('uses yearly pay for jobs paid by the year that have no hourly figure (teachers)', () => {
    const teachers = figures({ annual: { p10: 48_040, p25: 54_290, median: 65_220, p75: 83_340, p90: 106_380 }, hourly: null });
    expect(typicalPay(table({ '25-2031': teachers }), '25-2031')).toBe('about $54,000–$83,000 a year; half earn more than $65,000');
  });

  it('gives the hourly median for jobs paid only by the hour (actors, musicians)', () => {
    expect(typicalPay(table({ '27-2011': figures({ annual: null, hourly: { median: 20.5 } }) }), '27-2011')).toBe(
      'half earn more than $20.50 an hour',
    );
    expect(typicalPay(table({ '27-2042': figures({ annual: null, hourly: { median: 39 } }) }), '27-2042')).toBe(
      'half earn more than $39 an hour',
    );
  });

  it('says "more than $239,000" where the BLS publishes only that pay is at or above its top figure', () => {
    const chiefs = figures({
      annual: { p10: 80_000, p25: 130_840, median: 206_680, p75: TOP_CODED_ANNUAL, p90: TOP_CODED_ANNUAL },
      topCoded: ['annual.p75', 'annual.p90'],
    });
    expect(typicalPay(table({ '11-1011': chiefs }), '11-1011')).toBe(
      'about $131,000 to more than $239,000 a year; half earn more than $207,000',
    );
    const surgeons = figures({
      annual: { p10: 78_000, p25: 120_000, median: TOP_CODED_ANNUAL, p75: TOP_CODED_ANNUAL, p90: TOP_CODED_ANNUAL },
      hourly: { median: TOP_CODED_HOURLY },
      topCoded: ['annual.median', 'annual.p75', 'annual.p90', 'hourly.median'],
    });
    expect(typicalPay(table({ '29-1249': surgeons }), '29-1249')).toBe(
      'about $120,000 to more than $239,000 a year; half earn more than $239,000',
    );
    const allTop = figures({
      annual: { p10: 172_810, p25: TOP_CODED_ANNUAL, median: TOP_CODED_ANNUAL, p75: TOP_CODED_ANNUAL, p90: TOP_CODED_ANNUAL },
      topCoded: ['annual.p25', 'annual.median', 'annual.p75', 'annual.p90'],
    });
    expect(typicalPay(table({ '29-1243': allTop }), '29-1243')).toBe('most earn more than $239,000 a year');
  });

  it('keeps a top-coded hourly median true for jobs paid only by the hour', () => {
    const f = figures({ annual: null, hourly: { median: TOP_CODED_HOURLY }, topCoded: ['hourly.median'] });
    expect(typicalPay(table({ '99-0002': f }), '99-0002')).toBe('half earn $115 or more an hour');
  });

  it('gives only the median when the middle half is not published', () => {
    const f = figures({ annual: { p10: null, p25: null, median: 52_300, p75: null, p90: null } });
    expect(typicalPay(table({ '99-0003': f }), '99-0003')).toBe('half earn more than $52,000 a year');
  });

  it('says nothing when there is no figure: unknown code, no code, no table, or a row with no estimates', () => {
    const pay = table({ '99-0001': figures(), '99-0004': figures({ annual: null, hourly: null }) });
    expect(typicalPay(pay, '55-1019')).toBeUndefined();
    expect(typicalPay(pay, undefined)).toBeUndefined();
    expect(typicalPay(undefined, '99-0001')).toBeUndefined();
    expect(typicalPay(pay, '99-0004')).toBeUndefined();
  });

  it('finds the SOC code inside an O*NET-SOC code', () => {
    expect(socOfOnetCode('29-1141.00')).toBe('29-1141');
    expect(socOfOnetCode('11-9199.08')).toBe('11-9199');
    expect(socOfOnetCode('not a code')).toBeUndefined();
  });
});
