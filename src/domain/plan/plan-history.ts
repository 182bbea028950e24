/**
 * Versions and reviews of a plan: the current content, adding a version, undo, recording a review
 * and "what changed since the last review". Every function returns a new Plan; none mutates.
 *
 * A stored plan holds only its draft and newest versions (plan-archive.ts). A function that needs
 * an older version which is not in hand throws ArchivedVersionNeeded naming it; the plan records
 * (src/features/plan/plan-records.ts, withPlanHistory) read it back and ask again. So an answer is
 * never worked out from a part of the history.
 */
import { DEFAULT_LANGUAGE, withLanguage } from '../../i18n/language.js';
import { t } from '../../i18n/t.js';
import { planDifferences } from './plan-diff.js';
import type { Plan, PlanContent, PlanReview, PlanVersion } from './plan-types.js';

export function currentVersion(plan: Plan): PlanVersion {
  const v = plan.versions[plan.versions.length - 1];
  if (!v) throw new Error('a plan record has no versions');
  return v;
}

export function currentPlan(plan: Plan): PlanContent {
  return currentVersion(plan).plan;
}

/** A version this plan needs that lives in the archive and was not read back yet. */
export class ArchivedVersionNeeded extends Error {
  constructor(readonly version: number) {
    super(`version ${version} of the plan is in the archive and was not read back`);
    this.name = 'ArchivedVersionNeeded';
  }
}

/** The last version number kept in the archive instead of the record (0: none). */
export function archivedThrough(plan: Plan): number {
  return plan.archivedThrough ?? 0;
}

/** Version `n`; throws ArchivedVersionNeeded when it is archived and not in hand. */
export function versionNumbered(plan: Plan, n: number): PlanVersion | undefined {
  const v = plan.versions.find((x) => x.number === n);
  if (!v && n >= 1 && n <= archivedThrough(plan)) throw new ArchivedVersionNeeded(n);
  return v;
}

/** Every version after number `n`, oldest first; throws ArchivedVersionNeeded when one is not in hand. */
function versionsAfter(plan: Plan, n: number): PlanVersion[] {
  const have = new Set(plan.versions.map((v) => v.number));
  for (let k = n + 1; k <= archivedThrough(plan); k++) if (!have.has(k)) throw new ArchivedVersionNeeded(k);
  return plan.versions.filter((v) => v.number > n).sort((a, b) => a.number - b.number);
}

/** Adds a version built on the current one. */
export function appendVersion(
  plan: Plan,
  content: PlanContent,
  meta: { now: string; by: string; summary: string },
): Plan {
  const cur = currentVersion(plan);
  const version: PlanVersion = {
    number: cur.number + 1,
    at: meta.now,
    by: meta.by,
    summary: meta.summary,
    base: cur.number,
    plan: content,
  };
  return { ...plan, versions: [...plan.versions, version] };
}

/** The one line describing the change that produced a version's content (follows undos). */
export function contentSummary(plan: Plan, v: PlanVersion): string {
  let cur: PlanVersion | undefined = v;
  // Each undo restores an older version, so the chain is shorter than the version number.
  for (let guard = 0; cur?.restores !== undefined && guard < v.number; guard++) {
    cur = versionNumbered(plan, cur.restores);
  }
  return cur?.summary ?? v.summary;
}

export type UndoResult =
  /** `undone`: the stored (English) line of the change taken back; `undoneLines`: that change said again in the turn's language. */
  | { ok: true; plan: Plan; undone: string; undoneLines: string[] }
  | { ok: false; reason: string };

/**
 * Restores the content the current version was built on, as a new version. Undo again goes one
 * more step back, like a stack.
 */
export function undoLastChange(plan: Plan, meta: { now: string; by: string }): UndoResult {
  const cur = currentVersion(plan);
  const base = cur.base === undefined ? undefined : versionNumbered(plan, cur.base);
  if (!base) return { ok: false, reason: t('plan.refuse.nothingToUndo') };
  const undone = contentSummary(plan, cur);
  const version: PlanVersion = {
    number: cur.number + 1,
    at: meta.now,
    by: meta.by,
    // Stored data, kept in English like every version's line.
    summary: `Undid: ${lowerFirst(undone)}`,
    restores: base.number,
    ...(base.base !== undefined ? { base: base.base } : {}),
    plan: base.plan,
  };
  return { ok: true, plan: { ...plan, versions: [...plan.versions, version] }, undone, undoneLines: planDifferences(base.plan, cur.plan) };
}

function lowerFirst(s: string): string {
  return s.replace(/\.$/, '').replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase());
}

export function lastReview(plan: Plan): PlanReview | undefined {
  return plan.reviews[plan.reviews.length - 1];
}

/** ISO time of the last review, or undefined if the plan was never reviewed. */
export function lastReviewedAt(plan: Plan): string | undefined {
  return lastReview(plan)?.at;
}

/**
 * What really changed since the last review (or since the draft): the difference between the plan
 * then and now, one line each, so a change that was undone is not listed. A new draft for another
 * pathway is one line ("Made a new draft for ...") plus any change to the goal.
 */
export function changesSinceLastReview(plan: Plan): string[] {
  const since = versionNumbered(plan, lastReview(plan)?.version ?? 1) ?? plan.versions[0]!;
  const then = since.plan;
  const now = currentPlan(plan);
  if (then.pathwayId === now.pathwayId) return planDifferences(then, now);
  const later = versionsAfter(plan, since.number);
  const redraft = [...later].reverse().find((v, i, rev) => (rev[i + 1]?.plan ?? then).pathwayId !== v.plan.pathwayId);
  const goal = planDifferences({ ...then, grades: [] }, { ...now, grades: [] });
  return [redraft ? redraftLine(contentSummary(plan, redraft)) : t('plan.changes.redraftedOther'), ...goal];
}

/** A new draft's stored (English) line, said in the turn's language. */
function redraftLine(stored: string): string {
  const m = stored.match(/^Made a new draft for (.+)\.$/);
  return m ? t('plan.changes.redrafted', { pathway: m[1]! }) : stored;
}

/** Records a review now: who, when, and what changed since the one before. */
export function recordReview(plan: Plan, meta: { now: string; by: string }): Plan {
  const review: PlanReview = {
    at: meta.now,
    by: meta.by,
    version: currentVersion(plan).number,
    // Stored with the review, so in English whatever language the review was done in.
    changesSinceLastReview: withLanguage(DEFAULT_LANGUAGE, () => changesSinceLastReview(plan)),
  };
  return { ...plan, reviews: [...plan.reviews, review] };
}
