import { remindersDue, type SentReminders, type StudentForReminders } from '../../../src/domain/reminders/index.js';
import { local, planAt, policy } from './policy-fixtures.js';

const p = policy('America/Chicago');

function sentAt(records: Record<string, string | true>): SentReminders {
  return {
    has: (k) => k in records,
    sentAt: (k) => (typeof records[k] === 'string' ? (records[k] as string) : undefined),
  };
}

const ana: StudentForReminders = { studentKey: 'slack:UANA', plan: planAt('2025-08-20 10:00'), counselorKeys: ['slack:UCOUNS'] };
const metInFall = { meetings: [{ at: local('2025-09-16 10:00').toISOString(), windowId: '2025-26-fall' }] };
const ben: StudentForReminders = { studentKey: 'teams:29:ben', plan: planAt('2025-08-20 10:00', '2025-09-16 10:00'), counselorKeys: ['slack:UCOUNS'], meetings: metInFall };
const noPlan: StudentForReminders = { studentKey: 'console:cy', counselorKeys: ['slack:UCOUNS'] };

describe('which reminders are due', () => {
  it('sends nothing before a window opens', () => {
    expect(remindersDue([ana, ben, noPlan], p, local('2025-09-14 23:59:59'))).toEqual([]);
  });

  it('sends a first reminder when the window opens to each student not reviewed in it', () => {
    const due = remindersDue([ana, ben, noPlan], p, local('2025-09-15 00:00'));
    expect(due).toEqual([
      expect.objectContaining({ key: 'slack:UANA|2025-26-fall|first', kind: 'first', studentKey: 'slack:UANA', recipientKey: 'slack:UANA' }),
    ]);
    expect(due[0]!.reason).toBe('fall window 2025-09-15 to 2025-11-15 is open; no review since it opened');
  });

  it('does not repeat a reminder whose key is already recorded', () => {
    expect(remindersDue([ana], p, local('2025-09-16 10:00'), sentAt({ 'slack:UANA|2025-26-fall|first': true }))).toEqual([]);
  });

  it('sends the second reminder 14 days after the first, only if still not reviewed', () => {
    const first = local('2025-09-15 07:00').toISOString();
    const sent = sentAt({ 'slack:UANA|2025-26-fall|first': first });
    expect(remindersDue([ana], p, local('2025-09-29 06:59'), sent)).toEqual([]);
    const due = remindersDue([ana], p, local('2025-09-29 07:00'), sent);
    expect(due.map((r) => r.key)).toEqual(['slack:UANA|2025-26-fall|second']);
    expect(due[0]!.reason).toContain('first reminder sent 2025-09-15; still no review after 14 days');
    const reviewed = { ...ana, plan: planAt('2025-08-20 10:00', '2025-09-20 10:00') };
    expect(remindersDue([reviewed], p, local('2025-09-29 07:00'), sent)).toEqual([]);
  });

  it('sends no second reminder when the first never went out, and none after the window closes', () => {
    expect(remindersDue([ana], p, local('2025-10-30 10:00'), sentAt({ 'slack:UANA|2025-26-fall|first': true }))).toEqual([]);
    const sent = sentAt({ 'slack:UANA|2025-26-fall|first': local('2025-11-10 10:00').toISOString() });
    const afterClose = remindersDue([ana], p, local('2025-11-25 10:00'), sent);
    expect(afterClose.filter((r) => r.kind !== 'counselor-digest')).toEqual([]);
  });

  it('starts over in the next window with new keys', () => {
    const fallDone = { ...ana, plan: planAt('2025-08-20 10:00', '2025-10-01 10:00'), meetings: metInFall };
    const due = remindersDue([fallDone], p, local('2026-02-02 09:00'), sentAt({ 'slack:UANA|2025-26-fall|first': true }));
    expect(due.map((r) => r.key)).toEqual(['slack:UANA|2025-26-spring|first']);
  });

  it('sends each counselor one digest a week listing their overdue students', () => {
    const dan: StudentForReminders = { studentKey: 'slack:UDAN', plan: planAt('2025-08-20 10:00'), counselorKeys: ['slack:UCOUNS', 'slack:UOTHER'] };
    // Thursday 20 Nov 2025: fall closed; ana and dan missed it, ben reviewed and met his counselor.
    const due = remindersDue([ana, ben, dan, noPlan], p, local('2025-11-20 10:00'));
    expect(due).toEqual([
      expect.objectContaining({ kind: 'counselor-digest', key: 'slack:UCOUNS|week-2025-11-17|counselor-digest', overdueStudentKeys: ['slack:UANA', 'slack:UDAN'] }),
      expect.objectContaining({ kind: 'counselor-digest', key: 'slack:UOTHER|week-2025-11-17|counselor-digest', overdueStudentKeys: ['slack:UDAN'] }),
    ]);
    expect(due[0]!.reason).toBe('weekly digest (week of 2025-11-17): 2 overdue students');
    const sent = sentAt(Object.fromEntries(due.map((r) => [r.key, true])));
    expect(remindersDue([ana, ben, dan], p, local('2025-11-23 10:00'), sent)).toEqual([]); // Sunday, same week
    expect(remindersDue([ana, ben, dan], p, local('2025-11-24 00:00'), sent).map((r) => r.key)).toEqual([
      'slack:UCOUNS|week-2025-11-24|counselor-digest',
      'slack:UOTHER|week-2025-11-24|counselor-digest',
    ]);
  });

  it('sends no digest to a counselor with no overdue students', () => {
    expect(remindersDue([ben], p, local('2025-11-20 10:00'))).toEqual([]);
  });

  it('lists a student who reviewed on their own but never met the counselor in the fall as overdue', () => {
    const selfReviewed = { ...ben, meetings: undefined };
    expect(remindersDue([selfReviewed], p, local('2025-11-20 10:00'))).toEqual([
      expect.objectContaining({ kind: 'counselor-digest', overdueStudentKeys: ['teams:29:ben'] }),
    ]);
  });

  it('does not ask a student for their check-in once their counselor met them in the window', () => {
    const met = { ...ana, meetings: { meetings: [{ at: local('2025-09-15 08:00').toISOString(), windowId: '2025-26-fall' }] } };
    expect(remindersDue([met], p, local('2025-09-15 09:00'))).toEqual([]);
    expect(remindersDue([ana], p, local('2025-09-15 09:00')).map((r) => r.kind)).toEqual(['first']);
  });
});

describe('"make your plan" reminders for students with no plan', () => {
  const noPlanIn = (grade: number, extra: Partial<StudentForReminders> = {}): StudentForReminders => ({ studentKey: `slack:U${grade}`, grade, ...extra });

  it('go once per window to students in grades 8 to 12 with no plan, on or off a caseload', () => {
    const due = remindersDue([noPlanIn(7), noPlanIn(8), noPlanIn(12, { counselorKeys: ['slack:UCOUNS'] }), noPlanIn(13)], p, local('2025-09-15 09:00'));
    expect(due.map((r) => r.key)).toEqual(['slack:U8|2025-26-fall|make-plan', 'slack:U12|2025-26-fall|make-plan']);
    expect(due[0]!.reason).toBe('fall window 2025-09-15 to 2025-11-15 is open; grade 8, no plan yet');
    const sent = sentAt(Object.fromEntries(due.map((r) => [r.key, local('2025-09-15 09:00').toISOString()])));
    expect(remindersDue([noPlanIn(8)], p, local('2025-10-15 09:00'), sent)).toEqual([]); // one a window, no second
    expect(remindersDue([noPlanIn(8)], p, local('2026-02-02 09:00'), sent).map((r) => r.key)).toEqual(['slack:U8|2025-26-spring|make-plan']);
  });

  it('never go outside a window, to a student with a plan, or to a graduate', () => {
    expect(remindersDue([noPlanIn(9)], p, local('2025-12-01 09:00'))).toEqual([]);
    expect(remindersDue([{ ...noPlanIn(9), plan: planAt('2025-08-20 10:00') }], p, local('2025-09-15 09:00')).map((r) => r.kind)).toEqual(['first']);
    expect(remindersDue([noPlanIn(12, { graduated: true })], p, local('2025-09-15 09:00'))).toEqual([]);
  });

  it('never list a graduate in a counselor digest', () => {
    const graduate = { ...ana, graduated: true };
    expect(remindersDue([graduate], p, local('2025-11-20 10:00'))).toEqual([]);
    expect(remindersDue([ana], p, local('2025-11-20 10:00'))).toHaveLength(1);
  });
});
