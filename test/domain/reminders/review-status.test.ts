import { reviewStatus } from '../../../src/domain/reminders/index.js';
import { local, planAt, policy } from './policy-fixtures.js';

const p = policy('America/Chicago');
const lastYearPlan = planAt('2025-05-01 10:00'); // drafted in the 2024-25 school year, never reviewed
const state = (plan: Parameters<typeof reviewStatus>[0], when: string, pol = p) => reviewStatus(plan, pol, local(when), undefined).state;

describe('one student\'s review status', () => {
  it('has no plan until a plan is drafted', () => {
    const s = reviewStatus(undefined, p, local('2025-10-01 09:00'));
    expect(s).toMatchObject({ state: 'no-plan', schoolYear: '2025-26', reviewedThisSchoolYear: false });
    expect(s.openWindow?.id).toBe('2025-26-fall');
  });

  it('opens the fall window at local midnight on 15 Sep and closes it after 15 Nov', () => {
    const plan = planAt('2025-08-20 10:00'); // drafted this school year, before the window
    expect(state(plan, '2025-09-14 23:59:59')).toBe('up-to-date');
    expect(state(plan, '2025-09-15 00:00')).toBe('due');
    expect(state(plan, '2025-11-15 23:59:59')).toBe('due');
    expect(state(plan, '2025-11-16 00:00')).toBe('overdue');
    const s = reviewStatus(plan, p, local('2025-11-16 00:00'));
    expect(s.overdue).toMatchObject({ because: 'missed-window', since: local('2025-11-16 00:00').toISOString() });
    expect(s.nextWindow?.id).toBe('2025-26-spring');
  });

  it('opens the spring window on 1 Feb and closes it after 15 Apr', () => {
    const plan = planAt('2025-08-20 10:00', '2025-10-01 10:00'); // fall done
    expect(state(plan, '2026-01-31 23:59:59')).toBe('up-to-date');
    expect(state(plan, '2026-02-01 00:00')).toBe('due');
    expect(state(plan, '2026-04-15 23:59:59')).toBe('due');
    expect(state(plan, '2026-04-16 00:00')).toBe('overdue');
  });

  it('is reviewed once there is a review inside the open window, and not from a review before it', () => {
    expect(state(planAt('2025-08-20 10:00', '2025-09-14 23:00'), '2025-09-20 10:00')).toBe('due');
    const s = reviewStatus(planAt('2025-08-20 10:00', '2025-09-15 00:00'), p, local('2025-09-20 10:00'));
    expect(s).toMatchObject({ state: 'reviewed', reviewedThisSchoolYear: true, openWindow: { id: '2025-26-fall', reviewed: true } });
  });

  it('counts drafting a plan inside a window as meeting about it', () => {
    expect(state(planAt('2025-10-01 10:00'), '2025-10-02 10:00')).toBe('reviewed');
    expect(state(planAt('2025-10-01 10:00'), '2025-12-01 10:00')).toBe('up-to-date');
  });

  it('does not hold a window against a plan drafted after it closed', () => {
    expect(state(planAt('2025-11-20 10:00'), '2025-12-01 10:00')).toBe('up-to-date');
  });

  it('lets a late review make up for a missed window', () => {
    expect(state(planAt('2025-08-20 10:00'), '2025-12-01 10:00')).toBe('overdue');
    expect(state(planAt('2025-08-20 10:00', '2025-11-30 10:00'), '2025-12-01 10:00')).toBe('up-to-date');
  });

  it('is overdue in a new school year when last school year had no review at all', () => {
    const old = planAt('2024-05-01 10:00'); // drafted in 2023-24, never reviewed since
    expect(reviewStatus(old, p, local('2025-07-31 23:59:59')).overdue).toMatchObject({ because: 'missed-window', window: { id: '2024-25-spring' } });
    const s = reviewStatus(old, p, local('2025-08-01 00:00'));
    expect(s).toMatchObject({ state: 'overdue', schoolYear: '2025-26', overdue: { because: 'no-review-last-year', since: local('2025-08-01 00:00').toISOString() } });
  });

  it('counts a plan drafted last school year as that year\'s meeting', () => {
    expect(state(lastYearPlan, '2025-07-31 23:59:59')).toBe('up-to-date');
    expect(state(lastYearPlan, '2025-08-01 00:00')).toBe('up-to-date');
  });

  it('leaves a missed spring window behind at the new school year when last year had a review', () => {
    const plan = planAt('2024-05-01 10:00', '2024-10-01 10:00');
    expect(state(plan, '2025-07-31 23:59')).toBe('overdue');
    expect(state(plan, '2025-08-01 00:00')).toBe('up-to-date');
  });

  it('a plan reviewed last school year is not overdue in August, and becomes due when fall opens', () => {
    const plan = planAt('2024-09-01 10:00', '2025-03-01 10:00');
    expect(state(plan, '2025-08-10 10:00')).toBe('up-to-date');
    expect(state(plan, '2025-09-15 10:00')).toBe('due');
    expect(reviewStatus(plan, p, local('2025-08-10 10:00')).reviewedThisSchoolYear).toBe(false);
    expect(reviewStatus(plan, p, local('2025-07-10 10:00')).reviewedThisSchoolYear).toBe(true);
  });

  it('rolls the school year over on the configured start day', () => {
    const sept = policy('America/Chicago', { schoolYearStarts: '09-01' });
    expect(reviewStatus(lastYearPlan, sept, local('2025-08-15 10:00')).schoolYear).toBe('2024-25');
    expect(reviewStatus(lastYearPlan, sept, local('2025-09-01 00:00')).schoolYear).toBe('2025-26');
  });

  it('places window edges on the local calendar of the configured time zone', () => {
    const utc = policy('UTC');
    const plan = planAt('2025-08-20T15:00:00Z');
    // 04:30 UTC on 15 Sep is still 14 Sep (23:30) in Chicago.
    const t = new Date('2025-09-15T04:30:00Z');
    expect(reviewStatus(plan, utc, t).state).toBe('due');
    expect(reviewStatus(plan, p, t).state).toBe('up-to-date');
  });
});
