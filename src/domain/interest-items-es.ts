/**
 * The interest questions in the turn's language. data/es/interest-items.json holds only words, by
 * the English items' ids: { "items": [{ "id", "text", "phrase"?, "options"?: [{ "id", "label", "phrase" }] }] }
 * (read by src/data-files/load-interest-items-es.ts). Ids, clusters, order and scoring always come
 * from the English items, so a student who switches language mid-way keeps their answers. Anything
 * without Spanish words is said in English. Pure.
 */
import { currentLanguage } from '../i18n/language.js';
import type { InterestItem } from './interest-items.js';

export interface ItemWords {
  id: string;
  text?: string;
  phrase?: string;
  options?: { id: string; label?: string; phrase?: string }[];
}

/** Spanish words of the interest items, by item id. */
export type SpanishItemWords = ReadonlyMap<string, ItemWords>;

function inSpanish(item: InterestItem, es: ItemWords | undefined): InterestItem {
  if (!es) return item;
  const options = item.options?.map((o) => {
    const w = es.options?.find((x) => x.id === o.id);
    return { ...o, label: w?.label || o.label, phrase: w?.phrase || o.phrase };
  });
  return {
    ...item,
    text: es.text || item.text,
    phrase: item.phrase ? es.phrase || item.phrase : item.phrase,
    ...(options ? { options } : {}),
  };
}

const memo = new WeakMap<InterestItem[], WeakMap<object, InterestItem[]>>();

/** `items` with their words in the turn's language (the very same array in English). */
export function itemsInLanguage(items: InterestItem[], spanish: SpanishItemWords | undefined): InterestItem[] {
  if (currentLanguage() !== 'es' || !spanish || spanish.size === 0) return items;
  let byWords = memo.get(items);
  if (!byWords) memo.set(items, (byWords = new WeakMap()));
  let out = byWords.get(spanish);
  if (!out) byWords.set(spanish, (out = items.map((i) => inSpanish(i, spanish.get(i.id)))));
  return out;
}
