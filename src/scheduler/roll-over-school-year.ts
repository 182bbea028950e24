/**
 * The school-year rollover, once per school year: grades advance, 12th graders graduate
 * (src/domain/school-year-rollover.ts says how). Run before every reminder sweep (the scheduler, at
 * start and each sweep, and `npm run reminders`); it does the work only when there is some.
 *
 * Once only, across processes and restarts: the first process to claim the school year's record
 * ("school-years", id "2026-27", putIfAbsent) does the full pass and marks it done; a claim left
 * "rolling" by a process that stopped is taken over after STALE_ROLLOVER_MS. Each profile is
 * stamped with the school year its grade is for (gradeSchoolYear) and only profiles behind are
 * changed, so a pass run twice, or resumed, never advances anyone twice. After the year is done, a
 * sweep that finds a student still behind (a chat turn saved an older copy of the profile at the
 * same moment) fixes just that student.
 */
import type { Profile } from '../domain/profile.js';
import type { ReviewPolicy } from '../domain/reminders/index.js';
import { isBehind, rolledOver, schoolYearLabel, schoolYearStartOf } from '../domain/school-year-rollover.js';
import { factsIndexOf } from '../store/indexed-store.js';
import type { Store } from '../store/store.js';

export const SCHOOL_YEARS = 'school-years';
export const STALE_ROLLOVER_MS = 15 * 60_000;

/** Collection "school-years", id = "2026-27". */
export interface SchoolYearRecord {
  schoolYear: string;
  state: 'rolling' | 'done';
  claimedAt: string;
  doneAt?: string;
  advanced: number;
  graduated: number;
}

export interface RolloverResult {
  schoolYear: string;
  /** Students moved up a grade, and students who graduated, by this call. */
  advanced: number;
  graduated: number;
  /** Student keys changed (for logs: ids only). */
  changed: string[];
}

export interface RolloverLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

/** Students who may be behind: from the facts index when there is one, else every profile. */
async function candidates(store: Store, policy: ReviewPolicy, currentStart: number, fullPass: boolean): Promise<string[]> {
  const indexed = factsIndexOf(store);
  const keys: string[] = [];
  if (indexed) {
    for (const [id, f] of (await indexed.facts()).profiles) {
      if (f.role !== 'student' || f.grade === undefined || f.graduatedIn !== undefined) continue;
      // A grade with no date in the facts (set by an older version, or dated only by createdAt): the full pass reads the record.
      const undated = f.gradeSetAt === undefined && f.gradeSchoolYear === undefined;
      if ((undated && fullPass) || isBehind(f, policy, currentStart)) keys.push(id);
    }
    return keys;
  }
  for (const { id, value } of await store.list<Profile>('profiles')) if (isBehind(value, policy, currentStart)) keys.push(id);
  return keys;
}

async function pass(store: Store, keys: string[], policy: ReviewPolicy, currentStart: number, dryRun: boolean, out: RolloverResult): Promise<void> {
  for (const id of keys) {
    const profile = await store.get<Profile>('profiles', id); // fresh: a turn may have changed it
    const next = profile && rolledOver(profile, policy, currentStart);
    if (!next) continue;
    if (!dryRun) await store.put<Profile>('profiles', id, next.profile);
    if (next.change.kind === 'graduated') out.graduated++;
    else out.advanced++;
    out.changed.push(id);
  }
}

/** Rolls the school year over when due. `dryRun`: count what would change, write nothing. */
export async function rollOverSchoolYear(store: Store, policy: ReviewPolicy, now: Date, o: { dryRun?: boolean; logger?: RolloverLogger } = {}): Promise<RolloverResult> {
  const currentStart = schoolYearStartOf(policy, now.getTime());
  const schoolYear = schoolYearLabel(currentStart);
  const out: RolloverResult = { schoolYear, advanced: 0, graduated: 0, changed: [] };
  const record = await store.get<SchoolYearRecord>(SCHOOL_YEARS, schoolYear);

  if (o.dryRun) {
    await pass(store, await candidates(store, policy, currentStart, record?.state !== 'done'), policy, currentStart, true, out);
    return out;
  }
  if (record?.state === 'done') {
    const behind = await candidates(store, policy, currentStart, false);
    if (behind.length > 0) await pass(store, behind, policy, currentStart, false, out);
    if (out.changed.length > 0) o.logger?.info({ schoolYear, students: out.changed }, 'school year: moved up students left behind');
    return out;
  }
  const claim: SchoolYearRecord = { schoolYear, state: 'rolling', claimedAt: now.toISOString(), advanced: 0, graduated: 0 };
  if (!(await store.putIfAbsent<SchoolYearRecord>(SCHOOL_YEARS, schoolYear, claim))) {
    const held = await store.get<SchoolYearRecord>(SCHOOL_YEARS, schoolYear);
    if (held?.state !== 'rolling' || now.getTime() - Date.parse(held.claimedAt) < STALE_ROLLOVER_MS) return out;
    o.logger?.warn({ schoolYear }, 'school year rollover left unfinished by a stopped process; finishing it');
    await store.put<SchoolYearRecord>(SCHOOL_YEARS, schoolYear, { ...held, claimedAt: now.toISOString() });
  }
  try {
    await pass(store, await candidates(store, policy, currentStart, true), policy, currentStart, false, out);
  } catch (err) {
    // Release the claim so the next sweep tries again at once (profiles already moved up stay stamped).
    await store.delete(SCHOOL_YEARS, schoolYear).catch(() => undefined);
    throw err;
  }
  const before = await store.get<SchoolYearRecord>(SCHOOL_YEARS, schoolYear);
  await store.put<SchoolYearRecord>(SCHOOL_YEARS, schoolYear, {
    schoolYear, state: 'done', claimedAt: before?.claimedAt ?? claim.claimedAt, doneAt: now.toISOString(),
    advanced: (before?.advanced ?? 0) + out.advanced, graduated: (before?.graduated ?? 0) + out.graduated,
  });
  o.logger?.info({ schoolYear, advanced: out.advanced, graduated: out.graduated }, 'school year rolled over');
  return out;
}
