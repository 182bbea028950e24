/**
 * The bot logic the adapter runs for each activity: remember where to reach the person, turn the
 * activity into a Turn, ask the engine, and send what it answers. Nothing about the conversation
 * itself is decided here. Team channels and group chats get a short invitation to a 1:1 chat and
 * never anything about a student.
 *
 * A turn is safe once its replies are saved in the outbox; until then a failure is thrown, so the
 * Bot Connector hears an error and sends the activity again (see turn-outcome.ts).
 */
import type { Activity, TurnContext } from 'botbuilder';
import type { Turn } from '../../domain/messages.js';
import type { TurnHandler } from '../../engine/turn-handler.js';
import { withLanguage } from '../../i18n/language.js';
import { tIn } from '../../i18n/t.js';
import type { Store } from '../../store/store.js';
import type { ReplyOutbox } from '../reply-outbox.js';
import { readIncoming, userIdOf } from './activity-to-turn.js';
import type { ChoiceSubmit } from './card-submit.js';
import { ConversationRefs } from './conversation-refs.js';
import { handleFileConsent, prepareFiles, type FileDeps } from './file-offers.js';
import { SeenActivities } from './seen-activities.js';
import { languageOfActivity, languageOfPerson } from './teams-language.js';
import type { TeamsLogger } from './teams-logger.js';
import { sendInTurn, type TeamsItem } from './teams-outbox.js';
import { answeredCard, closedCard, renderReplies } from './teams-renderer.js';
import { RetryLater } from './turn-outcome.js';

export const ANSWERED_CARDS = 'teams-answered-cards';

export interface TeamsBotDeps extends FileDeps {
  handler: TurnHandler;
  /** Replies are saved here before they are sent (see teams-outbox.ts). */
  outbox: ReplyOutbox<TeamsItem>;
  store: Store;
  logger: TeamsLogger;
  seen?: SeenActivities;
  now?: () => Date;
}

type Ids = { userId?: string; conversationId?: string; activityId?: string };

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
      await handleFileConsent(context, userId, { ...deps, now: at });
      return;
    }

    const incoming = readIncoming(activity, at);
    const ids: Ids = { userId, conversationId: activity.conversation?.id, activityId: activity.id };
    /** The channel's own answers, in the person's language (or their Teams client's). */
    const say = async (key: string, params?: (words: ReturnType<typeof tIn>) => Record<string, string>) => {
      const words = tIn(await languageOfActivity(deps.store, activity));
      await context.sendActivity(plain(words(key, params?.(words))));
    };
    switch (incoming.kind) {
      case 'ignore':
        return;
      case 'welcome':
        if (incoming.personal) return say('teams.welcomePersonal');
        return say('teams.welcomeShared', (words) => ({ invite: words('teams.inviteToPersonal') }));
      case 'shared-space':
        deps.logger.info({ conversationId: ids.conversationId, activityId: ids.activityId }, 'teams: invited to a 1:1 chat from a shared space');
        return say('teams.inviteToPersonal');
      case 'not-text':
        return say('teams.onlyText');
      case 'turn':
        break;
    }

    const { turn, submit } = incoming;
    const arrival = seen.arrive(`${turn.conversationId}|${turn.messageId}`);
    if (arrival.kind === 'done') {
      deps.logger.info(ids, 'teams: redelivered activity dropped');
      return;
    }
    if (arrival.kind === 'running') {
      // Answered only with the first copy's outcome: 200 once the message is safe, an error if it failed.
      deps.logger.info(ids, 'teams: a copy of an activity still being handled waits for it');
      if (await arrival.outcome) return;
      throw new RetryLater();
    }
    let safe = false;
    try {
      await handleTurn(context, turn, submit, ids, deps, at);
      safe = true;
    } catch (err) {
      deps.logger.error({ ...ids, err: (err as Error).name }, 'teams: turn failed');
      throw err;
    } finally {
      arrival.finish(safe);
    }
  };
}

/** Handles one turn; returns once it is safe (its replies saved), throws when it is not. */
async function handleTurn(context: TurnContext, turn: Turn, submit: ChoiceSubmit | undefined, ids: Ids, deps: TeamsBotDeps, at: Date): Promise<void> {
  const activity: Partial<Activity> = context.activity;
  if (submit && activity.replyToId && !(await claimCard(deps.store, turn.conversationId, activity.replyToId, turn.messageId))) {
    deps.logger.info(ids, 'teams: second press on an answered card');
    const words = tIn(await languageOfPerson(deps.store, turn.userId, turn.locale));
    await context.sendActivity(plain(words('teams.alreadyAnswered')));
    return;
  }
  const result = await deps.handler.handle(turn);
  // A redelivery of an activity already answered sends only what was saved and not yet sent.
  if (result.duplicate) deps.logger.info(ids, 'teams: engine reports a redelivery; only unsent replies go out');
  // The engine says which language it answered in (it may have just changed: "español").
  const language = result.language ?? (await languageOfPerson(deps.store, turn.userId, turn.locale));
  const items = await withLanguage(language, async () => {
    const out: TeamsItem[] = [];
    if (submit && activity.replyToId) {
      // A press on a question the conversation had moved past is skipped: its card closes without claiming that answer.
      out.push({ kind: 'update', userId: turn.userId, cardId: activity.replyToId, card: result.stale ? closedCard(submit) : answeredCard(submit) });
    }
    const files = await prepareFiles(result.replies, { channelId: activity.channelId ?? '', userId: turn.userId, now: at }, deps);
    for (const a of renderReplies(result.replies, files)) out.push({ kind: 'send', userId: turn.userId, activity: a });
    return out;
  });
  // Saved before they are sent, and sent before Teams hears back: after a crash they go out at start-up.
  await deps.outbox.save(turn.messageId, items);
  // Recorded: from here on the message is safe, and Teams hears 200 whatever happens while sending.
  try {
    await deps.outbox.deliver(turn.messageId, (item) => sendInTurn(context, item, deps.logger));
  } catch (err) {
    deps.logger.error({ ...ids, err: (err as Error).name }, 'teams: saved replies not sent in the turn; sending them through the stored chat');
    void deps.outbox.deliver(turn.messageId).catch((again: unknown) => deps.logger.error({ ...ids, err: (again as Error).name }, 'teams: saved replies left for the next start'));
  }
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
