/**
 * Small, pure builders for Adaptive Cards 1.5 (the version Teams renders). Text goes in
 * RichTextBlock/TextRun elements: Teams does not apply markdown to a TextRun, so text from a user
 * shows exactly as typed and cannot add links, bold or lists.
 */
import { safeText } from './teams-text.js';

export const ADAPTIVE_CARD_TYPE = 'application/vnd.microsoft.card.adaptive';
export const CARD_VERSION = '1.5';

export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  /** What hosts that cannot draw the card show instead. */
  fallbackText: string;
  body: CardElement[];
  actions?: CardElement[];
  msteams?: { width: 'Full' };
}

export interface TextStyle {
  weight?: 'Bolder';
  size?: 'Small' | 'Medium' | 'Large';
  isSubtle?: boolean;
  separator?: boolean;
  spacing?: 'None' | 'Small' | 'Medium' | 'Large';
}

export interface Run {
  text: string;
  weight?: 'Bolder';
  isSubtle?: boolean;
  size?: 'Small' | 'Medium' | 'Large';
}

/** One paragraph made of runs (e.g. a bold label and its value). */
export function paragraph(runs: Run[], style: Pick<TextStyle, 'separator' | 'spacing'> = {}): CardElement {
  const inlines = runs
    .filter((r) => r.text !== '')
    .map((r) => ({ type: 'TextRun', ...r, text: safeText(r.text) }));
  return { type: 'RichTextBlock', ...style, inlines };
}

/** One paragraph in one style. */
export function textBlock(text: string, style: TextStyle = {}): CardElement {
  const { separator, spacing, ...run } = style;
  return paragraph([{ text, ...run }], { separator, spacing });
}

/** A "Label: value" line. */
export function fieldLine(label: string, value: string): CardElement {
  return paragraph([{ text: `${label}: `, weight: 'Bolder' }, { text: value }]);
}

export function adaptiveCard(body: CardElement[], fallbackText: string, actions?: CardElement[]): AdaptiveCard {
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    fallbackText: safeText(fallbackText),
    body,
    msteams: { width: 'Full' },
  };
  if (actions && actions.length > 0) card.actions = actions;
  return card;
}

export const cardAttachment = (card: AdaptiveCard) => ({ contentType: ADAPTIVE_CARD_TYPE, content: card });
