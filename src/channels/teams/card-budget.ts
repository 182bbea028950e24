/**
 * One size budget for every card kind (questions, field cards, lists, plans): a card over
 * CARD_BUDGET (UTF-16, see teams-size.ts) is made smaller, never sent to be refused. In order: a
 * shorter fallback text, shorter option labels carried in a list's Send button and shown in the
 * list, then lines from the end of the body (never the first line or the choice list), with a note
 * saying some did not fit.
 */
import { t } from '../../i18n/t.js';
import { paragraph, type AdaptiveCard, type CardElement } from './adaptive-card.js';
import { CARD_BUDGET, utf16Bytes } from './teams-size.js';
import { limit } from './teams-text.js';

const SHORT_FALLBACK = 1000;
/** Labels carried in the Send button's data, then titles shown in the list, cut step by step. */
const STEPS: Array<{ labels?: number; titles?: number }> = [{ labels: 100 }, { titles: 120 }, { labels: 40 }, { titles: 60 }];

const fits = (card: AdaptiveCard, budget: number) => utf16Bytes(card) <= budget;

/** The labels a list question's Send button carries, cut to `max` characters. */
function shorterLabels(actions: CardElement[] | undefined, max: number): CardElement[] | undefined {
  return actions?.map((a) => {
    const data = a.data as { labels?: Record<string, string> } | undefined;
    if (!data?.labels) return a;
    return { ...a, data: { ...data, labels: Object.fromEntries(Object.entries(data.labels).map(([id, l]) => [id, limit(l, max)])) } };
  });
}

/** The choice list's option titles cut to `max` characters. */
function shorterTitles(body: CardElement[], max: number): CardElement[] {
  return body.map((e) => {
    if (e.type !== 'Input.ChoiceSet') return e;
    const choices = (e.choices as Array<{ title: string; value: string }>).map((c) => ({ ...c, title: limit(c.title, max) }));
    return { ...e, choices };
  });
}

export function fitCard(card: AdaptiveCard, budget = CARD_BUDGET): AdaptiveCard {
  if (fits(card, budget)) return card;
  let out: AdaptiveCard = { ...card, fallbackText: limit(card.fallbackText, SHORT_FALLBACK) };
  for (const step of STEPS) {
    if (fits(out, budget)) return out;
    const actions = step.labels ? shorterLabels(out.actions, step.labels) : out.actions;
    out = { ...out, ...(actions ? { actions } : {}), body: step.titles ? shorterTitles(out.body, step.titles) : out.body };
  }
  if (fits(out, budget)) return out;
  const note = paragraph([{ text: t('teams.card.didNotFit'), isSubtle: true }]);
  const body = [...out.body];
  const removable = (e: CardElement | undefined) => e !== undefined && e.type !== 'Input.ChoiceSet';
  let cut = false;
  while (body.length > 1 && !fits({ ...out, body: cut ? [...body, note] : body }, budget)) {
    // The last line that is not the choice list goes; the choice list keeps its place at the end.
    const at = body.map((e, i) => (removable(e) ? i : -1)).filter((i) => i > 0).at(-1);
    if (at === undefined) break;
    body.splice(at, 1);
    cut = true;
  }
  if (!cut) return { ...out, body };
  const list = body.findIndex((e) => e.type === 'Input.ChoiceSet');
  return { ...out, body: list < 0 ? [...body, note] : [...body.slice(0, list), note, ...body.slice(list)] };
}
