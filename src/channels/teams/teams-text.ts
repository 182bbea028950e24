/**
 * Text hygiene for Teams. Incoming text is trimmed and length-limited before it becomes a Turn;
 * outgoing text is limited, loses control characters and cannot @mention anyone (an `<at>` tag is
 * turned into plain words). Cards put text in TextRuns, which Teams shows without markdown, and
 * plain messages are sent with textFormat "plain", so nothing a user typed can format a message.
 */
export const MAX_INCOMING_TEXT = 2000;
export const MAX_BUBBLE_TEXT = 4000;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Cuts to `max` characters (not splitting a surrogate pair), marking the cut with "…". */
export function limit(text: string, max: number): string {
  // A string is never more characters than UTF-16 units, so a short one needs no counting.
  if (text.length <= max) return text;
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return chars.slice(0, Math.max(0, max - 1)).join('') + '…';
}

/** What a person typed, ready for the engine: no control characters, trimmed, limited. */
export function cleanIncomingText(text: string | undefined): string {
  return limit((text ?? '').replace(CONTROL, '').replace(/\r\n?/g, '\n').trim(), MAX_INCOMING_TEXT);
}

/** Text safe to show in Teams: no control characters, no working mention tags, limited. */
export function safeText(text: string, max = MAX_BUBBLE_TEXT): string {
  const noMentions = text.replace(/<\s*\/?\s*at\b[^>]*>/gi, '').replace(/<(?=\s*\/?\s*at\b)/gi, '‹');
  return limit(noMentions.replace(CONTROL, '').replace(/\r\n?/g, '\n'), max);
}

/** Removes every `<at>…</at>` element (Teams' mention markup) and tidies the spaces it leaves. */
export function stripMentionMarkup(text: string): string {
  return text.replace(/<at\b[^>]*>.*?<\/at>/gis, ' ').replace(/[ \t]{2,}/g, ' ').trim();
}
