import { MemoryStore } from '../../src/store/memory-store.js';
import { startScheduler, type SweepResult } from '../../src/scheduler/index.js';
import { FakeSender, addStudent, local, policy } from './sweep-fixtures.js';

describe('the scheduler timer', () => {
  it('sweeps on its interval, never overlaps sweeps, and stops', async () => {
    const store = new MemoryStore();
    await addStudent(store, 'slack:UANA', 'Ana', '2025-08-20 10:00');
    const slack = new FakeSender('slack', 30);
    const results: SweepResult[] = [];
    const scheduler = startScheduler({
      store, senders: [slack], policy: policy(), everyMinutes: 0.0005, // 30 ms
      clock: () => local('2025-09-15 09:00'),
      onSweep: (r) => results.push(r),
    });
    const [x, y] = await Promise.all([scheduler.sweepNow(), scheduler.sweepNow()]);
    expect(x?.sent).toBe(1);
    expect(y).toBeUndefined(); // the second call waited for the running sweep instead of starting one
    await new Promise((r) => setTimeout(r, 150));
    await scheduler.stop();
    const count = results.length;
    expect(count).toBeGreaterThan(1);
    expect(slack.sent).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 100));
    expect(results.length).toBe(count);
    expect(await scheduler.sweepNow()).toBeUndefined();
  });

  it('keeps running after a sweep fails', async () => {
    const store = new MemoryStore();
    const broken = Object.assign(Object.create(store) as MemoryStore, { list: async () => { throw new Error('disk gone'); } });
    const warnings: object[] = [];
    const scheduler = startScheduler({
      store: broken, senders: [], policy: policy(), clock: () => local('2025-09-15 09:00'),
      logger: { info: () => undefined, warn: (o) => warnings.push(o) },
    });
    expect(await scheduler.sweepNow()).toBeUndefined();
    expect(warnings.filter((w) => !('job' in w))).toEqual([{ error: 'Error' }]);
    expect(warnings.filter((w) => 'job' in w)).toEqual([{ job: 'school-year', error: 'Error' }, { job: 'school-year', error: 'Error' }]); // at start, and before the sweep
    await scheduler.stop();
  });

  it('a reminder a counselor held for the morning goes out with the first sweep after it is due, once', async () => {
    const store = new MemoryStore();
    await store.putIfAbsent('scheduled-sends', 'slack:UBO|2025-09-15T12:30:00.000Z', {
      studentKey: 'slack:UBO', by: 'slack:ULEE', sendAt: '2025-09-15T12:30:00.000Z', replies: [{ kind: 'text', text: 'Time to check your plan!' }],
      state: 'waiting', createdAt: '2025-09-13T02:00:00.000Z',
    });
    const slack = new FakeSender('slack');
    let now = local('2025-09-15 07:00');
    const scheduler = startScheduler({ store, senders: [slack], policy: policy(), clock: () => now });
    await scheduler.sweepNow();
    expect(slack.sent).toEqual([]);
    now = local('2025-09-15 07:45');
    await scheduler.sweepNow();
    await scheduler.sweepNow();
    expect(slack.sent.map((s) => s.userId)).toEqual(['UBO']);
    await scheduler.stop();
  });
});
