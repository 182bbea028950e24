import { describe, expect, it } from '@jest/globals';
import type { Profile } from '../../../src/domain/profile.js';
import type { StudentLinks } from '../../../src/domain/people.js';
import { addCounselor, parseAdminArgs, runAdmin, type AdminCommand } from '../../../src/features/people/admin-cli.js';
import { audit, auditEntries } from '../../../src/features/people/audit.js';
import { caseloadOf } from '../../../src/features/people/links.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import type { Store } from '../../../src/store/store.js';

const NOW = new Date('2026-11-23T15:00:00.000Z');

async function admin(store: Store, argv: string[], files: Record<string, string> = {}, now = NOW): Promise<{ ok: boolean | void; out: string }> {
  const cmd = parseAdminArgs(argv);
  if ('error' in cmd) return { ok: false, out: cmd.error };
  const lines: string[] = [];
  const readFile = async (f: string) => {
    if (!(f in files)) throw new Error('ENOENT');
    return files[f]!;
  };
  const ok = await runAdmin(cmd as AdminCommand, { store, now, write: (l) => lines.push(l), readFile });
  return { ok, out: lines.join('\n') };
}

async function district(): Promise<Store> {
  const store = new MemoryStore();
  await addCounselor(store, 'console:rivera', 'Lincoln High', NOW, 'Ms. Rivera');
  await addCounselor(store, 'slack:U0LEE', 'Lincoln High', NOW);
  await addCounselor(store, 'console:ortiz', 'Roosevelt High', NOW);
  return store;
}

describe('the admin assigns students to counselors', () => {
  it('assign puts a student on the caseload at the counselor\'s school; unassign takes them off', async () => {
    const store = await district();
    expect(await admin(store, ['assign', 'console:rivera', 'slack:U0SAM'])).toEqual({ ok: true, out: 'Assigned slack:U0SAM to console:rivera at Lincoln High.' });
    expect((await admin(store, ['assign', 'console:rivera', 'slack:U0SAM'])).out).toBe("slack:U0SAM was already on console:rivera's caseload.");
    expect((await store.get<StudentLinks>('student-links', 'slack:U0SAM'))?.school).toBe('Lincoln High');
    expect(await caseloadOf(store, 'console:rivera')).toEqual(['slack:U0SAM']);
    expect(await admin(store, ['unassign', 'console:rivera', 'slack:U0SAM'])).toEqual({ ok: true, out: "Took slack:U0SAM off console:rivera's caseload." });
    expect(await caseloadOf(store, 'console:rivera')).toEqual([]);
    const done = (await auditEntries(store, { student: 'slack:U0SAM' })).map((e) => `${e.by} ${e.action}`);
    expect(done).toEqual(['admin-cli caseload-added', 'admin-cli caseload-removed']);
  });

  it('assign needs a counselor that exists and a user who is not a family member', async () => {
    const store = await district();
    expect((await admin(store, ['assign', 'console:nobody', 'slack:U0SAM'])).out).toMatch(/^console:nobody is not a counselor\. Add them first/);
    await store.put<Profile>('profiles', 'console:mom', { userKey: 'console:mom', role: 'family', choiceHistory: [], createdAt: NOW.toISOString(), lastActiveAt: NOW.toISOString() });
    expect(await admin(store, ['assign', 'console:rivera', 'console:mom'])).toEqual({ ok: false, out: 'console:mom is not a student (they are set up as family).' });
    expect((await admin(store, ['assign', 'console:rivera'])).out).toMatch(/^assign needs a counselor and a student/);
    expect((await admin(store, ['assign', 'rivera', 'slack:U0SAM'])).out).toMatch(/"rivera" is not a user id/);
    expect(await caseloadOf(store, 'console:rivera')).toEqual([]);
  });
});

describe('a roster CSV import', () => {
  const ROSTER = [
    '\uFEFFStudent ID,Name,Grade,Counselor',
    'slack:U0SAM,Sam Lee,9,console:rivera',
    'slack:U0ANA,"Diaz, Ana",11th,slack:U0LEE',
    'slack:U0BEN,Ben Cruz,twelfth,console:ortiz',
    'slack:U0BAD,Bad Grade,purple,console:rivera',
    'U0NOCHANNEL,No Channel,9,console:rivera',
    'slack:U0CAI,Cai Long,10,console:nobody',
    'slack:U0SAM,Sam Again,9,console:rivera',
    'console:mom,A Parent,9,console:rivera',
    ',,,',
    'slack:U0EMPTY,,10,console:rivera',
  ].join('\r\n');

  it('imports the good rows, reports each bad row by line with the reason, and writes nothing of a bad row', async () => {
    const store = await district();
    await store.put<Profile>('profiles', 'console:mom', { userKey: 'console:mom', role: 'family', choiceHistory: [], createdAt: NOW.toISOString(), lastActiveAt: NOW.toISOString() });
    // Ana already chats with Waypoint under her own name and grade: kept.
    await store.put<Profile>('profiles', 'slack:U0ANA', { userKey: 'slack:U0ANA', role: 'student', grade: 10, displayName: 'Ana D.', choiceHistory: [], createdAt: NOW.toISOString(), lastActiveAt: NOW.toISOString() });
    const r = await admin(store, ['import-roster', 'roster.csv'], { 'roster.csv': ROSTER });
    expect(r.ok).toBe(false);
    expect(r.out.split('\n')).toEqual([
      'Imported 3 students (3 newly on a caseload, 2 new profiles). 6 rows skipped.',
      '  line 5: "purple" is not a grade (use 6 to 12, or K to 5)',
      '  line 6: student id: "U0NOCHANNEL" is not a user id. Write it as <channel>:<user id>, for example console:ms-rivera or slack:U0123ABC.',
      '  line 7: console:nobody is not a counselor (add them first with add-counselor)',
      '  line 8: slack:U0SAM is listed twice (first on line 2)',
      '  line 9: console:mom is set up as a family member, not a student',
      '  line 11: the name is empty',
    ]);
    expect(await caseloadOf(store, 'console:rivera')).toEqual(['slack:U0SAM']);
    expect(await caseloadOf(store, 'slack:U0LEE')).toEqual(['slack:U0ANA']);
    expect(await caseloadOf(store, 'console:ortiz')).toEqual(['slack:U0BEN']);
    expect(await store.get<Profile>('profiles', 'slack:U0SAM')).toMatchObject({ role: 'student', displayName: 'Sam Lee', grade: 9 });
    expect(await store.get<Profile>('profiles', 'slack:U0BEN')).toMatchObject({ displayName: 'Ben Cruz', grade: 12 });
    expect(await store.get<Profile>('profiles', 'slack:U0ANA')).toMatchObject({ displayName: 'Ana D.', grade: 10 });
    expect((await store.get<StudentLinks>('student-links', 'slack:U0BEN'))?.school).toBe('Roosevelt High');
    for (const bad of ['slack:U0BAD', 'slack:U0CAI', 'slack:U0EMPTY']) expect(await store.get('profiles', bad)).toBeUndefined();
    expect((await auditEntries(store)).filter((e) => e.action === 'roster-imported')).toEqual([expect.objectContaining({ by: 'admin-cli', count: 3 })]);
  });

  it('a clean roster says so; a file without the columns is refused whole', async () => {
    const store = await district();
    const ok = await admin(store, ['import-roster', 'a.csv'], { 'a.csv': 'counselor,grade,name,student id\nconsole:rivera,8,Zoe Kim,console:zoe\n' });
    expect(ok).toEqual({ ok: true, out: 'Imported 1 student (1 newly on a caseload, 1 new profile). 0 rows skipped.' });
    const bad = await admin(store, ['import-roster', 'b.csv'], { 'b.csv': 'id,name\nconsole:x,X\n' });
    expect(bad.out).toMatch(/line 1: the header needs the columns: student id, name, grade, counselor/);
    expect((await admin(store, ['import-roster', 'missing.csv'])).out).toBe("I couldn't read missing.csv. Check the path and try again.");
  });
});

describe('the audit, printed for the admin', () => {
  async function history(): Promise<Store> {
    const store = new MemoryStore();
    await audit(store, { at: '2026-08-30T10:00:00.000Z', by: 'admin-cli', action: 'caseload-added', subject: 'console:sam', target: 'console:rivera' });
    await audit(store, { at: '2026-09-02T10:00:00.000Z', by: 'console:rivera', action: 'student-viewed', subject: 'console:sam' });
    await audit(store, { at: '2026-09-03T10:00:00.000Z', by: 'console:rivera', action: 'student-viewed', subject: 'console:ana' });
    await audit(store, { at: '2026-09-01T08:00:00.000Z', by: 'console:mom', action: 'family-linked', subject: 'console:sam', target: 'console:mom' });
    return store;
  }

  it('prints one line per entry, oldest first, filtered by student and date', async () => {
    const store = await history();
    expect((await admin(store, ['audit'])).out.split('\n')).toEqual([
      '2026-08-30T10:00:00.000Z  caseload-added  by admin-cli  about console:sam  with console:rivera',
      '2026-09-01T08:00:00.000Z  family-linked  by console:mom  about console:sam  with console:mom',
      '2026-09-02T10:00:00.000Z  student-viewed  by console:rivera  about console:sam',
      '2026-09-03T10:00:00.000Z  student-viewed  by console:rivera  about console:ana',
    ]);
    expect((await admin(store, ['audit', '--student', 'console:sam', '--since', '2026-09-01'])).out.split('\n')).toEqual([
      '2026-09-01T08:00:00.000Z  family-linked  by console:mom  about console:sam  with console:mom',
      '2026-09-02T10:00:00.000Z  student-viewed  by console:rivera  about console:sam',
    ]);
    expect((await admin(store, ['audit', '--since=2026-12-01'])).out).toBe('No audit entries match.');
  });

  it('says clearly when a date or a student id is not right', async () => {
    const store = await history();
    expect(await admin(store, ['audit', '--since', '2026-02-30'])).toEqual({ ok: false, out: '"2026-02-30" is not a date. Write it as YYYY-MM-DD, for example --since 2026-09-01.' });
    expect((await admin(store, ['audit', '--since', 'last week'])).out).toMatch(/^"last week" is not a date/);
    expect((await admin(store, ['audit', '--since'])).out).toBe('--since needs a value.');
    expect((await admin(store, ['audit', '--student', 'sam'])).out).toMatch(/"sam" is not a user id/);
    expect((await admin(store, ['audit', '--who', 'x'])).out).toMatch(/^audit takes --student <id> and --since YYYY-MM-DD/);
  });
});
