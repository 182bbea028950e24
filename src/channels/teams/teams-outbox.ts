/**
 * What Teams deliveries look like in the reply outbox (see ../reply-outbox.ts): each activity of
 * a turn, and the card a press answered. In the turn they go through its TurnContext; saved ones
 * left by a crash go out after the restart through the person's stored chat, like reminders.
 */
import type { Activity, CloudAdapter, TurnContext } from 'botbuilder';
import type { Store } from '../../store/store.js';
import { ReplyOutbox, type OutboxLogger } from '../reply-outbox.js';
import { cardAttachment, type AdaptiveCard } from './adaptive-card.js';
import { findConversation } from './conversation-refs.js';

export type TeamsItem =
  | { kind: 'send'; userId: string; activity: Partial<Activity> }
  /** The card a press answered, replaced by one without buttons. */
  | { kind: 'update'; userId: string; cardId: string; card: AdaptiveCard };

/** Sends one item in the turn that produced it. A card that cannot be updated is not worth failing the turn. */
export async function sendInTurn(context: TurnContext, item: TeamsItem, log?: OutboxLogger): Promise<void> {
  if (item.kind === 'send') {
    await context.sendActivity({ ...item.activity });
    return;
  }
  try {
    await context.updateActivity({ type: 'message', id: item.cardId, attachments: [cardAttachment(item.card)] });
  } catch (err) {
    log?.warn({ cardId: item.cardId, err: (err as Error).name }, 'teams: could not update the answered card');
  }
}

/** Sends one saved item after a restart, through the person's stored chat. */
async function sendLater(adapter: CloudAdapter, appId: string, store: Store, item: TeamsItem): Promise<void> {
  const reference = await findConversation(store, item.userId);
  if (!reference) throw new Error('no stored chat for this person');
  let failure: unknown;
  await adapter.continueConversationAsync(appId, reference, async (context) => {
    context.onSendActivities(async (_ctx, outgoing, next) => {
      for (const a of outgoing) delete a.replyToId;
      return next();
    });
    try {
      await sendInTurn(context, item);
    } catch (err) {
      failure = err ?? new Error('send failed');
    }
  });
  if (failure !== undefined) throw failure;
}

export function teamsOutbox(store: Store, adapter: CloudAdapter, appId: string, log?: OutboxLogger): ReplyOutbox<TeamsItem> {
  return new ReplyOutbox<TeamsItem>(store, 'teams', (item) => sendLater(adapter, appId, store, item), log);
}
