import { isAllowedTime, nextAllowedTime } from '../../../src/domain/reminders/index.js';
import { local, policy } from './policy-fixtures.js';

const chicago = policy('America/Chicago');
const utc = policy('UTC');

describe('quiet hours and weekends', () => {
  // 2025-09-17 is a Wednesday.
  it('sends at 19:59 local but not at 20:00', () => {
    expect(isAllowedTime(local('2025-09-17 19:59:59'), chicago)).toBe(true);
    expect(isAllowedTime(local('2025-09-17 20:00'), chicago)).toBe(false);
    expect(nextAllowedTime(local('2025-09-17 20:00'), chicago)).toEqual(local('2025-09-18 07:00'));
  });

  it('waits at 06:59 local and sends from 07:00', () => {
    expect(isAllowedTime(local('2025-09-18 06:59:59'), chicago)).toBe(false);
    expect(nextAllowedTime(local('2025-09-18 06:59'), chicago)).toEqual(local('2025-09-18 07:00'));
    expect(nextAllowedTime(local('2025-09-18 00:00'), chicago)).toEqual(local('2025-09-18 07:00'));
    expect(isAllowedTime(local('2025-09-18 07:00'), chicago)).toBe(true);
  });

  it('holds weekend messages until Monday 07:00', () => {
    expect(nextAllowedTime(local('2025-09-19 20:30'), chicago)).toEqual(local('2025-09-22 07:00')); // Friday night
    expect(nextAllowedTime(local('2025-09-20 12:00'), chicago)).toEqual(local('2025-09-22 07:00')); // Saturday noon
    expect(nextAllowedTime(local('2025-09-21 23:59'), chicago)).toEqual(local('2025-09-22 07:00')); // Sunday night
    expect(isAllowedTime(local('2025-09-19 19:59'), chicago)).toBe(true); // Friday evening
  });

  it('sends on weekends when the policy allows it', () => {
    const weekends = policy('America/Chicago', { sendOnWeekends: true });
    expect(isAllowedTime(local('2025-09-20 12:00'), weekends)).toBe(true);
    expect(nextAllowedTime(local('2025-09-20 21:00'), weekends)).toEqual(local('2025-09-21 07:00'));
  });

  it('uses the local clock of the configured time zone, not UTC', () => {
    // 01:30 UTC on Thursday is 20:30 Wednesday in Chicago (CDT, UTC-5).
    const t = new Date('2025-09-18T01:30:00Z');
    expect(isAllowedTime(t, utc)).toBe(false);
    expect(isAllowedTime(t, chicago)).toBe(false);
    expect(nextAllowedTime(t, utc)).toEqual(new Date('2025-09-18T07:00:00Z'));
    expect(nextAllowedTime(t, chicago)).toEqual(new Date('2025-09-18T12:00:00Z'));
    // 13:00 UTC is 08:00 in Chicago: allowed in both.
    expect(isAllowedTime(new Date('2025-09-18T13:00:00Z'), chicago)).toBe(true);
    // 00:30 UTC Thursday is 19:30 Wednesday in Chicago: allowed there, quiet in UTC.
    expect(isAllowedTime(new Date('2025-09-18T00:30:00Z'), chicago)).toBe(true);
    expect(isAllowedTime(new Date('2025-09-18T00:30:00Z'), utc)).toBe(false);
  });

  it('keeps 07:00 local across the daylight-saving change', () => {
    // Clocks go back on Sunday 2 Nov 2025: Monday 07:00 is then 13:00 UTC (CST, UTC-6).
    expect(nextAllowedTime(local('2025-11-01 10:00'), chicago)).toEqual(new Date('2025-11-03T13:00:00Z'));
    // Clocks go forward on Sunday 8 Mar 2026: Monday 07:00 is 12:00 UTC (CDT).
    expect(nextAllowedTime(local('2026-03-07 10:00'), chicago)).toEqual(new Date('2026-03-09T12:00:00Z'));
  });
});
