/** Families may ask for reminders about their student's plan check-ins (off unless asked), in their own language. */
import { describe, expect, it } from '@jest/globals';
import type { Profile } from '../../src/domain/profile.js';
import { runReminderSweep } from '../../src/scheduler/index.js';
import { codeIn, newWorld } from '../features/people/people-world.js';
import { FakeSender, local, policy } from './sweep-fixtures.js';

const p = policy('America/Chicago');

async function linkedFamily() {
  const w = await newWorld({ start: '2026-09-01T15:00:00.000Z' });
  const sam = await w.student('sam', 9);
  await sam.say('invite my family');
  const mom = await w.family('mom');
  await mom.say(codeIn(sam.text()));
  const dad = await w.family('dad');
  await dad.say(codeIn((await sam.say('invite my family'), sam.text())));
  const profile = (await w.store.get<Profile>('profiles', 'console:sam'))!;
  await w.store.put('profiles', 'console:sam', { ...profile, displayName: 'Sam Lee' });
  return { w, sam, mom, dad };
}

describe('family reminders', () => {
  it('are off until a family member asks; then they get a copy of their student\'s reminder, once', async () => {
    const { w, mom, dad } = await linkedFamily();
    await mom.say('remind me');
    expect(mom.text()).toMatch(/I'll send you a short reminder too/);
    expect((await w.store.get<Profile>('profiles', 'console:mom'))!.familyReminders).toBe(true);
    expect((await w.store.get<Profile>('profiles', 'console:dad'))!.familyReminders).toBeUndefined();

    const inbox = new FakeSender('console');
    const sweep = await runReminderSweep({ store: w.store, senders: [inbox], policy: p, now: local('2026-09-15 09:00') });
    expect(sweep).toMatchObject({ sent: 1, familyCopies: 1 });
    const toMom = inbox.sent.filter((s) => s.userId === 'mom');
    expect(toMom).toHaveLength(1);
    expect(toMom[0]!.replies.map((r) => ('text' in r ? r.text : '')).join(' ')).toMatch(/A reminder about Sam: Sam doesn't have a Plan of Study yet/);
    expect(inbox.sent.filter((s) => s.userId === 'dad')).toEqual([]);

    // The next sweep sends nothing again.
    const again = await runReminderSweep({ store: w.store, senders: [inbox], policy: p, now: local('2026-09-16 09:00') });
    expect(again).toMatchObject({ sent: 0, familyCopies: 0 });
    void dad;
  });

  it('go in the family member\'s language, and "no más recordatorios" turns them off again', async () => {
    const { w, dad } = await linkedFamily();
    await dad.say('español');
    await dad.say('recordatorios');
    expect(dad.text()).toMatch(/también le enviaré un recordatorio corto/);
    const inbox = new FakeSender('console');
    await runReminderSweep({ store: w.store, senders: [inbox], policy: p, now: local('2026-09-15 09:00') });
    const toDad = inbox.sent.filter((s) => s.userId === 'dad');
    expect(toDad.map((s) => s.replies.map((r) => ('text' in r ? r.text : '')).join(' ')).join(' ')).toMatch(/Un recordatorio sobre Sam/);

    await dad.say('no más recordatorios');
    expect(dad.text()).toMatch(/no más recordatorios/i);
    expect((await w.store.get<Profile>('profiles', 'console:dad'))!.familyReminders).toBe(false);
  });

  it('a family member with no student yet is told the reminders start once they link', async () => {
    const w = await newWorld();
    const ana = await w.family('ana');
    await ana.say('send me reminders');
    expect(ana.text()).toMatch(/not linked to a student yet/);
  });
});
