import type { Turn } from '../../domain/messages.js';
import { unescapeSlackText } from './slack-escape.js';

/**
 * Slack payloads -> Turns (pure). Nothing here decides what to say; it only says who wrote what,
 * where, and under which id (so a redelivered payload carries the same messageId).
 */
export const MAX_TURN_TEXT = 2000;

/** Slack's markup in a typed message -> plain words: links show their label, mentions their name. */
export function slackTextToPlain(text: string): string {
  const plain = text
    .replace(/<(?:https?|mailto):[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<((?:https?|mailto):[^>]*)>/g, '$1')
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, '#$1')
    .replace(/<#[A-Z0-9]+>/g, '#channel')
    .replace(/<@[A-Z0-9]+\|([^>]*)>/g, '@$1')
    .replace(/<@[A-Z0-9]+>/g, '@someone')
    .replace(/<!(here|channel|everyone)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<![^>]*>/g, '');
  return unescapeSlackText(plain).trim().slice(0, MAX_TURN_TEXT);
}

/** Slack timestamps ("1718000000.000100", seconds) -> ISO 8601. */
export function slackTsToIso(ts: string | number | undefined, fallback: Date): string {
  const seconds = typeof ts === 'number' ? ts : ts === undefined ? Number.NaN : Number.parseFloat(ts);
  return Number.isFinite(seconds) ? new Date(Math.round(seconds * 1000)).toISOString() : fallback.toISOString();
}

export interface MessageEventLike {
  type?: string;
  subtype?: string;
  channel_type?: string;
  channel?: string;
  user?: string;
  text?: string;
  ts?: string;
  bot_id?: string;
  client_msg_id?: string;
  edited?: unknown;
  thread_ts?: string;
}

/**
 * A direct message from a person -> Turn. Anything else (bot messages, edits, deletions, joins,
 * messages outside a DM) -> undefined.
 */
export function messageTurn(
  event: MessageEventLike,
  body: { event_id?: string; event_time?: number },
  now: Date,
): Turn | undefined {
  if (event.type !== 'message' || event.channel_type !== 'im') return undefined;
  if (event.subtype !== undefined || event.bot_id !== undefined || event.edited !== undefined) return undefined;
  if (!event.user || !event.channel) return undefined;
  const messageId = event.client_msg_id ?? body.event_id;
  if (!messageId) return undefined;
  return {
    channel: 'slack',
    userId: event.user,
    conversationId: event.channel,
    messageId,
    text: slackTextToPlain(event.text ?? ''),
    receivedAt: slackTsToIso(event.ts ?? body.event_time, now),
  };
}

/** A pressed Waypoint button -> Turn with `action`. `conversationId` is where replies will go. */
export function actionTurn(args: {
  userId: string;
  conversationId: string;
  /** Unique per press: `${message_ts or view id}:${action_ts}`. */
  messageId: string;
  questionId: string;
  choiceId: string;
  actionTs?: string;
  now: Date;
}): Turn {
  return {
    channel: 'slack',
    userId: args.userId,
    conversationId: args.conversationId,
    messageId: args.messageId,
    action: { id: args.questionId, value: args.choiceId },
    receivedAt: slackTsToIso(args.actionTs, args.now),
  };
}

/** `/waypoint plan` -> Turn with text "plan"; `/waypoint` alone means "help". */
export function commandTurn(
  command: { user_id: string; channel_id: string; text?: string; trigger_id?: string },
  now: Date,
): Turn {
  const text = slackTextToPlain(command.text ?? '').replace(/\s+/g, ' ');
  return {
    channel: 'slack',
    userId: command.user_id,
    conversationId: command.channel_id,
    messageId: `command:${command.trigger_id ?? `${command.user_id}:${now.getTime()}`}`,
    text: text === '' ? 'help' : text,
    receivedAt: now.toISOString(),
  };
}
