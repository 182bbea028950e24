/** Shared set-up for the interest tests: the real data files and scripted students. */
import { readFileSync } from 'node:fs';
import type { Framework } from '../../src/domain/framework-types.js';
import { parseInterestItems, type InterestItem } from '../../src/domain/interest-items.js';
import { chooseNextItem, type Grade } from '../../src/domain/choose-next-item.js';
import { scoreInterests, type Answer, type InterestResult } from '../../src/domain/score-interests.js';

export const ITEMS_FILE = 'data/interest-items.json';
export const framework = JSON.parse(readFileSync('data/frameworks/missouri.json', 'utf8')) as Framework;
export const clusterIds: ReadonlySet<string> = new Set(framework.clusters.map((c) => c.id));
export const itemsJson: unknown = JSON.parse(readFileSync(ITEMS_FILE, 'utf8'));
export const items: InterestItem[] = parseInterestItems(itemsJson, ITEMS_FILE, clusterIds);

/** How a student answers one item. */
export type Student = (item: InterestItem) => string;

/** Every cluster an item can point to (the item's own, or its options'). */
export function clustersOf(item: InterestItem): string[] {
  return item.kind === 'pick' ? (item.options ?? []).flatMap((o) => o.clusterIds) : item.clusterIds;
}

/**
 * Says yes to items that point to any of `liked`, no to the rest. On a pick it takes the option that
 * points to them, otherwise (like a real student who must choose) the first option, or "none of
 * these" when `noneOnPicks`.
 */
export function studentWhoLikes(liked: Iterable<string>, noneOnPicks = false): Student {
  const set = new Set(liked);
  return (item) => {
    if (item.kind === 'yes-no') return item.clusterIds.some((c) => set.has(c)) ? 'yes' : 'no';
    const options = item.options ?? [];
    const fits = options.find((o) => set.has(o.clusterIds[0]!)) ?? options.find((o) => o.clusterIds.some((c) => set.has(c)));
    return fits?.id ?? (noneOnPicks ? 'no' : options[0]!.id);
  };
}

/** Says yes to the named items, picks the named options, no to everything else. */
export function studentWhoSaysYesTo(itemIds: string[], optionIds: string[] = []): Student {
  return (item) => {
    if (item.kind === 'yes-no') return itemIds.includes(item.id) ? 'yes' : 'no';
    const options = item.options ?? [];
    return (options.find((o) => optionIds.includes(o.id)) ?? options[0]!).id;
  };
}

/** Runs the explore conversation the way the flow does: ask until chooseNextItem says enough. */
export function converse(
  student: Student,
  grade: Grade,
): { answers: Answer[]; asked: InterestItem[]; result: InterestResult } {
  const answers: Answer[] = [];
  const asked: InterestItem[] = [];
  for (let guard = 0; guard < 200; guard++) {
    const item = chooseNextItem(framework, items, answers, grade);
    if (item === undefined) break;
    asked.push(item);
    answers.push({ itemId: item.id, value: student(item) });
  }
  return { answers, asked, result: scoreInterests(framework, items, answers) };
}

/** A small deterministic random source, so noisy students are repeatable. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}
