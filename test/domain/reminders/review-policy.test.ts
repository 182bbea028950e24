import { DataFileError } from '../../../src/domain/data-file-error.js';
import { parseReviewPolicy } from '../../../src/domain/reminders/index.js';
import { policy } from './policy-fixtures.js';

const good = {
  schoolYearStarts: '08-01',
  windows: [
    { id: 'fall', label: 'fall', opens: '09-15', closes: '11-15' },
    { id: 'spring', label: 'spring', opens: '02-01', closes: '04-15' },
  ],
  secondReminderAfterDays: 14,
  quietHours: { from: '20:00', to: '07:00' },
  sendOnWeekends: false,
  timeZone: null,
  counselorDigestDay: 'monday',
};

function problem(data: unknown): string {
  try {
    parseReviewPolicy(data, 'data/review-policy.json', 'America/Chicago');
  } catch (err) {
    expect(err).toBeInstanceOf(DataFileError);
    return (err as Error).message;
  }
  throw new Error('expected a DataFileError');
}

describe('the review policy file', () => {
  it('reads the shipped defaults: 1 Aug, fall and spring windows, 14 days, 20:00-07:00, no weekends, Monday digest', () => {
    const p = policy();
    expect(p.schoolYearStarts).toEqual({ month: 8, day: 1 });
    expect(p.windows.map((w) => [w.id, w.opens, w.closes])).toEqual([
      ['fall', { month: 9, day: 15 }, { month: 11, day: 15 }],
      ['spring', { month: 2, day: 1 }, { month: 4, day: 15 }],
    ]);
    expect(p).toMatchObject({ secondReminderAfterDays: 14, quietFrom: 20 * 60, quietTo: 7 * 60, sendOnWeekends: false, counselorDigestDay: 1 });
  });

  it('takes the time zone from the configuration unless the file names one', () => {
    expect(policy('UTC').timeZone).toBe('UTC');
    expect(parseReviewPolicy({ ...good, timeZone: 'America/New_York' }, 'f', 'UTC').timeZone).toBe('America/New_York');
  });

  it('names the file and the JSON path of a bad value', () => {
    expect(problem({ ...good, windows: [{ ...good.windows[0], opens: '9/15' }] })).toMatch(
      /^data\/review-policy\.json: \$\.windows\[0\]\.opens must be a month and day/,
    );
    expect(problem({ ...good, windows: [{ ...good.windows[0], closes: '02-30' }] })).toContain('$.windows[0].closes is not a day every year has');
    expect(problem({ ...good, quietHours: { from: '24:00', to: '07:00' } })).toContain('$.quietHours.from must be a 24-hour time');
    expect(problem({ ...good, counselorDigestDay: 'someday' })).toContain('$.counselorDigestDay');
    expect(problem({ ...good, timeZone: 'Mars/Olympus' })).toContain('$.timeZone is not a time zone name');
    expect(problem({ ...good, secondReminderAfterDays: 0 })).toContain('$.secondReminderAfterDays');
  });

  it('refuses windows that close before they open, overlap, or repeat an id', () => {
    expect(problem({ ...good, windows: [{ id: 'fall', label: 'fall', opens: '11-15', closes: '09-15' }] })).toContain('$.windows[0].closes must not be before');
    expect(problem({ ...good, windows: [good.windows[0], { id: 'late', label: 'late', opens: '11-01', closes: '12-01' }] })).toContain('$.windows[1].opens must be after');
    expect(problem({ ...good, windows: [good.windows[0], { ...good.windows[1], id: 'fall' }] })).toContain('$.windows[1].id repeats');
  });

  it('accepts a window that runs across New Year inside one school year', () => {
    const p = parseReviewPolicy({ ...good, windows: [{ id: 'winter', label: 'winter', opens: '12-01', closes: '01-31' }] }, 'f', 'UTC');
    expect(p.windows[0]!.id).toBe('winter');
  });
});
