import { beforeAll, describe, expect, it } from '@jest/globals';
import { draftPlan, draftPlanContent } from '../../../src/domain/plan/draft-plan.js';
import {
  chunksToRead,
  MOST_RECENT_KEPT,
  splitForArchive,
  VERSIONS_PER_CHUNK,
  withArchivedVersions,
} from '../../../src/domain/plan/plan-archive.js';
import {
  appendVersion,
  ArchivedVersionNeeded,
  changesSinceLastReview,
  currentPlan,
  recordReview,
  undoLastChange,
} from '../../../src/domain/plan/plan-history.js';
import type { PlanData } from '../../../src/domain/plan/plan-data-types.js';
import type { Plan, PlanArchiveChunk } from '../../../src/domain/plan/plan-types.js';
import { BY, framework, loadPlanData, NOW } from './plan-fixtures.js';

let draft: Plan;
let data: PlanData;
beforeAll(async () => {
  data = await loadPlanData();
  draft = draftPlan({ framework, data, pathwayId: 'health-science.therapeutic-services', currentGrade: 9, now: NOW, by: BY });
});

const at = (n: number) => new Date(Date.parse(NOW) + n * 60_000).toISOString();

/** A plan with `count` versions: the draft, then a new goal each time. */
function planWith(count: number, from = draft): Plan {
  let plan = from;
  for (let n = plan.versions[plan.versions.length - 1]!.number + 1; n <= count; n++) {
    plan = appendVersion(plan, { ...currentPlan(plan), goal: `goal number ${n}` }, { now: at(n), by: BY, summary: `Set the goal to goal number ${n}.` });
  }
  return plan;
}

const numbers = (plan: Plan) => plan.versions.map((v) => v.number);
const range = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, i) => first + i);

/** What a save would leave: the stored record and every chunk written so far. */
function saved(plan: Plan, archive = new Map<number, PlanArchiveChunk>()): { record: Plan; archive: Map<number, PlanArchiveChunk> } {
  const { record, chunks } = splitForArchive(plan);
  for (const c of chunks) archive.set(c.chunk, c);
  return { record, archive };
}

/** Runs `use`, reading back the chunks it asks for, like src/features/plan/plan-records.ts does from the store. */
function withHistory<T>(plan: Plan, archive: Map<number, PlanArchiveChunk>, use: (p: Plan) => T): T {
  let inHand = plan;
  for (let tries = 0; tries < 20; tries++) {
    try {
      return use(inHand);
    } catch (err) {
      if (!(err instanceof ArchivedVersionNeeded)) throw err;
      inHand = withArchivedVersions(inHand, chunksToRead(inHand, err.version).map((c) => archive.get(c)!));
    }
  }
  throw new Error('never had what it needed');
}

describe('a plan record keeps its draft and newest versions; older ones move out in chunks of 20', () => {
  it('keeps 40 versions as they are, and moves the oldest 20 out when there are 41', () => {
    const forty = splitForArchive(planWith(MOST_RECENT_KEPT));
    expect(forty.chunks).toEqual([]);
    expect(numbers(forty.record)).toEqual(range(1, 40));
    expect(forty.record.archivedThrough).toBeUndefined();

    const { record, chunks } = splitForArchive(planWith(MOST_RECENT_KEPT + 1));
    expect(chunks.map((c) => [c.chunk, numbers({ ...record, versions: c.versions })])).toEqual([[1, range(1, 20)]]);
    expect(record.archivedThrough).toBe(20);
    expect(numbers(record)).toEqual([1, ...range(21, 41)]);
  });

  it('a record of 202 versions saved before the archive moves out 9 chunks and keeps the draft and the newest 22', () => {
    const inline = planWith(202);
    const { record, chunks } = splitForArchive(inline);
    expect(chunks.map((c) => c.chunk)).toEqual(range(1, 9));
    expect(record.archivedThrough).toBe(180);
    expect(numbers(record)).toEqual([1, ...range(181, 202)]);
    expect(withArchivedVersions(record, chunks).versions).toEqual(inline.versions);
  });

  it('never holds more than 40 versions after the archived ones, and writes each chunk once, whatever the history length', () => {
    let record = draft;
    const written: number[] = [];
    for (let n = 2; n <= 300; n++) {
      const split = splitForArchive(planWith(n, record));
      record = split.record;
      written.push(...split.chunks.map((c) => c.chunk));
      expect(split.chunks.length).toBeLessThanOrEqual(1);
      expect(record.versions.length).toBeLessThanOrEqual(MOST_RECENT_KEPT + 1);
      expect(record.versions[0]!.number).toBe(1);
    }
    expect(written).toEqual(range(1, 13));
    expect(record.archivedThrough).toBe(13 * VERSIONS_PER_CHUNK);
  });

  it('versions read back for an undo or a review go back out of the record without their chunk being written again', () => {
    const { record, archive } = saved(planWith(202));
    const readBack = withArchivedVersions(record, [archive.get(8)!, archive.get(9)!]);
    expect(numbers(readBack)).toEqual([1, ...range(141, 202)]);
    const next = splitForArchive(planWith(203, readBack));
    expect(next.chunks).toEqual([]);
    expect(next.record.archivedThrough).toBe(180);
    expect(numbers(next.record)).toEqual([1, ...range(181, 203)]);
  });

  it('a chunk whose versions are still in the record (a save that stopped halfway) gives each version once, in order', () => {
    const full = planWith(41);
    const { chunks } = splitForArchive(planWith(42, full));
    const merged = withArchivedVersions(full, chunks);
    expect(numbers(merged)).toEqual(range(1, 41));
    expect(merged.versions[4]).toBe(full.versions[4]);
  });

  it('reads only the chunks missing from the versions in hand, from the one asked for to the last archived', () => {
    const { record, archive } = saved(planWith(202));
    expect(chunksToRead(record, 100)).toEqual([5, 6, 7, 8, 9]);
    expect(chunksToRead(record, 1)).toEqual(range(1, 9));
    expect(chunksToRead(withArchivedVersions(record, [archive.get(9)!]), 150)).toEqual([8]);
    expect(chunksToRead(record, 190)).toEqual([]);
  });
});

describe('undo and "what changed since the last review" reach into the archive when they need to', () => {
  it('asks for the version of a review 100 versions ago, and then answers as it would with every version', () => {
    const full = planWith(202, recordReview(planWith(102), { now: at(102), by: BY }));
    const { record, archive } = saved(full);

    let asked: number | undefined;
    try {
      changesSinceLastReview(record);
    } catch (err) {
      asked = (err as ArchivedVersionNeeded).version;
    }
    expect(asked).toBe(102);
    const answer = withHistory(record, archive, changesSinceLastReview);
    expect(answer).toEqual(changesSinceLastReview(full));
    expect(answer.length).toBeGreaterThan(0);
  });

  it('names a new draft for another pathway made among the archived versions, reading back every version after the review', () => {
    const other = draftPlanContent({ framework, data, pathwayId: 'health-science.diagnostics-services', currentGrade: 9 });
    const redrafted = appendVersion(planWith(99), other, { now: at(100), by: BY, summary: 'Made a new draft for Diagnostics Services.' });
    const full = planWith(202, redrafted);
    const { record, archive } = saved(full);
    expect(() => changesSinceLastReview(record)).toThrow(new ArchivedVersionNeeded(2));
    const answer = withHistory(record, archive, changesSinceLastReview);
    expect(answer[0]).toBe('Made a new draft for Diagnostics Services.');
    expect(answer).toEqual(changesSinceLastReview(full));
  });

  it('with no review yet, compares with the draft the record always keeps', () => {
    const full = planWith(202);
    const { record } = saved(full);
    expect(changesSinceLastReview(record)).toEqual(changesSinceLastReview(full));
  });

  it('undo after undo goes back across the archive boundary, step by step, as with every version', () => {
    let full = planWith(202);
    let { record, archive } = saved(full);
    for (let i = 1; i <= 30; i++) {
      const expected = undoLastChange(full, { now: at(300 + i), by: BY });
      const got = withHistory(record, archive, (p) => undoLastChange(p, { now: at(300 + i), by: BY }));
      if (!expected.ok || !got.ok) throw new Error('undo refused');
      expect(got.undone).toBe(expected.undone);
      expect(currentPlan(got.plan)).toEqual(currentPlan(expected.plan));
      full = expected.plan;
      ({ record, archive } = saved(got.plan, archive));
    }
    expect(currentPlan(record).goal).toBe('goal number 172');
  });

  it('asks instead of guessing: undo names the archived version it needs', () => {
    const { record } = saved(planWith(202));
    expect(undoLastChange(record, { now: NOW, by: BY }).ok).toBe(true);
    const needsArchive = { ...record, versions: [record.versions[0]!, record.versions[1]!] };
    expect(() => undoLastChange(needsArchive, { now: NOW, by: BY })).toThrow(new ArchivedVersionNeeded(180));
  });
});
