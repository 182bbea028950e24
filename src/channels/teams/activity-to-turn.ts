/**
 * Reads an incoming activity (pure): is it a turn for the engine, a message in a shared space
 * (team channel or group chat), the bot being added, or something to leave alone.
 */
import type { Activity } from 'botbuilder';
import type { Turn } from '../../domain/messages.js';
import { readChoiceSubmit, type ChoiceSubmit } from './card-submit.js';
import { cleanIncomingText } from './teams-text.js';

export type Incoming =
  | { kind: 'turn'; turn: Turn; submit?: ChoiceSubmit }
  | { kind: 'shared-space' }
  | { kind: 'not-text' }
  | { kind: 'welcome'; personal: boolean }
  | { kind: 'ignore' };

/** Personal (1:1) chat. The Emulator sends no conversationType, and is 1:1 unless isGroup. */
export function isPersonal(activity: Partial<Activity>): boolean {
  const type = activity.conversation?.conversationType;
  if (type) return type === 'personal';
  return activity.conversation?.isGroup !== true;
}

/** The person: their Entra object id in Teams (stable across chats), else the channel account id. */
export function userIdOf(activity: Partial<Activity>): string | undefined {
  return activity.from?.aadObjectId || activity.from?.id || undefined;
}

/** The text without the bot's own @mention; other people's mention tags become their plain names. */
export function textWithoutBotMention(activity: Partial<Activity>): string {
  let text = activity.text ?? '';
  const botId = activity.recipient?.id;
  for (const entity of activity.entities ?? []) {
    if (entity.type !== 'mention') continue;
    const mentioned = (entity as { mentioned?: { id?: string } }).mentioned;
    const markup = (entity as { text?: string }).text;
    if (markup && mentioned?.id === botId) text = text.split(markup).join(' ');
  }
  text = text.replace(/<at\b[^>]*>(.*?)<\/at>/gis, '$1');
  return cleanIncomingText(text.replace(/[ \t]{2,}/g, ' '));
}

function receivedAt(activity: Partial<Activity>, now: Date): string {
  const t = activity.timestamp ? new Date(activity.timestamp as unknown as string) : undefined;
  return t && !Number.isNaN(t.getTime()) ? t.toISOString() : now.toISOString();
}

export function readIncoming(activity: Partial<Activity>, now: Date): Incoming {
  if (activity.type === 'conversationUpdate') {
    const botId = activity.recipient?.id;
    const botAdded = (activity.membersAdded ?? []).some((m) => m.id === botId);
    return botAdded ? { kind: 'welcome', personal: isPersonal(activity) } : { kind: 'ignore' };
  }
  if (activity.type !== 'message') return { kind: 'ignore' };
  if (!isPersonal(activity)) return { kind: 'shared-space' };

  const userId = userIdOf(activity);
  const conversationId = activity.conversation?.id;
  if (!userId || !conversationId || !activity.id) return { kind: 'ignore' };
  const name = activity.from?.name?.trim();
  const base = {
    channel: 'teams',
    userId,
    conversationId,
    messageId: activity.id,
    receivedAt: receivedAt(activity, now),
    ...(name ? { displayName: name.slice(0, 80) } : {}),
    // The Teams client's language ("es-MX"): where Waypoint's language starts for a newcomer.
    ...(typeof activity.locale === 'string' && activity.locale ? { locale: activity.locale.slice(0, 20) } : {}),
  } as const;

  const submit = activity.value !== undefined ? readChoiceSubmit(activity.value) : undefined;
  if (submit) {
    return { kind: 'turn', submit, turn: { ...base, action: { id: submit.questionId, value: submit.choiceId } } };
  }
  const text = textWithoutBotMention(activity);
  if (!text) return { kind: 'not-text' };
  return { kind: 'turn', turn: { ...base, text } };
}
