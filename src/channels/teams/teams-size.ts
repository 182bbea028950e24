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

/** Size of a value's JSON in UTF-16 bytes (a JavaScript string is UTF-16: two bytes a code unit). */
export function utf16Bytes(value: unknown): number {
  return 2 * (typeof value === 'string' ? value : JSON.stringify(value)).length;
}
