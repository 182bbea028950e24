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

/**
 * Keeps the stored references up to date. The reference rarely changes, so the last one this
 * process read or wrote for each person is remembered (a bounded map) and an unchanged one costs
 * neither a read nor a write of the Store.
 */
export class ConversationRefs {
  private readonly known = new Map<string, string>();

  constructor(
    private readonly store: Store,
    private readonly capacity = 10_000,
  ) {}

  /** Saves the reference when the activity comes from a personal chat; returns whether it did. */
  async remember(activity: Partial<Activity>, now: Date): Promise<boolean> {
    const userId = userIdOf(activity);
    if (!userId || !activity.serviceUrl || !activity.conversation?.id || !isPersonal(activity)) return false;
    const reference = TurnContext.getConversationReference(activity);
    // A proactive message starts a new message in the chat rather than replying to an old one.
    delete reference.activityId;
    const json = JSON.stringify(reference);
    if (this.known.get(userId) === json) return true;
    const previous = await this.store.get<StoredConversationRef>(CONVERSATION_REFS, userId);
    if (!previous || JSON.stringify(previous.reference) !== json) {
      await this.store.put<StoredConversationRef>(CONVERSATION_REFS, userId, { reference, updatedAt: now.toISOString() });
    }
    this.known.delete(userId);
    this.known.set(userId, json);
    if (this.known.size > this.capacity) this.known.delete(this.known.keys().next().value as string);
    return true;
  }
}

export async function findConversation(store: Store, userId: string): Promise<Partial<ConversationReference> | undefined> {
  return (await store.get<StoredConversationRef>(CONVERSATION_REFS, userId))?.reference;
}
