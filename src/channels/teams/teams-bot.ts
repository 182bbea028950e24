/**
 * The bot logic the adapter runs for each activity: remember where to reach the person, turn the
 * activity into a Turn, ask the engine, and send what it answers. Nothing about the conversation
 * itself is decided here. Team channels and group chats get a short invitation to a 1:1 chat and
 * never anything about a student.
 */
import type { TurnContext } from 'botbuilder';
import type { TurnHandler } from '../../engine/turn-handler.js';
import type { Store } from '../../store/store.js';
import { readIncoming, userIdOf } from './activity-to-turn.js';
import { ConversationRefs } from './conversation-refs.js';
import { handleFileConsent, prepareFiles } from './file-offers.js';
import { SeenActivities } from './seen-activities.js';
import type { TeamsLogger } from './teams-logger.js';
import { answeredCard, closedCard, renderReplies } from './teams-renderer.js';
import type { ReplyOutbox } from '../reply-outbox.js';
import { sendInTurn, type TeamsItem } from './teams-outbox.js';

export const ANSWERED_CARDS = 'teams-answered-cards';
/** What the engine says when a button belongs to a question it has moved past. */

export const WELCOME_PERSONAL =
  "Hi! I'm Waypoint. I help you explore jobs you might like and plan your classes for them. Say hi when you're ready to start.";
export const INVITE_TO_PERSONAL =
  'Hi! I talk about career plans only in a private chat, so what you share stays between us. Open a 1:1 chat with me to start: select my name, then Chat.';
export const WELCOME_SHARED = `Thanks for adding me! ${INVITE_TO_PERSONAL}`;
export const ONLY_TEXT = 'I can only read typed words for now. Please type your answer.';
export const ALREADY_ANSWERED = 'You already answered that one. To change an answer, type back.';

export interface TeamsBotDeps {
  handler: TurnHandler;
  /** Replies are saved here before they are sent (see teams-outbox.ts). */
  outbox: ReplyOutbox<TeamsItem>;
  store: Store;
  logger: TeamsLogger;
  seen?: SeenActivities;
  now?: () => Date;
  fetch?: typeof fetch;
}

const plain = (text: string) => ({ type: 'message', text, textFormat: 'plain' }) as const;

export function createTeamsLogic(deps: TeamsBotDeps): (context: TurnContext) => Promise<void> {
  const seen = deps.seen ?? new SeenActivities();
  const now = deps.now ?? (() => new Date());
  const refs = new ConversationRefs(deps.store);

  return async (context) => {
    const activity = context.activity;
    const at = now();
    const userId = userIdOf(activity);
    await refs.remember(activity, at);

    if (activity.type === 'invoke' && activity.name === 'fileConsent/invoke' && userId) {
      await handleFileConsent(context, userId, deps);
      return;
    }

    const incoming = readIncoming(activity, at);
    const ids = { userId, conversationId: activity.conversation?.id, activityId: activity.id };
    switch (incoming.kind) {
      case 'ignore':
        return;
      case 'welcome':
        await context.sendActivity(plain(incoming.personal ? WELCOME_PERSONAL : WELCOME_SHARED));
        return;
      case 'shared-space':
        deps.logger.info({ conversationId: ids.conversationId, activityId: ids.activityId }, 'teams: invited to a 1:1 chat from a shared space');
        await context.sendActivity(plain(INVITE_TO_PERSONAL));
        return;
      case 'not-text':
        await context.sendActivity(plain(ONLY_TEXT));
        return;
      case 'turn':
        break;
    }

    const { turn, submit } = incoming;
    const seenKey = `${turn.conversationId}|${turn.messageId}`;
    if (!seen.claim(seenKey)) {
      deps.logger.info(ids, 'teams: redelivered activity dropped');
      return;
    }
    try {
      if (submit && activity.replyToId && !(await claimCard(deps.store, turn.conversationId, activity.replyToId, turn.messageId))) {
        deps.logger.info(ids, 'teams: second press on an answered card');
        await context.sendActivity(plain(ALREADY_ANSWERED));
        return;
      }
      const result = await deps.handler.handle(turn);
      // A redelivery of an activity already answered sends only what was saved and not yet sent.
      if (result.duplicate) deps.logger.info(ids, 'teams: engine reports a redelivery; only unsent replies go out');
      const items: TeamsItem[] = [];
      if (submit && activity.replyToId) {
        // A press on a question the conversation had moved past is skipped: its card closes without claiming that answer.
        items.push({ kind: 'update', userId: turn.userId, cardId: activity.replyToId, card: result.stale ? closedCard(submit) : answeredCard(submit) });
      }
      const files = await prepareFiles(result.replies, { channelId: activity.channelId ?? '', userId: turn.userId, now: at }, deps);
      for (const a of renderReplies(result.replies, files)) items.push({ kind: 'send', userId: turn.userId, activity: a });
      // Saved before they are sent, and sent before Teams hears back: after a crash they go out at start-up.
      await deps.outbox.save(turn.messageId, items);
      await deps.outbox.deliver(turn.messageId, (item) => sendInTurn(context, item, deps.logger));
    } catch (err) {
      seen.release(seenKey);
      deps.logger.error({ ...ids, err: (err as Error).name }, 'teams: turn failed');
      throw err;
    }
  };
}

/**
 * First press on a card wins: records which activity answered it. A redelivery of that same press
 * passes (the engine then reports it as a duplicate); a different press on the same card does not.
 */
async function claimCard(store: Store, conversationId: string, cardId: string, activityId: string): Promise<boolean> {
  const key = `${conversationId}|${cardId}`;
  if (await store.putIfAbsent(ANSWERED_CARDS, key, { activityId })) return true;
  const existing = await store.get<{ activityId: string }>(ANSWERED_CARDS, key);
  return existing?.activityId === activityId;
}
