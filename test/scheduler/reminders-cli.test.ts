import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { takeOutbox } from '../../src/channels/console/console-sender.js';
import { parseCliArgs, runRemindersCli } from '../../src/scheduler/reminders-cli.js';
import { SENT } from '../../src/scheduler/index.js';
import { LowdbStore } from '../../src/store/lowdb-store.js';
import { addStudent, policy } from './sweep-fixtures.js';

let dir: string;
let store: LowdbStore;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'waypoint-reminders-cli-'));
  store = new LowdbStore(dir);
  await store.open();
  await addStudent(store, 'console:sam', 'Sam Lee', '2025-08-20 10:00');
  await addStudent(store, 'slack:UANA', 'Ana Ruiz', '2025-08-20 10:00');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(argv: string[]): Promise<string[]> {
  const args = parseCliArgs(argv);
  if ('error' in args) throw new Error(args.error);
  const lines: string[] = [];
  await runRemindersCli(args, { store, policy: policy(), now: new Date('2025-01-01T12:00:00Z'), write: (l) => lines.push(l) });
  return lines;
}

describe('npm run reminders', () => {
  it('--dry-run --date prints each recipient\'s id, name, kind and why, and sends nothing', async () => {
    const lines = await run(['--dry-run', '--date', '2025-09-16']);
    expect(lines[0]).toBe('Dry run at Tue 2025-09-16 12:00 America/Chicago (2025-09-16T17:00:00.000Z): nothing is sent.');
    expect(lines).toContain('2 reminders would go out.');
    expect(lines).toContain('id\tname\tkind\twhy');
    expect(lines).toContain('console:sam\tSam Lee\tfirst\tfall window 2025-09-15 to 2025-11-15 is open; no review since it opened');
    expect(lines).toContain('slack:UANA\tAna Ruiz\tfirst\tfall window 2025-09-15 to 2025-11-15 is open; no review since it opened');
    expect(await store.ids(SENT)).toEqual([]);
    expect(await store.ids('outbox')).toEqual([]);
  });

  it('a dry run on a weekend says when the reminders would go out', async () => {
    const lines = await run(['--dry-run', '--date=2025-09-20']);
    expect(lines[1]).toBe('Quiet hours or a weekend: these would wait until Mon 2025-09-22 07:00 America/Chicago.');
  });

  it('without --dry-run, delivers to terminal users\' outboxes and leaves Slack users to the Slack process', async () => {
    const lines = await run(['--date', '2025-09-16']);
    expect(lines).toContain("Sent 1 to terminal users' outboxes; 0 failed.");
    expect(lines.some((l) => l.startsWith('1 reminder is for Slack or Teams users'))).toBe(true);
    const waiting = await takeOutbox(store, 'console:sam');
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({ kind: 'question', questionId: 'reminder:review' });
    expect(await store.get(SENT, 'slack:UANA|2025-26-fall|first')).toBeUndefined();
  });

  it('refuses a date that does not exist or an unknown option', () => {
    expect(parseCliArgs(['--date', '2025-02-30'])).toEqual({ error: expect.stringContaining('--date needs a day') });
    expect(parseCliArgs(['--date'])).toEqual({ error: expect.stringContaining('got nothing') });
    expect(parseCliArgs(['--send-all'])).toEqual({ error: "I don't know the option --send-all" });
  });
});
