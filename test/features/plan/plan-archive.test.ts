import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyPlanChange, currentPlan, parsePlanChange, recordReview, type Plan } from '../../../src/domain/plan/index.js';
import { changesSinceLastReview, undoLastChange } from '../../../src/domain/plan/plan-history.js';
import { loadPlan, loadPlanVersions, PLAN_ARCHIVE, PLANS, savePlan } from '../../../src/features/plan/plan-records.js';
import { fileNameForId, LowdbStore } from '../../../src/store/lowdb-store.js';
import { factsOf } from '../../../src/store/record-facts.js';
import { appData, newChat, type TestChat } from '../../helpers/test-app.js';
import { gradesOf, now, planNow, studentWithPathway } from './plan-chat-helpers.js';

const KEY = 'console:ana';
const REVIEWED_AT = '2026-10-01T14:00:00.000Z';

/** The lowdb store, counting every write and able to stop before one, like a crash would. */
class WatchedStore extends LowdbStore {
  readonly puts: string[] = [];
  stopBefore?: string;
  override async put<T>(collection: string, id: string, value: T): Promise<void> {
    if (this.stopBefore === collection) {
      this.stopBefore = undefined;
      throw new Error('the process stopped here');
    }
    this.puts.push(`${collection}/${id}`);
    return super.put(collection, id, value);
  }
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'waypoint-plan-archive-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const fileSize = async (store: LowdbStore, collection: string, id: string) => (await stat(path.join(store.dir, collection, fileNameForId(id)))).size;
/** What lowdb writes for a record: its pretty-printed JSON. */
const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value, null, 2));
const numbers = (versions: { number: number }[]) => versions.map((v) => v.number);
const range = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, i) => first + i);

/** A 9th grader in the chat, with the plan drafted (version 1). */
async function studentWithDraft(store: LowdbStore): Promise<{ chat: TestChat; draft: Plan }> {
  const chat = await newChat({ store, now });
  await studentWithPathway(chat, '9th');
  await chat.say('plan');
  return { chat, draft: (await loadPlan(store, KEY))! };
}

/**
 * `changes` more changes, each made as the chat makes one (the stored record read, changed and
 * saved): FFA added and removed in turn, and Chemistry moved in version 151; a review is recorded
 * once the plan reaches version `reviewAt`. Returns the same history kept whole in memory, and the
 * plans record's size on disk after each save.
 */
async function makeChanges(store: LowdbStore, start: Plan, changes: number, o: { save?: boolean; reviewAt?: number } = {}) {
  const data = (await appData()).plans;
  let full = start;
  const sizes: number[] = [];
  const change = (plan: Plan, n: number): Plan => {
    const words = n === 151 ? 'move Chemistry to 12th' : gradesOf(currentPlan(plan), 'FFA').length ? 'remove FFA' : 'add FFA in 10th';
    const at = new Date(Date.parse('2026-09-01T15:00:00.000Z') + n * 60_000).toISOString();
    const r = applyPlanChange(plan, parsePlanChange(words)!, { now: at, by: KEY, data });
    if (!r.ok) throw new Error(r.reason);
    return n === o.reviewAt ? recordReview(r.plan, { now: REVIEWED_AT, by: 'console:rivera' }) : r.plan;
  };
  for (let k = 1; k <= changes; k++) {
    const n = full.versions[full.versions.length - 1]!.number + 1;
    full = change(full, n);
    if (o.save === false) continue;
    await savePlan(store, KEY, change((await loadPlan(store, KEY))!, n));
    sizes.push(await fileSize(store, PLANS, KEY));
  }
  return { full, sizes };
}

describe('a plan with a long history: old versions are kept in chunks, not rewritten on every change', () => {
  it('after 202 versions every version still reads back in order, and the record on disk stays as small as at 41', async () => {
    const store = new WatchedStore(dir);
    const { draft } = await studentWithDraft(store);
    const { full, sizes } = await makeChanges(store, draft, 201);

    expect(await loadPlanVersions(store, KEY)).toEqual(full.versions);
    expect(numbers(await loadPlanVersions(store, KEY, 150))).toEqual(range(141, 202).filter((n) => n >= 150));

    const record = (await loadPlan(store, KEY))!;
    expect(record.archivedThrough).toBe(180);
    expect(numbers(record.versions)).toEqual([1, ...range(181, 202)]);
    expect(await readdir(path.join(dir, PLAN_ARCHIVE))).toHaveLength(9);
    // Each chunk was written once; the record once per change.
    const chunkWrites = store.puts.filter((p) => p.startsWith(`${PLAN_ARCHIVE}/`));
    expect(chunkWrites).toEqual(range(1, 9).map((c) => `${PLAN_ARCHIVE}/${KEY}#${c}`));

    // The record never holds more than the draft and 40 versions: its size does not grow with the history.
    const largest40 = [...full.versions].sort((x, y) => bytesOf(y) - bytesOf(x)).slice(0, 40);
    const bound = bytesOf({ ...full, archivedThrough: 180, versions: [full.versions[0]!, ...largest40] });
    expect(Math.max(...sizes)).toBeLessThanOrEqual(bound);
    expect(Math.max(...sizes.slice(150))).toBeLessThanOrEqual(Math.max(...sizes.slice(39, 60)) * 1.02);
    expect(bytesOf(full)).toBeGreaterThan(4 * bound);

    // The draft stays first, so the reminders' "drafted on" fact is still right.
    expect(factsOf('plans', record).drafted).toBe(draft.versions[0]!.at);
  });

  it('"undo" again and again goes back past the newest versions into the archived ones', async () => {
    const store = new WatchedStore(dir);
    const { chat, draft } = await studentWithDraft(store);
    let { full } = await makeChanges(store, draft, 201);
    expect(gradesOf(await planNow(chat), 'Chemistry')).toEqual([12]);

    for (let i = 1; i <= 25; i++) {
      const expected = undoLastChange(full, { now: now().toISOString(), by: KEY });
      if (!expected.ok) throw new Error(expected.reason);
      full = expected.plan;
      await chat.say('undo');
      expect(chat.text()).toContain(`I undid your last change (${expected.undone.replace(/\.$/, '').replace(/^[A-Z]/, (c) => c.toLowerCase())})`);
      expect(await planNow(chat)).toEqual(currentPlan(full));
    }
    // 25 undos from version 202 give version 177's plan, which only the archive held.
    expect(await planNow(chat)).toEqual(full.versions.find((v) => v.number === 177)!.plan);
    expect(await loadPlanVersions(store, KEY)).toEqual(full.versions);
  });

  it('"review my plan" says what changed since a review 100 versions ago, and saves the next review', async () => {
    const store = new WatchedStore(dir);
    const { chat, draft } = await studentWithDraft(store);
    const { full } = await makeChanges(store, draft, 201, { reviewAt: 102 });
    expect((await loadPlan(store, KEY))!.reviews[0]!.version).toBe(102);
    const expected = changesSinceLastReview(full);
    expect([...expected].sort()).toEqual(['Moved Chemistry from 11th to 12th.', 'Removed FFA from 10th grade.']);

    await chat.say('review my plan');
    expect(chat.text()).toContain(`Your last review was on Oct 1, 2026. Since then:\n${expected.map((c) => `- ${c}`).join('\n')}`);
    await chat.say('yes');
    expect(chat.text()).toMatch(/Review saved on Nov 23, 2026\. Changes since the last review: 2\./);
    const reviews = (await loadPlan(store, KEY))!.reviews;
    expect(reviews[1]).toEqual({ at: now().toISOString(), by: KEY, version: 202, changesSinceLastReview: expected });
  });

  it('a record saved before the archive, with 202 versions in it, reads correctly and is trimmed on its next save', async () => {
    const store = new WatchedStore(dir);
    const { chat, draft } = await studentWithDraft(store);
    const { full } = await makeChanges(store, draft, 201, { save: false });
    await store.put(PLANS, KEY, full);
    const before = await fileSize(store, PLANS, KEY);
    expect(await loadPlanVersions(store, KEY)).toEqual(full.versions);

    await chat.say('add FFA in 10th');
    await chat.say('yes');
    expect(chat.text()).toMatch(/^Added FFA/);
    const record = (await loadPlan(store, KEY))!;
    expect(record.archivedThrough).toBe(180);
    expect(numbers(record.versions)).toEqual([1, ...range(181, 203)]);
    const all = await loadPlanVersions(store, KEY);
    expect(all.slice(0, 202)).toEqual(full.versions);
    expect(numbers(all)).toEqual(range(1, 203));
    expect(await fileSize(store, PLANS, KEY)).toBeLessThan(before / 4);
  });

  it('a save that stops after writing a chunk and before the record loses nothing, and the next save writes the same chunk', async () => {
    const store = new WatchedStore(dir);
    const { draft } = await studentWithDraft(store);
    const { full: forty } = await makeChanges(store, draft, 39);
    expect(forty.versions).toHaveLength(40);
    const { full: next } = await makeChanges(store, forty, 1, { save: false });

    store.stopBefore = PLANS;
    await expect(savePlan(store, KEY, next)).rejects.toThrow('the process stopped here');
    const chunkFile = path.join(dir, PLAN_ARCHIVE, fileNameForId(`${KEY}#1`));
    const chunkBefore = await readFile(chunkFile, 'utf8');
    expect((await loadPlan(store, KEY))!.versions).toHaveLength(40);
    // Versions 1..20 are in both the chunk and the record: each reads back once.
    expect(await loadPlanVersions(store, KEY)).toEqual(forty.versions);

    await savePlan(store, KEY, next);
    expect(await readFile(chunkFile, 'utf8')).toBe(chunkBefore);
    expect(numbers((await loadPlan(store, KEY))!.versions)).toEqual([1, ...range(21, 41)]);
    expect(await loadPlanVersions(store, KEY)).toEqual(next.versions);
  });
});
