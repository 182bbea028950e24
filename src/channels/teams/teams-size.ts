/**
 * How big a Teams message may be. Teams refuses a bot message over its size limit with 413
 * (MessageSizeTooBig), and it measures the whole payload encoded as UTF-16: two bytes for most
 * characters, four for an emoji, whatever UTF-8 would take. 28 KB is the limit we keep to (the
 * documented one has moved between 28, 40 and 100 KB). Every card kind is measured the same way.
 */

/** The limit, in UTF-16 bytes, of one message as Teams receives it. */
export const TEAMS_MESSAGE_LIMIT = 28 * 1024;
/** What we may put in an activity: Bot Framework adds the sender, recipient, conversation and ids. */
export const MESSAGE_BUDGET = 26 * 1024;
/** One card: leaves room in its message for a few short lines of text above it. */
export const CARD_BUDGET = 22 * 1024;

/** Sizes already measured: a card is measured when it is made and again when it is put in a message. */
const measured = new WeakMap<object, number>();

/**
 * Size of a value's JSON in UTF-16 bytes (a JavaScript string is UTF-16: two bytes a code unit).
 * An object is measured once: cards are not changed after they are made.
 */
export function utf16Bytes(value: unknown): number {
  if (typeof value === 'string') return 2 * value.length;
  if (typeof value !== 'object' || value === null) return 2 * JSON.stringify(value).length;
  let size = measured.get(value);
  if (size === undefined) measured.set(value, (size = 2 * JSON.stringify(value).length));
  return size;
}
