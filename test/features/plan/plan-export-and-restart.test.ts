import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { createEngine } from '../../../src/app/create-engine.js';
import type { FileReply } from '../../../src/domain/messages.js';
import type { Profile } from '../../../src/domain/profile.js';
import { LowdbStore } from '../../../src/store/lowdb-store.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import { Records } from '../../../src/store/records.js';
import type { Store } from '../../../src/store/store.js';
import { pdfStrings } from '../../export/pdf-text-extract.js';
import { appData, newChat, TestChat } from '../../helpers/test-app.js';
import { gradesOf, now, planNow, storedPlan, studentWithPathway } from './plan-chat-helpers.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'waypoint-plan-chat-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function chatWithExports(store: Store, exportDir: string): Promise<TestChat> {
  const engine = createEngine({ records: new Records(store), data: await appData(), now, exportDir });
  return new TestChat(engine, store);
}

/** The text drawn in a pdfkit PDF, compressed streams included. */
function pdfText(pdf: Buffer): string {
  return pdfStrings(pdf).join('\n');
}

describe('exporting the plan', () => {
  it('"export my plan" writes a PDF and a CSV with the name, school, goal and pathway, and says where', async () => {
    const store = new MemoryStore();
    const exportDir = path.join(dir, 'exports');
    const chat = await chatWithExports(store, exportDir);
    await studentWithPathway(chat, '10th');
    const profile = (await store.get<Profile>('profiles', 'console:ana'))!;
    await store.put('profiles', 'console:ana', { ...profile, displayName: 'Ana Lopez' });
    await store.put('student-links', 'console:ana', { studentKey: 'console:ana', counselorKeys: ['console:rivera'], familyKeys: [], updatedAt: now().toISOString() });
    await store.put('counselors', 'console:rivera', { userKey: 'console:rivera', school: 'Example High School', addedAt: now().toISOString(), addedBy: 'admin-cli' });
    await chat.say('plan');
    await chat.press('plan:goal', 'goal:0');

    await chat.say('download my plan');
    const files = chat.last.filter((r): r is FileReply => r.kind === 'file');
    expect(files.map((f) => f.mimeType)).toEqual(['application/pdf', 'text/csv']);
    for (const f of files) {
      expect(path.dirname(f.path)).toBe(exportDir);
      expect((await stat(f.path)).size).toBeGreaterThan(100);
      expect(chat.text()).toContain(`Saved to: ${f.path}`);
      // The name a channel shows (an upload's name) carries the date, never the student's internal id.
      expect(f.filename).toMatch(/^plan-of-study-\d{4}-\d{2}-\d{2}\.(pdf|csv)$/);
    }

    const pdf = await readFile(files[0]!.path);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const drawn = pdfText(pdf);
    for (const s of ['Ana Lopez', 'Example High School', 'Therapeutic Services', 'Health Science', '12th']) expect(drawn).toContain(s);

    const rows = parse(await readFile(files[1]!.path, 'utf8')) as string[][];
    const field = (label: string) => rows.find((r) => r[0] === label)?.[1];
    expect(field('Student')).toBe('Ana Lopez');
    expect(field('School')).toBe('Example High School');
    expect(field('Career Pathway')).toBe('Therapeutic Services');
    expect(field('Postsecondary goal')).toBe((await planNow(chat)).goal);
    expect(rows.find((r) => r[0] === 'Grade')).toEqual(['Grade', '9th', '10th', '11th', '12th', 'After HS 1', 'After HS 2']);
  });

  it('without an export folder the bot says it cannot save files and writes nothing', async () => {
    const chat = await newChat({ now });
    await studentWithPathway(chat, '10th');
    await chat.say('plan');
    await chat.say('export my plan');
    expect(chat.text()).toMatch(/can't save files here/);
    expect(chat.last.some((r) => r.kind === 'file')).toBe(false);
  });
});

describe('the plan is a stored record', () => {
  it('the plan and its versions survive a restart on the lowdb store, and undo still works', async () => {
    const first = new LowdbStore(path.join(dir, 'data'));
    await first.open();
    const chat = await newChat({ store: first, now });
    await studentWithPathway(chat, '9th');
    await chat.say('plan');
    await chat.say('move Chemistry to 12th');
    await chat.say('yes');
    const before = await storedPlan(chat);
    expect(before!.versions).toHaveLength(2);

    const second = new LowdbStore(path.join(dir, 'data'));
    await second.open();
    const again = await newChat({ store: second, now });
    expect(await storedPlan(again)).toEqual(before);
    // A new process numbers its messages from 1 again: give them ids the old session never saw.
    const say = async (text: string) => (again.last = (await again.engine.handle(again.turn({ text, messageId: `after-restart-${text}` }))).replies);
    await say('show my plan');
    expect(again.text()).toMatch(/^12th: .*Chemistry/m);
    await say('undo');
    expect(gradesOf(await planNow(again), 'Chemistry')).toEqual([11]);
    expect((await storedPlan(again))!.versions).toHaveLength(3);
  });
});
