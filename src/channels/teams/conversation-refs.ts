/**
 * Where to reach each person later: the conversation reference of their personal chat with the
 * bot, kept in the Store (collection "teams-conversation-refs", id = user id). Only personal chats
 * are kept, so a reminder about a student can never land in a team channel or a group chat.
 */
import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import type { Store } from '../../store/store.js';
import { isPersonal, userIdOf } from './activity-to-turn.js';

export const CONVERSATION_REFS = 'teams-conversation-refs';

export interface StoredConversationRef {
  reference: Partial<ConversationReference>;
  updatedAt: string;
}

/** Saves the reference when the activity comes from a personal chat; returns whether it did. */
export async function rememberConversation(store: Store, activity: Partial<Activity>, now: Date): Promise<boolean> {
  const userId = userIdOf(activity);
  if (!userId || !activity.serviceUrl || !activity.conversation?.id || !isPersonal(activity)) return false;
  const reference = TurnContext.getConversationReference(activity);
  // A proactive message starts a new message in the chat rather than replying to an old one.
  delete reference.activityId;
  const previous = await store.get<StoredConversationRef>(CONVERSATION_REFS, userId);
  if (previous && JSON.stringify(previous.reference) === JSON.stringify(reference)) return true;
  await store.put<StoredConversationRef>(CONVERSATION_REFS, userId, { reference, updatedAt: now.toISOString() });
  return true;
}

export async function findConversation(store: Store, userId: string): Promise<Partial<ConversationReference> | undefined> {
  return (await store.get<StoredConversationRef>(CONVERSATION_REFS, userId))?.reference;
}
