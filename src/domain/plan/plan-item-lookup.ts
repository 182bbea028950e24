/**
 * Finding what a change names in a plan: the one place a typed name is, taking an item out, what a
 * typed name means when it goes in (a known course or activity, or the words as written, in the
 * row its words say), the once-only note for a name we did not know, and the later levels of a
 * course. Pure.
 */
import { withLanguage, DEFAULT_LANGUAGE } from '../../i18n/language.js';
import { t } from '../../i18n/t.js';
import { normalizeName } from './course-names.js';
import { gradeName, listGrades } from './grades.js';
import type { PlanData } from './plan-data-types.js';
import { didYouMean, gradeOf, itemsOf, matchInPlan, matchKnown, occurrences, type ItemAt } from './plan-edits.js';
import type { PlanContent, PlanItem, PlanRowId } from './plan-types.js';

export /** Finds the one occurrence of a typed name in the plan (optionally in one grade). */
function findOne(before: PlanContent, data: PlanData, typed: string, grade?: number): ItemAt | { refusal: string; notFound?: true } {
  const m = matchInPlan(before, typed, data);
  if (m.kind === 'none') return { refusal: t('plan.refuse.notFound', { name: typed }), notFound: true };
  if (m.kind === 'ambiguous') return { refusal: didYouMean(m.names) };
  const all = occurrences(before, m.name);
  const at = grade === undefined ? all : all.filter((o) => o.grade === grade);
  if (at.length === 0) return { refusal: t('plan.refuse.notInGrade', { name: m.name, grade: gradeName(grade!), grades: listGrades(all.map((o) => o.grade)) }) };
  if (at.length > 1) {
    return {
      refusal: t('plan.refuse.whichOne', {
        name: m.name,
        grades: listGrades(at.map((o) => o.grade)),
        // The example is a command to type, which is read in English.
        from: withLanguage(DEFAULT_LANGUAGE, () => gradeName(at[0]!.grade)),
        to: withLanguage(DEFAULT_LANGUAGE, () => gradeName(at[0]!.grade + 1)),
      }),
    };
  }
  return at[0]!;
}

export function takeOut(content: PlanContent, at: ItemAt): number {
  const cell = gradeOf(content, at.grade)!.rows[at.row];
  const i = cell.findIndex((x) => x.name === at.item.name);
  cell.splice(i, 1);
  return i;
}

export type Incoming = { item: PlanItem; row: PlanRowId; custom: boolean };

/** Words in a name we do not know that say which row it belongs in ("robotics club", "vet clinic internship"). */
const ROW_OF_WORDS: [RegExp, PlanRowId][] = [
  [/\b(internships?|intern|job shadow(ing)?|shadowing|apprenticeships?|pre apprenticeship|co ?op|part time job|practicum|pr[aá]cticas?|pasant[ií]a)\b/, 'work-based-learning'],
  [/\b(club|clubs|team|teams|band|choir|orchestra|league|scouts?|council|society|honor society|volunteer(ing)?|yearbook|newspaper|robotics|debate|drama|theater|theatre|cheer(leading)?|sports?|equipo|banda|coro|voluntariado|voluntario)\b/, 'activities'],
];

/** The row a name we do not know goes in when the change did not say: by its words, else Other Courses. */
export function rowForNewName(typed: string): PlanRowId {
  const words = typed.toLowerCase().replace(/[^a-z0-9áéíóúñü]+/g, ' ');
  return ROW_OF_WORDS.find(([re]) => re.test(words))?.[1] ?? 'other-courses';
}

/** What a typed name means when it goes into the plan: a known course/activity, or the words as written. */
export function resolveNew(before: PlanContent, data: PlanData, typed: string, row?: Incoming['row']): Incoming | { refusal: string } {
  const known = matchKnown(before, data, typed);
  if (known.kind === 'ambiguous') return { refusal: didYouMean(known.names) };
  if (known.kind === 'known') return { item: known.item, row: row ?? known.row, custom: !!known.item.custom };
  return { item: { name: typed, units: 0, category: 'none', custom: true }, row: row ?? rowForNewName(typed), custom: true };
}

/** The once-only note for a name we did not know; remembers it in the plan. */
export function flagIfNew(content: PlanContent, incoming: Incoming): string[] {
  if (!incoming.custom) return [];
  const key = normalizeName(incoming.item.name);
  if (content.flaggedNames.includes(key)) return [];
  content.flaggedNames.push(key);
  const name = incoming.item.name;
  if (incoming.row === 'activities' || incoming.row === 'work-based-learning') return [t('plan.notes.unknownKept', { name })];
  return [t('plan.notes.unknownKeptCourse', { name })];
}

/**
 * "drop spanish": the word names a first level (Spanish I), and the later levels in the plan
 * (Spanish II, III) go with it, rather than being left without the class they build on.
 */
export function laterLevels(before: PlanContent, typed: string, found: string): string[] {
  const t = normalizeName(typed);
  if (normalizeName(found) !== `${t} i`) return [];
  const later = new Set(['ii', 'iii', 'iv', 'v'].map((r) => `${t} ${r}`));
  return [...new Set(itemsOf(before).map((i) => i.item.name))].filter((n) => later.has(normalizeName(n)));
}
