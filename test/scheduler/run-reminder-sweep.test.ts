import { MemoryStore } from '../../src/store/memory-store.js';
import { FAILURES, MAX_ATTEMPTS, SENT, listReminderFailures, runReminderSweep, type SentRecord } from '../../src/scheduler/index.js';
import type { QuestionReply } from '../../src/domain/messages.js';
import { FakeSender, addCounselor, addMeeting, addStudent, addStudentInGrade, local, policy } from './sweep-fixtures.js';

const p = policy('America/Chicago');
const OPENING_DAY = '2025-09-15 09:00'; // Monday

async function school() {
  const store = new MemoryStore();
  await addStudent(store, 'slack:UANA', 'Ana Ruiz', '2025-08-20 10:00');
  await addStudent(store, 'teams:29:ben', 'Ben Cho', '2025-08-20 10:00');
  await addStudent(store, 'slack:UCY', 'Cy Park', '2025-08-20 10:00', '2025-09-15 08:00'); // already reviewed
  await addMeeting(store, 'slack:UCY', 'slack:UCOUNS', '2025-09-15 08:00', '2025-26-fall'); // and met her counselor
  await addStudentInGrade(store, 'slack:UDEE', 'Dee No-Plan', 7); // no plan, and too young for a "make your plan" reminder
  await addCounselor(store, 'slack:UCOUNS', 'Ms. Gray', ['slack:UANA', 'teams:29:ben', 'slack:UCY']);
  return store;
}

describe('a reminder sweep', () => {
  it('sends a friendly first reminder with a Start my review button through the student\'s channel', async () => {
    const store = await school();
    const slack = new FakeSender('slack');
    const r = await runReminderSweep({ store, senders: [slack], policy: p, now: local(OPENING_DAY) });
    expect(r).toMatchObject({ sent: 1, failed: 0, skipped: 1 }); // Ben is on Teams: left for the Teams process
    expect(slack.sent).toHaveLength(1);
    expect(slack.sent[0]!.userId).toBe('UANA');
    const q = slack.sent[0]!.replies[0] as QuestionReply;
    expect(q).toMatchObject({ kind: 'question', questionId: 'reminder:review', choices: [{ id: 'start-review', label: 'Start my review' }] });
    expect(q.text).toMatch(/^Hi Ana! It's time for your fall check-in/);
    expect(q.text).toContain('Nov 15');
    expect(q.text.length).toBeLessThanOrEqual(280);
    expect(await store.get<SentRecord>(SENT, 'slack:UANA|2025-26-fall|first')).toMatchObject({ state: 'sent', sentAt: local(OPENING_DAY).toISOString() });
    expect(await store.get(SENT, 'teams:29:ben|2025-26-fall|first')).toBeUndefined();
  });

  it('never sends the same reminder twice, across sweeps and restarts', async () => {
    const store = await school();
    const slack = new FakeSender('slack');
    await runReminderSweep({ store, senders: [slack], policy: p, now: local(OPENING_DAY) });
    const again = await runReminderSweep({ store, senders: [slack], policy: p, now: local('2025-09-16 09:00') });
    expect(again.sent).toBe(0);
    expect(slack.sent).toHaveLength(1);
  });

  it('sends the second reminder 14 days after the first', async () => {
    const store = await school();
    const slack = new FakeSender('slack');
    await runReminderSweep({ store, senders: [slack], policy: p, now: local(OPENING_DAY) });
    expect((await runReminderSweep({ store, senders: [slack], policy: p, now: local('2025-09-29 08:59') })).sent).toBe(0);
    expect((await runReminderSweep({ store, senders: [slack], policy: p, now: local('2025-09-29 09:00') })).sent).toBe(1);
    expect((slack.sent[1]!.replies[0] as QuestionReply).text).toMatch(/^Hi Ana! A friendly reminder/);
    expect(await store.get<SentRecord>(SENT, 'slack:UANA|2025-26-fall|second')).toMatchObject({ state: 'sent' });
  });

  it('waits during quiet hours and weekends, and says until when', async () => {
    const store = await school();
    const slack = new FakeSender('slack');
    const night = await runReminderSweep({ store, senders: [slack], policy: p, now: local('2025-09-15 20:00') });
    expect(night).toEqual({ sent: 0, familyCopies: 0, failed: 0, skipped: 0, wouldSend: [], waitUntil: local('2025-09-16 07:00').toISOString() });
    const saturday = await runReminderSweep({ store, senders: [slack], policy: p, now: local('2025-09-20 12:00') });
    expect(saturday.waitUntil).toBe(local('2025-09-22 07:00').toISOString());
    expect(slack.sent).toHaveLength(0);
    expect(await store.ids(SENT)).toEqual([]);
  });

  it('retries a failed send in a later sweep and the counselor digest counts failures', async () => {
    const store = await school();
    const slack = new FakeSender('slack');
    slack.failing = true;
    const first = await runReminderSweep({ store, senders: [slack], policy: p, now: local(OPENING_DAY) });
    expect(first).toMatchObject({ sent: 0, failed: 1 });
    expect(await store.get(SENT, 'slack:UANA|2025-26-fall|first')).toBeUndefined(); // claim released
    expect(await listReminderFailures(store)).toEqual([
      expect.objectContaining({ key: 'slack:UANA|2025-26-fall|first', attempts: 1, gaveUp: false, lastError: 'Error channel_not_found', studentKeys: ['slack:UANA'] }),
    ]);
    // Still failing after fall closes: the Monday digest to the counselor counts the failure.
    const counselorInbox = new FakeSender('slack');
    slack.failing = false;
    await store.put(SENT, 'slack:UANA|2025-26-fall|first', { state: 'failed' }); // pretend it gave up
    await runReminderSweep({ store, senders: [counselorInbox], policy: p, now: local('2025-11-17 09:00') });
    const digest = counselorInbox.sent.find((s) => s.userId === 'UCOUNS')!;
    expect(digest.replies.map((x) => x.text)).toEqual([
      '2 of your students are overdue for a plan meeting: Ana Ruiz, Ben Cho.',
      "1 reminder to your students could not be delivered. I'll keep trying.",
      'Overdue means no meeting with you in the last review window, or no plan review all last school year. Each student can also start a review from the reminder I send them.',
    ]);
  });

  it('delivers on the retry once the channel works again, and clears the failure', async () => {
    const store = await school();
    const slack = new FakeSender('slack');
    slack.failing = true;
    await runReminderSweep({ store, senders: [slack], policy: p, now: local(OPENING_DAY) });
    slack.failing = false;
    const retry = await runReminderSweep({ store, senders: [slack], policy: p, now: local('2025-09-15 09:05') });
    expect(retry).toMatchObject({ sent: 1, failed: 0 });
    expect(slack.sent).toHaveLength(1);
    expect(await store.ids(FAILURES)).toEqual([]);
    expect(await store.get<SentRecord>(SENT, 'slack:UANA|2025-26-fall|first')).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('a failure another process records during the sweep is cleared when this sweep delivers that reminder', async () => {
    const store = await school();
    const key = 'slack:UANA|2025-26-fall|first';
    // The other process failed this reminder and released its claim just before this one claimed it.
    const slack = Object.assign(new FakeSender('slack'), {
      async send(this: FakeSender, userId: string, replies: QuestionReply[]) {
        await store.put(FAILURES, key, { key, kind: 'first', recipientKey: 'slack:UANA', studentKeys: ['slack:UANA'], attempts: 1, lastError: 'Error', lastAt: '', gaveUp: false });
        this.sent.push({ userId, replies });
      },
    });
    expect(await runReminderSweep({ store, senders: [slack], policy: p, now: local(OPENING_DAY) })).toMatchObject({ sent: 1, failed: 0 });
    expect(await store.ids(FAILURES)).toEqual([]);
    expect(await listReminderFailures(store)).toEqual([]);
  });

  it(`gives up after ${MAX_ATTEMPTS} failed tries and keeps the failure on record`, async () => {
    const store = await school();
    const slack = new FakeSender('slack');
    slack.failing = true;
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
      await runReminderSweep({ store, senders: [slack], policy: p, now: new Date(local(OPENING_DAY).getTime() + i * 300_000) });
    }
    const failures = await listReminderFailures(store);
    expect(failures).toEqual([expect.objectContaining({ attempts: MAX_ATTEMPTS, gaveUp: true })]);
    expect(await store.get<SentRecord>(SENT, 'slack:UANA|2025-26-fall|first')).toMatchObject({ state: 'failed', attempts: MAX_ATTEMPTS });
  });

  it('a dry run lists ids, names, kinds and reasons, and sends or records nothing', async () => {
    const store = await school();
    const slack = new FakeSender('slack');
    const r = await runReminderSweep({ store, senders: [slack], policy: p, now: local(OPENING_DAY), dryRun: true });
    expect(r.wouldSend).toEqual([
      { userKey: 'slack:UANA', name: 'Ana Ruiz', kind: 'first', reason: 'fall window 2025-09-15 to 2025-11-15 is open; no review since it opened' },
      { userKey: 'teams:29:ben', name: 'Ben Cho', kind: 'first', reason: 'fall window 2025-09-15 to 2025-11-15 is open; no review since it opened' },
    ]);
    expect(slack.sent).toEqual([]);
    expect(await store.ids(SENT)).toEqual([]);
  });

  it('sends a counselor digest with numbers first, once a week', async () => {
    const store = await school();
    const slack = new FakeSender('slack');
    const teams = new FakeSender('teams');
    const thursday = await runReminderSweep({ store, senders: [slack, teams], policy: p, now: local('2025-11-20 10:00') });
    expect(thursday.sent).toBe(1);
    expect(slack.sent[0]).toMatchObject({ userId: 'UCOUNS' });
    expect(slack.sent[0]!.replies[0]!.text).toBe('2 of your students are overdue for a plan meeting: Ana Ruiz, Ben Cho.');
    expect((await runReminderSweep({ store, senders: [slack, teams], policy: p, now: local('2025-11-21 10:00') })).sent).toBe(0);
    expect((await runReminderSweep({ store, senders: [slack, teams], policy: p, now: local('2025-11-24 07:00') })).sent).toBe(1);
    expect(slack.sent).toHaveLength(2);
  });

  it('caps the sends in one sweep and leaves the rest for the next', async () => {
    const store = await school();
    await addStudent(store, 'slack:UEVE', 'Eve', '2025-08-20 10:00');
    const slack = new FakeSender('slack');
    const r1 = await runReminderSweep({ store, senders: [slack], policy: p, now: local(OPENING_DAY), maxSends: 1 });
    expect(r1).toMatchObject({ sent: 1, skipped: 2 });
    const r2 = await runReminderSweep({ store, senders: [slack], policy: p, now: local('2025-09-15 09:05'), maxSends: 1 });
    expect(r2.sent).toBe(1);
    expect(slack.sent.map((s) => s.userId).sort()).toEqual(['UANA', 'UEVE']);
  });
});
