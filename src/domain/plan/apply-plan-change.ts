/**
 * Applies one parsed change to a plan. Success adds a new version (time, who, one-line summary)
 * and gives a confirmation sentence; a change that can't be made is refused with the reason and
 * the plan is returned unchanged. Pure.
 */
import { planItemName } from '../../i18n/plan-data-words.js';
import { currentLanguage, DEFAULT_LANGUAGE, withLanguage } from '../../i18n/language.js';
import { t, type Params } from '../../i18n/t.js';
import { gradeName, gradesWhere, listGrades, listWords } from './grades.js';
import type { PlanChange } from './parse-plan-change.js';
import type { PlanData } from './plan-data-types.js';
import {
  cloneContent,
  didYouMean,
  gradeOf,
  matchInPlan,
  matchKnown,
  occurrences,
  outsidePlan,
  placementProblems,
} from './plan-edits.js';
import { appendVersion, currentPlan, undoLastChange } from './plan-history.js';
import { rowLabel, type Plan, type PlanContent } from './plan-types.js';
import { findOne, flagIfNew, laterLevels, resolveNew, takeOut } from './plan-item-lookup.js';

export interface ApplyContext {
  /** ISO 8601 time. */
  now: string;
  /** User key of who made the change. */
  by: string;
  data: PlanData;
  /** The student's grade now, when known (it moves on after the plan was drafted). */
  studentGrade?: number;
}

export type ApplyResult =
  | {
      ok: true;
      plan: Plan;
      /** The one line kept with the version ("Moved Chemistry from 10th to 11th."), always in English (stored). */
      summary: string;
      /** Things worth saying once: an unknown name we kept as typed, a course now missing its earlier course. */
      notes: string[];
      /** The change done, in the turn's language, + notes, ready to say. */
      confirmation: string;
      /** The change still to make, in the turn's language, with its heads-ups ("Here's the change: Move ..."). */
      preview: string;
      /** True for an undo (its confirmation says how to undo nothing). */
      undo?: boolean;
    }
  | { ok: false; reason: string; plan: Plan };

/** A change in words: "changes" says it as done ("Moved ..."), "preview" as still to make ("Move ..."). */
type Words = (section: 'changes' | 'preview') => string;

/** Words for catalog key plan.<section>.<key>; the params are worked out in the language asked for. */
function words(key: string, params: () => Params): Words {
  return (section) => t(`plan.${section}.${key}`, params()).replace(/\.\.$/, '.');
}

type Step = { content: PlanContent; words: Words; notes: string[]; warnings?: string[] } | { refusal: string };

/** "moved Chemistry from 11th to 12th" out of "Moved Chemistry from 11th to 12th." */
function lowerFirst(s: string): string {
  return s.replace(/\.$/, '').replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase());
}

export function applyPlanChange(plan: Plan, change: PlanChange, ctx: ApplyContext): ApplyResult {
  if (change.kind === 'undo') {
    const r = undoLastChange(plan, ctx);
    if (!r.ok) return { ok: false, reason: r.reason, plan };
    // Stored summaries are English: in another language the undone change is said again from the two versions.
    const lines = currentLanguage() === DEFAULT_LANGUAGE ? [r.undone] : r.undoneLines;
    const what = lines.length > 0 && lines.length <= 3 ? lines.map(lowerFirst).join(t('plan.changes.separator')) : undefined;
    const summary = what ? t('plan.changes.undid', { what }) : t('plan.changes.undidPlain');
    return { ok: true, plan: r.plan, summary, notes: [], confirmation: summary, preview: summary, undo: true };
  }
  const before = currentPlan(plan);
  const step = stepFor(before, change, ctx.data, ctx.studentGrade);
  if ('refusal' in step) return { ok: false, reason: step.refusal, plan };
  // The version keeps its line in English (stored data); what is said is in the turn's language.
  const summary = withLanguage(DEFAULT_LANGUAGE, () => step.words('changes'));
  const next = appendVersion(plan, step.content, { now: ctx.now, by: ctx.by, summary });
  const preview = [t('plan.preview.intro', { change: step.words('preview') }), ...(step.warnings ?? [])].join(' ');
  return { ok: true, plan: next, summary, notes: step.notes, confirmation: [step.words('changes'), ...step.notes].join(' '), preview };
}

function stepFor(before: PlanContent, change: Exclude<PlanChange, { kind: 'undo' }>, data: PlanData, studentGrade?: number): Step {
  switch (change.kind) {
    case 'set-goal':
      return setGoal(before, change.goal);
    case 'move':
      return move(before, change, data);
    case 'swap':
      return swap(before, change, data);
    case 'add':
      return add(before, change, data, studentGrade ?? before.currentGrade);
    case 'remove':
      return remove(before, change, data);
  }
}

function setGoal(before: PlanContent, goal: string): Step {
  if (!goal) return { refusal: t('plan.refuse.askGoal') };
  const content = cloneContent(before);
  content.goal = goal;
  return { content, words: words('setGoal', () => ({ goal })), notes: [] };
}

function move(before: PlanContent, change: Extract<PlanChange, { kind: 'move' }>, data: PlanData): Step {
  const found = findOne(before, data, change.name, change.fromGrade);
  if ('refusal' in found) {
    const known = matchKnown(before, data, change.name);
    if ('notFound' in found && known.kind === 'known') {
      return { refusal: t('plan.refuse.notInPlanYet', { name: known.item.name, grade: withLanguage(DEFAULT_LANGUAGE, () => gradeName(change.toGrade)) }) };
    }
    return found;
  }
  const outside = outsidePlan(before, change.toGrade);
  if (outside) return { refusal: outside };
  if (found.grade === change.toGrade) return { refusal: t('plan.refuse.alreadyIn', { name: found.item.name, grade: gradeName(change.toGrade) }) };
  const content = cloneContent(before);
  takeOut(content, found);
  gradeOf(content, change.toGrade)!.rows[found.row].push({ ...found.item });
  const check = placementProblems(before, content, [{ name: found.item.name, grade: change.toGrade }], data, 'move to');
  if (check.refusal) return { refusal: check.refusal };
  return {
    content,
    words: words('moved', () => ({ name: found.item.name, from: gradeName(found.grade), to: gradeName(change.toGrade) })),
    notes: check.warnings,
  };
}

function swap(before: PlanContent, change: Extract<PlanChange, { kind: 'swap' }>, data: PlanData): Step {
  // Both already in the plan: they trade grades.
  const takeMatch = matchInPlan(before, change.take, data);
  const putMatch = matchInPlan(before, change.put, data);
  if (takeMatch.kind === 'found' && putMatch.kind === 'found' && takeMatch.name !== putMatch.name) {
    const inGrade = (name: string) => (change.grade === undefined ? undefined : occurrences(before, name).some((o) => o.grade === change.grade) ? change.grade : undefined);
    if (change.grade !== undefined && inGrade(takeMatch.name) === undefined && inGrade(putMatch.name) === undefined) {
      const at = (name: string) => listGrades(occurrences(before, name).map((o) => o.grade));
      return {
        refusal: t('plan.refuse.neitherInGrade', {
          a: takeMatch.name,
          b: putMatch.name,
          grade: gradeName(change.grade),
          aAt: at(takeMatch.name),
          bAt: at(putMatch.name),
        }),
      };
    }
    const a = findOne(before, data, takeMatch.name, inGrade(takeMatch.name));
    if ('refusal' in a) return a;
    const b = findOne(before, data, putMatch.name, inGrade(putMatch.name));
    if ('refusal' in b) return b;
    if (a.grade === b.grade) return { refusal: t('plan.refuse.bothInGrade', { a: a.item.name, b: b.item.name, grade: gradeName(a.grade) }) };
    const content = cloneContent(before);
    const ia = takeOut(content, a);
    const ib = takeOut(content, b);
    gradeOf(content, b.grade)!.rows[b.row].splice(ib, 0, { ...a.item });
    gradeOf(content, a.grade)!.rows[a.row].splice(ia, 0, { ...b.item });
    const check = placementProblems(before, content, [{ name: a.item.name, grade: b.grade }, { name: b.item.name, grade: a.grade }], data, 'go in');
    if (check.refusal) return { refusal: check.refusal };
    return {
      content,
      words: words('swappedBoth', () => ({ a: a.item.name, b: b.item.name, aGrade: gradeName(a.grade), bGrade: gradeName(b.grade) })),
      notes: check.warnings,
      warnings: check.warnings,
    };
  }
  // Otherwise the new one takes the old one's place.
  const old = findOne(before, data, change.take, change.grade);
  if ('refusal' in old) return old;
  const incoming = resolveNew(before, data, change.put);
  if ('refusal' in incoming) return incoming;
  const content = cloneContent(before);
  const i = takeOut(content, old);
  gradeOf(content, old.grade)!.rows[old.row].splice(i, 0, incoming.item);
  const notes = flagIfNew(content, incoming);
  const check = placementProblems(before, content, [{ name: incoming.item.name, grade: old.grade }], data, 'go in');
  if (check.refusal) return { refusal: check.refusal };
  return {
    content,
    words: words('swappedFor', () => ({ old: old.item.name, new: incoming.item.name, grade: gradeName(old.grade) })),
    notes: [...notes, ...check.warnings],
    warnings: check.warnings,
  };
}

function add(before: PlanContent, change: Extract<PlanChange, { kind: 'add' }>, data: PlanData, nowGrade: number): Step {
  const incoming = resolveNew(before, data, change.name, change.row);
  if ('refusal' in incoming) return incoming;
  const { item, row } = incoming;
  const isActivity = item.units === 0 && (row === 'activities' || row === 'work-based-learning');
  let grades: number[];
  if (change.grade === undefined) {
    if (!isActivity) return { refusal: t('plan.refuse.whichGrade', { name: item.name }) };
    const from = Math.max(before.firstGrade, nowGrade);
    grades = before.grades.map((g) => g.grade).filter((g) => g >= from && g <= 12 && !occurrences(before, item.name).some((o) => o.grade === g));
    if (grades.length === 0) return { refusal: t('plan.refuse.everyYear', { name: item.name }) };
  } else {
    const outside = outsidePlan(before, change.grade);
    if (outside) return { refusal: outside };
    const there = occurrences(before, item.name);
    if (there.some((o) => o.grade === change.grade)) return { refusal: t('plan.refuse.alreadyIn', { name: item.name, grade: gradeName(change.grade) }) };
    const course = data.catalog.find((c) => c.name === item.name);
    if (item.units > 0 && there.length > 0 && !course?.repeatable) {
      const grade = withLanguage(DEFAULT_LANGUAGE, () => gradeName(change.grade!));
      return { refusal: t('plan.refuse.alreadyPlanned', { name: item.name, there: gradeName(there[0]!.grade), grade }) };
    }
    grades = [change.grade];
  }
  const content = cloneContent(before);
  for (const g of grades) gradeOf(content, g)!.rows[row].push({ ...item });
  const notes = flagIfNew(content, incoming);
  const check = placementProblems(before, content, grades.map((g) => ({ name: item.name, grade: g })), data, 'go in');
  if (check.refusal) return { refusal: check.refusal };
  return {
    content,
    // An activity or work-based-learning step from the templates is said in the reader's language.
    words: words('added', () => ({ name: planItemName(row, item), row: rowLabel(row), where: gradesWhere(grades) })),
    notes: [...notes, ...check.warnings],
    warnings: check.warnings,
  };
}

function remove(before: PlanContent, change: Extract<PlanChange, { kind: 'remove' }>, data: PlanData): Step {
  const m = matchInPlan(before, change.name, data);
  if (m.kind === 'none') return { refusal: t('plan.refuse.nothingToRemove', { name: change.name }) };
  if (m.kind === 'ambiguous') return { refusal: didYouMean(m.names) };
  const names = [m.name, ...laterLevels(before, change.name, m.name)];
  const all = names.flatMap((n) => occurrences(before, n));
  const at = change.grade === undefined ? all : all.filter((o) => o.grade === change.grade);
  if (at.length === 0) return { refusal: t('plan.refuse.notInGrade', { name: m.name, grade: gradeName(change.grade!), grades: listGrades(all.map((o) => o.grade)) }) };
  const content = cloneContent(before);
  for (const o of at) takeOut(content, o);
  const check = placementProblems(before, content, [], data, 'go in');
  const removed = names.filter((n) => at.some((o) => o.item.name === n));
  const grades = [...new Set(at.map((o) => o.grade))].sort((a, b) => a - b);
  return {
    content,
    words: words('removed', () => ({
      names: listWords(removed.map((n) => { const o = at.find((x) => x.item.name === n)!; return planItemName(o.row, o.item); })),
      where: gradesWhere(grades),
    })),
    notes: check.warnings,
    warnings: check.warnings,
  };
}
