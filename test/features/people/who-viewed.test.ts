import { describe, expect, it } from '@jest/globals';
import type { Profile } from '../../../src/domain/profile.js';
import type { RecordViews } from '../../../src/domain/people.js';
import { addCounselor } from '../../../src/features/people/admin-cli.js';
import { audit, auditEntries } from '../../../src/features/people/audit.js';
import { codeIn, DAY, newWorld, savePlan, setChoice } from './people-world.js';

async function family() {
  const w = await newWorld();
  const sam = await w.student('sam');
  await setChoice(w.store, 'console:sam', 'Sam Lee');
  await savePlan(w.store, 'console:sam', '2026-08-20T15:00:00.000Z');
  await addCounselor(w.store, 'console:rivera', 'Lincoln High', w.now(), 'Ms. Rivera');
  await w.assign('rivera', 'sam');
  await sam.say('invite my family');
  const mom = await w.family('mom');
  await mom.say(codeIn(sam.text()));
  const p = (await w.store.get<Profile>('profiles', 'console:mom'))!;
  await w.store.put('profiles', 'console:mom', { ...p, displayName: 'Rosa Lee' });
  return { w, sam, mom, rivera: w.chat('rivera') };
}

describe('"who looked at my plan?"', () => {
  it('tells a student who opened their record, newest first, with a count and names', async () => {
    const { w, sam, mom, rivera } = await family();
    await sam.say('who looked at my plan?');
    expect(sam.text()).toMatch(/^No one else opened your record in the last 90 days\./);

    await rivera.say('show student console:sam');
    w.advance(DAY);
    await mom.say("what's due");
    w.advance(DAY);
    await rivera.press('counselor:which', 'plan:console:sam');
    // The student's own looks do not count.
    await sam.say('show student console:sam');

    await sam.say('who has seen my plan');
    expect(sam.text().split('\n').slice(0, 4)).toEqual([
      'In the last 90 days, 2 people opened your record 3 times:',
      '- Nov 25: Ms. Rivera (counselor) read your plan',
      '- Nov 24: Rosa Lee (family) looked at your record',
      '- Nov 23: Ms. Rivera (counselor) looked at your record',
    ]);
    expect((await auditEntries(w.store)).filter((e) => e.action === 'student-viewed' && e.by === 'console:mom')).toHaveLength(1);
  });

  it('counts only the last 90 days and lists at most 10', async () => {
    const { w, sam, rivera } = await family();
    await rivera.say('show student console:sam');
    w.advance(91 * DAY);
    for (let i = 0; i < 12; i++) {
      await rivera.say('show student console:sam');
      w.advance(60 * 60 * 1000);
    }
    await sam.say('who looked at my plan');
    const lines = sam.text().split('\n');
    expect(lines[0]).toBe('In the last 90 days, 1 person opened your record 12 times (newest 10 below):');
    expect(lines.filter((l) => l.startsWith('- '))).toHaveLength(10);
    // The per-student record stays small: older views are dropped as new ones come.
    expect((await w.store.get<RecordViews>('record-views', 'console:sam'))!.views).toHaveLength(12);
  });

  it('tells a family member who opened their student\'s record (not the audit of anyone else)', async () => {
    const { w, mom, rivera } = await family();
    await rivera.say('show student console:sam');
    await audit(w.store, { at: w.now().toISOString(), by: 'console:rivera', action: 'student-viewed', subject: 'console:ana' });
    await mom.say('who has looked at my son\'s plan');
    expect(mom.text()).toBe("In the last 90 days, 1 person opened Sam's record 1 time:\n- Nov 23: Ms. Rivera (counselor) looked at their record");
  });

  it('is only for students and families', async () => {
    const { rivera } = await family();
    await rivera.say('who looked at my plan');
    expect(rivera.text()).not.toMatch(/opened/);
  });
});
