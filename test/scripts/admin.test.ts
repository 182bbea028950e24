import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAdminArgs, runAdmin, type AdminCommand } from '../../src/features/people/admin-cli.js';
import { auditEntries } from '../../src/features/people/audit.js';
import type { Profile } from '../../src/domain/profile.js';
import type { CounselorRecord } from '../../src/domain/people.js';
import { LowdbStore } from '../../src/store/lowdb-store.js';
import { IndexedStore } from '../../src/store/indexed-store.js';
import { PROJECT_DIR } from '../../src/config.js';
import { codeIn, newWorld } from '../features/people/people-world.js';

const now = new Date('2026-09-01T12:00:00Z');

/** Runs the real `npm run admin -- ...` script against a data folder. */
function adminScript(dataDir: string, argv: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('npx', ['tsx', 'scripts/admin.ts', ...argv], { cwd: PROJECT_DIR, env: { ...process.env, WAYPOINT_DATA_DIR: dataDir }, timeout: 60_000 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout),
    );
  });
}

async function run(store: LowdbStore, argv: string[]): Promise<string[]> {
  const cmd = parseAdminArgs(argv);
  if ('error' in cmd) throw new Error(cmd.error);
  const lines: string[] = [];
  await runAdmin(cmd as AdminCommand, { store, now, write: (l) => lines.push(l) });
  return lines;
}

describe('npm run admin', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'waypoint-admin-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('adds, lists and removes a counselor, with a profile role and audit records', async () => {
    const store = new LowdbStore(dir);
    await store.open();
    expect(await run(store, ['add-counselor', 'slack:U0RIV', '--school', 'Lincoln High School'])).toEqual([
      'Added counselor slack:U0RIV at Lincoln High School.',
      expect.stringMatching(/caseload/),
    ]);
    expect(await store.get<CounselorRecord>('counselors', 'slack:U0RIV')).toMatchObject({ school: 'Lincoln High School', addedBy: 'admin-cli' });
    expect((await store.get<Profile>('profiles', 'slack:U0RIV'))?.role).toBe('counselor');
    expect((await run(store, ['add-counselor', 'slack:U0RIV', '--school=Central High']))[0]).toMatch(/already a counselor; school is now Central High/);

    const again = new LowdbStore(dir);
    await again.open();
    expect(await run(again, ['list'])).toEqual(['1 counselor:', expect.stringMatching(/^ {2}slack:U0RIV {2}Central High {2}added 2026-09-01 {2}0 students$/)]);
    expect(await run(again, ['remove-counselor', 'slack:U0RIV'])).toEqual(['Removed counselor access for slack:U0RIV.']);
    expect(await again.get('counselors', 'slack:U0RIV')).toBeUndefined();
    expect(await again.get('profiles', 'slack:U0RIV')).toBeUndefined();
    expect(await run(again, ['remove-counselor', 'slack:U0RIV'])).toEqual([expect.stringMatching(/not a counselor; nothing changed/)]);
    expect((await auditEntries(again)).map((a) => [a.action, a.by, a.subject])).toEqual([
      ['counselor-added', 'admin-cli', 'slack:U0RIV'],
      ['counselor-removed', 'admin-cli', 'slack:U0RIV'],
    ]);
  });

  it('turns a student profile into a counselor, keeping the rest', async () => {
    const store = new LowdbStore(dir);
    await store.open();
    await store.put<Profile>('profiles', 'console:lee', { userKey: 'console:lee', role: 'student', displayName: 'Lee', choiceHistory: [], createdAt: 'x', lastActiveAt: 'x' });
    await run(store, ['add-counselor', 'console:lee', '--school', 'North', '--name', 'Mr. Lee']);
    expect(await store.get<Profile>('profiles', 'console:lee')).toMatchObject({ role: 'counselor', displayName: 'Mr. Lee', createdAt: 'x' });
  });

  it.each([
    [[], /Say what to do/],
    [['promote', 'console:x'], /don't know the command "promote"/],
    [['add-counselor'], /<channel>:<user id>/],
    [['add-counselor', 'rivera', '--school', 'X'], /"rivera" is not a user id/],
    [['add-counselor', 'email:r@x.org', '--school', 'X'], /"email" is not a channel/],
    [['add-counselor', 'console:r'], /needs the school/],
    [['add-counselor', 'console:r', '--school'], /--school needs a value/],
    [['add-counselor', 'console:r', 'Lincoln', 'High', '--school', 'X'], /Only one user at a time/],
    [['add-counselor', 'console:r', '--school', 'X', '--force'], /don't know the option --force/],
    [['remove-counselor'], /<channel>:<user id>/],
    [['list', 'extra'], /list takes no arguments/],
  ])('%j gets a clear message', (argv, message) => {
    const r = parseAdminArgs(argv as string[]);
    expect(r).toEqual({ error: expect.stringMatching(message) });
  });

  it('a whole day on a lowdb store: counselor added by the CLI, class code, joins, family link, caseload', async () => {
    const store = new LowdbStore(dir);
    await store.open();
    const w = await newWorld({ store });
    await run(store, ['add-counselor', 'console:rivera', '--school', 'Lincoln High']);
    const rivera = w.chat('rivera');
    await rivera.say('new class code');
    const code = codeIn(rivera.text());
    const sam = await w.student('sam');
    await sam.say(code);
    await sam.say('invite my family');
    await (await w.family('mom')).say(codeIn(sam.text()));
    await rivera.say('caseload');
    expect(rivera.text()).toMatch(/^1 student on your list\./);

    const reopened = new LowdbStore(dir);
    await reopened.open();
    expect(await reopened.get('family-links', 'console:mom')).toMatchObject({ studentKeys: ['console:sam'] });
    expect(await reopened.get('student-links', 'console:sam')).toMatchObject({ familyKeys: ['console:mom'], counselorKeys: ['console:rivera'] });
    expect((await auditEntries(reopened)).map((a) => a.action)).toEqual(['counselor-added', 'caseload-added', 'family-linked']);
  });

  it('the script writes through the facts index, so reminder digests follow counselors added and removed', async () => {
    // A data folder already in use: the app has built its facts index.
    const app = new IndexedStore(new LowdbStore(dir));
    await app.open();
    await app.put('caseloads', 'console:lee', { counselorKey: 'console:lee', studentKeys: ['console:sam'], updatedAt: now.toISOString() });

    expect(await adminScript(dir, ['add-counselor', 'console:lee', '--school', 'Central High'])).toMatch(/Added counselor console:lee at Central High/);
    expect((await app.facts()).counselors.has('console:lee')).toBe(true);

    expect(await adminScript(dir, ['remove-counselor', 'console:lee'])).toMatch(/Removed counselor access/);
    expect((await app.facts()).counselors.has('console:lee')).toBe(false);
  }, 60_000);
});
