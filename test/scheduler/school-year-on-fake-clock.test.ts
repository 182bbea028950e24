/**
 * The school year rolling over on a fake clock: two scheduler processes on one store, restarted in
 * the middle, across 1 August. Grades move up once, seniors graduate and are never reminded, a
 * grade set after the new year began is left alone, and students with no plan are asked to make one.
 */
import type { ProactiveSender, Reply } from '../../src/domain/messages.js';
import type { Profile } from '../../src/domain/profile.js';
import { SCHOOL_YEARS, rollOverSchoolYear, type SchoolYearRecord } from '../../src/scheduler/roll-over-school-year.js';
import { startScheduler } from '../../src/scheduler/index.js';
import { IndexedStore } from '../../src/store/indexed-store.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';
import { addStudentInGrade, local, policy } from './sweep-fixtures.js';

const p = policy('America/Chicago');

class Inbox implements ProactiveSender {
  readonly channel = 'slack';
  readonly sent: string[] = [];
  async send(userId: string, replies: Reply[]): Promise<void> {
    const q = replies[0]!;
    this.sent.push(`${userId} ${q.kind === 'question' ? q.questionId : 'text'}`);
  }
}

/** Two schedulers on the store from `from` to `to` (local), every `stepHours`; returns what was sent. */
async function run(store: Store, from: string, to: string, stepHours = 6): Promise<string[]> {
  let now = local(from);
  const clock = () => now;
  const inboxes = [new Inbox(), new Inbox()];
  const schedulers = inboxes.map((s) => startScheduler({ store, senders: [s], policy: p, clock, everyMinutes: 600 }));
  for (const end = local(to).getTime(); now.getTime() < end; now = new Date(now.getTime() + stepHours * 3600_000)) {
    await Promise.all(schedulers.map((s) => s.sweepNow()));
  }
  await Promise.all(schedulers.map((s) => s.stop()));
  return inboxes.flatMap((i) => i.sent).sort();
}

const gradeOf = async (store: Store, key: string) => {
  const p = await store.get<Profile>('profiles', key);
  return p?.graduatedIn ? `graduated ${p.graduatedIn}` : p?.grade;
};

/** Grades set in September 2025: they are for school year 2025-26. */
async function school(store: Store) {
  await addStudentInGrade(store, 'slack:UANA', 'Ana', 9, '2025-08-20 10:00');
  await addStudentInGrade(store, 'slack:USAM', 'Sam', 12, '2025-08-20 10:00');
  await addStudentInGrade(store, 'slack:UNIA', 'Nia', 8); // no plan
  await addStudentInGrade(store, 'slack:UKAI', 'Kai', 6); // no plan, too young to be asked
  for (const key of ['slack:UANA', 'slack:USAM', 'slack:UNIA', 'slack:UKAI']) {
    const profile = (await store.get<Profile>('profiles', key))!;
    await store.put('profiles', key, { ...profile, gradeSetAt: local('2025-09-01 10:00').toISOString() });
  }
}

describe.each([
  ['a plain store', () => new MemoryStore() as Store],
  ['the facts index', () => new IndexedStore(new MemoryStore(), { sealWaitMs: 0 }) as Store],
])('the school year on a fake clock (%s)', (_name, makeStore) => {
  it('moves grades up once on 1 August across restarts, graduates seniors, and reminds only who should be', async () => {
    const store = makeStore();
    await school(store);

    expect(await run(store, '2026-07-30 00:00', '2026-08-02 00:00')).toEqual([]);
    expect(await Promise.all(['slack:UANA', 'slack:USAM', 'slack:UNIA', 'slack:UKAI'].map((k) => gradeOf(store, k)))).toEqual([10, 'graduated 2025-26', 9, 7]);
    expect(await store.get<SchoolYearRecord>(SCHOOL_YEARS, '2026-27')).toMatchObject({ state: 'done', advanced: 3, graduated: 1 });

    // The processes restart; fall opens on Tuesday 15 September.
    const sent = await run(store, '2026-08-02 00:00', '2026-09-16 00:00');
    expect(sent).toEqual(['UANA reminder:review', 'UNIA reminder:make-plan']); // never Sam (graduated), never Kai (7th grade)
    expect(await Promise.all(['slack:UANA', 'slack:USAM', 'slack:UNIA', 'slack:UKAI'].map((k) => gradeOf(store, k)))).toEqual([10, 'graduated 2025-26', 9, 7]);
  });

  it('leaves alone a grade the student set after the new year began, when the rollover runs late', async () => {
    const store = makeStore();
    await school(store);
    const lee: Profile = {
      userKey: 'slack:ULEE', role: 'student', grade: 11, gradeSetAt: local('2026-08-10 10:00').toISOString(), gradeSchoolYear: '2025-26',
      choiceHistory: [], createdAt: '2025-08-01T00:00:00Z', lastActiveAt: '2026-08-10T15:00:00Z',
    };
    await store.put('profiles', lee.userKey, lee);
    await run(store, '2026-08-20 00:00', '2026-08-21 00:00'); // the first process of the year starts on 20 August
    expect(await gradeOf(store, 'slack:ULEE')).toBe(11);
    expect(await gradeOf(store, 'slack:UANA')).toBe(10);
  });

  it('a chat turn that saved an older copy of a profile during the rollover is put right once, in the next sweep', async () => {
    const store = makeStore();
    await school(store);
    const stale = (await store.get<Profile>('profiles', 'slack:UANA'))!;
    await rollOverSchoolYear(store, p, local('2026-08-01 09:00'));
    await store.put('profiles', 'slack:UANA', { ...stale, lastActiveAt: '2026-08-01T14:00:00Z' }); // the turn's write lands after
    expect(await gradeOf(store, 'slack:UANA')).toBe(9);
    expect((await rollOverSchoolYear(store, p, local('2026-08-01 09:05'))).changed).toEqual(['slack:UANA']);
    expect(await gradeOf(store, 'slack:UANA')).toBe(10);
    expect((await rollOverSchoolYear(store, p, local('2026-08-01 09:10'))).changed).toEqual([]);
    expect(await store.get<SchoolYearRecord>(SCHOOL_YEARS, '2026-27')).toMatchObject({ advanced: 3, graduated: 1 });
  });

  it('a rollover left unfinished by a stopped process is finished by another after a while, not at once', async () => {
    const store = makeStore();
    await school(store);
    await store.put<SchoolYearRecord>(SCHOOL_YEARS, '2026-27', { schoolYear: '2026-27', state: 'rolling', claimedAt: local('2026-08-01 00:00').toISOString(), advanced: 0, graduated: 0 });
    expect((await rollOverSchoolYear(store, p, local('2026-08-01 00:05'))).changed).toEqual([]);
    expect(await gradeOf(store, 'slack:UANA')).toBe(9);
    expect((await rollOverSchoolYear(store, p, local('2026-08-01 00:20'))).changed.sort()).toEqual(['slack:UANA', 'slack:UNIA', 'slack:UKAI', 'slack:USAM'].sort());
    expect(await store.get<SchoolYearRecord>(SCHOOL_YEARS, '2026-27')).toMatchObject({ state: 'done' });
  });
});
