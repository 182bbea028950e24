/**
 * Puts the pieces of one turn's replies together into as few Teams messages as read well (pure):
 * consecutive texts become one message, and a card joins the text before it, so "Got it." and the
 * next question are one message, not two. A message holds at most one card; two cards in a row
 * without buttons (a plan's two views, a summary and a list) become one card when they fit, and
 * text closing a turn after such a card goes at the card's foot. A card with buttons stays whole,
 * so the answered-card update replaces only the question. Every message stays within
 * MESSAGE_BUDGET (UTF-16); text too long to ride with a card goes first, on its own.
 */
import type { Activity, Attachment } from 'botbuilder';
import { cardAttachment, paragraph, type AdaptiveCard } from './adaptive-card.js';
import { CARD_BUDGET, MESSAGE_BUDGET, utf16Bytes } from './teams-size.js';
import { limit, MAX_BUBBLE_TEXT, safeText } from './teams-text.js';

export type Part =
  | { kind: 'text'; text: string }
  /** An Adaptive Card and the plain words a notification shows for it. */
  | { kind: 'card'; card: AdaptiveCard; summary: string }
  /** Another kind of card (a file offer): takes the text before it, never merges. */
  | { kind: 'attachment'; attachment: Attachment; summary: string }
  /** A message that goes as it is (an inline file). */
  | { kind: 'alone'; activity: Partial<Activity> };

const SUMMARY_CHARS = 250;
/** Room for a message's own fields around its card and texts (type, textFormat, keys, brackets). */
const MESSAGE_FIELDS = 400;
const MAX_FALLBACK = 1500;
const PARAGRAPH = '\n\n';

interface Group {
  texts: string[];
  card?: { attachment: Attachment; summary: string; adaptive?: AdaptiveCard };
  alone?: Partial<Activity>;
}

const plain = (text: string): Partial<Activity> => ({ type: 'message', text, textFormat: 'plain' });
const withoutButtons = (card: AdaptiveCard | undefined): card is AdaptiveCard => card !== undefined && !card.actions?.length;
const adaptive = (card: AdaptiveCard, summary: string) => ({ attachment: cardAttachment(card) as Attachment, summary, adaptive: card });

function message(card: NonNullable<Group['card']>, text?: string): Partial<Activity> {
  return {
    type: 'message',
    ...(text ? { text, textFormat: 'plain' } : {}),
    summary: limit(safeText([text, card.summary].filter(Boolean).join(' ')), SUMMARY_CHARS),
    attachments: [card.attachment],
  };
}

/** Two cards without buttons as one, when it fits the card budget. */
function merged(a: AdaptiveCard, b: AdaptiveCard): AdaptiveCard | undefined {
  const [first, ...rest] = b.body;
  const card: AdaptiveCard = {
    ...a,
    body: [...a.body, ...(first ? [{ ...first, separator: true, spacing: 'Large' }] : []), ...rest],
    fallbackText: limit(`${a.fallbackText}${PARAGRAPH}${b.fallbackText}`, MAX_FALLBACK),
  };
  return utf16Bytes(card) <= CARD_BUDGET ? card : undefined;
}

/** Closing text at the foot of a card without buttons, when it fits. */
function withFoot(card: AdaptiveCard, texts: string[]): AdaptiveCard | undefined {
  const foot = texts.map((text, i) => ({ ...paragraph([{ text }]), ...(i === 0 ? { separator: true, spacing: 'Medium' } : {}) }));
  const out: AdaptiveCard = { ...card, body: [...card.body, ...foot], fallbackText: limit([card.fallbackText, ...texts].join(PARAGRAPH), MAX_FALLBACK) };
  return utf16Bytes(out) <= CARD_BUDGET ? out : undefined;
}

function groupsOf(parts: Part[]): Group[] {
  const groups: Group[] = [];
  let group: Group = { texts: [] };
  const close = () => {
    if (group.texts.length || group.card) groups.push(group);
    group = { texts: [] };
  };
  for (const part of parts) {
    if (part.kind === 'alone') {
      close();
      groups.push({ texts: [], alone: part.activity });
    } else if (part.kind === 'text') {
      const text = safeText(part.text);
      if (!text.trim()) continue;
      if (group.card || [...group.texts, text].join(PARAGRAPH).length > MAX_BUBBLE_TEXT) close();
      group.texts.push(text);
    } else {
      // A card right after a card (no text between): one card when both are without buttons and fit.
      const before = group.card?.adaptive;
      const both = part.kind === 'card' && withoutButtons(before) && withoutButtons(part.card) ? merged(before, part.card) : undefined;
      if (group.card && both) {
        group.card = adaptive(both, group.card.summary);
      } else {
        if (group.card) close();
        group.card = part.kind === 'card' ? adaptive(part.card, part.summary) : { attachment: part.attachment, summary: part.summary };
      }
    }
  }
  close();
  // Text that closes the turn after a card without buttons goes at its foot: one message, same order.
  const [last, previous] = [groups.at(-1), groups.at(-2)];
  if (last && previous && !last.card && !last.alone && withoutButtons(previous.card?.adaptive)) {
    const footed = withFoot(previous.card!.adaptive!, last.texts);
    if (footed) {
      previous.card = adaptive(footed, previous.card!.summary);
      groups.pop();
    }
  }
  return groups;
}

function messagesOf(group: Group): Partial<Activity>[] {
  if (group.alone) return [group.alone];
  const text = group.texts.join(PARAGRAPH);
  if (!group.card) return [plain(text)];
  const together = message(group.card, text);
  if (!text || fitsWithCard(group.card, together) || utf16Bytes(together) <= MESSAGE_BUDGET) return [together];
  return [plain(text), message(group.card)];
}

/**
 * A sure "it fits" without measuring the whole message again: the card as measured, and each
 * character of the texts counted as the longest JSON escape (six characters).
 */
function fitsWithCard(card: NonNullable<Group['card']>, together: Partial<Activity>): boolean {
  if (!card.adaptive) return false;
  const texts = (together.text?.length ?? 0) + (together.summary?.length ?? 0);
  return utf16Bytes(card.adaptive) + 2 * (6 * texts + MESSAGE_FIELDS) <= MESSAGE_BUDGET;
}

export function composeMessages(parts: Part[]): Partial<Activity>[] {
  return groupsOf(parts).flatMap(messagesOf);
}
