import { PLAN_STATUS_WORDS, planStatus, planStatusWords, type MeetingDates } from '../../../src/domain/reminders/index.js';
import { local, planAt, policy } from './policy-fixtures.js';

const p = policy('America/Chicago');
const met = (...meetings: [string, string?][]): MeetingDates => ({
  meetings: meetings.map(([at, windowId]) => ({ at: local(at).toISOString(), ...(windowId ? { windowId } : {}) })),
});
const drafted = planAt('2025-08-20 10:00');
const code = (input: Parameters<typeof planStatus>[0], when: string) => planStatus(input, p, local(when)).code;

describe('a student\'s plan status (the one counselors see in chat and CSV)', () => {
  it('puts a student with no pathway, no plan, or who graduated first', () => {
    expect(code({ hasPathway: false }, '2025-10-01 09:00')).toBe('no-pathway');
    expect(code({ hasPathway: true }, '2025-10-01 09:00')).toBe('no-plan');
    expect(code({}, '2025-10-01 09:00')).toBe('no-plan');
    expect(code({ plan: drafted, graduated: true }, '2025-12-01 09:00')).toBe('graduated');
  });

  it('is "not met this window" while the window is open and no counselor meeting is recorded, even after the student reviewed', () => {
    const s = planStatus({ plan: planAt('2025-08-20 10:00', '2025-09-20 10:00') }, p, local('2025-10-01 09:00'));
    expect(s).toMatchObject({ code: 'not-met-this-window', metThisWindow: false, reviewedThisSchoolYear: true, meetingWindow: { id: '2025-26-fall' } });
    expect(s.review.state).toBe('reviewed'); // the student's own check-in is done; the meeting is not
  });

  it('is "met this window" after a counselor meeting, which also counts as this year\'s plan review', () => {
    const s = planStatus({ plan: drafted, meetings: met(['2025-09-22 10:00', '2025-26-fall']) }, p, local('2025-10-01 09:00'));
    expect(s).toMatchObject({ code: 'met-this-window', metThisWindow: true, reviewedThisSchoolYear: true });
  });

  it('is overdue once a window closes with no meeting, and says which window', () => {
    const s = planStatus({ plan: planAt('2025-08-20 10:00', '2025-09-20 10:00') }, p, local('2025-11-20 09:00'));
    expect(s.code).toBe('overdue');
    expect(s.overdue).toMatchObject({ because: 'missed-meeting', window: { id: '2025-26-fall' } });
    expect(s.missedWindows.map((w) => w.id)).toEqual(['2025-26-fall']);
  });

  it('a late meeting after the window closed makes up for it', () => {
    expect(code({ plan: drafted, meetings: met(['2025-12-03 10:00', '2025-26-fall']) }, '2025-12-10 09:00')).toBe('up-to-date');
  });

  it('a window that closed before the plan was drafted is not missed', () => {
    expect(code({ plan: planAt('2025-12-01 10:00') }, '2025-12-10 09:00')).toBe('up-to-date');
  });

  it('starts clean in a new school year: last year\'s meetings do not count for this fall', () => {
    const lastYear = { plan: drafted, meetings: met(['2025-09-22 10:00', '2025-26-fall'], ['2026-02-10 10:00', '2026-27-spring']) };
    expect(code(lastYear, '2026-08-15 09:00')).toBe('up-to-date');
    expect(code(lastYear, '2026-09-16 09:00')).toBe('not-met-this-window');
  });

  it('is overdue when nothing at all happened last school year', () => {
    const s = planStatus({ plan: planAt('2024-07-20 10:00') }, p, local('2025-08-10 09:00')); // drafted in 2023-24, nothing in 2024-25
    expect(s.overdue).toMatchObject({ because: 'no-review-last-year' });
  });

  it('has words for every code, the same wherever they are shown', () => {
    expect(planStatusWords({ code: 'not-met-this-window' })).toBe('not met this window');
    expect(Object.keys(PLAN_STATUS_WORDS).sort()).toEqual(['graduated', 'met-this-window', 'no-pathway', 'no-plan', 'not-met-this-window', 'overdue', 'up-to-date']);
  });
});
