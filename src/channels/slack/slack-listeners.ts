import type { AllMiddlewareArgs, App, BlockAction, Logger, SlackActionMiddlewareArgs, SlackCommandMiddlewareArgs, SlackEventMiddlewareArgs, webApi } from '@slack/bolt';
import type { CardReply, Reply } from '../../domain/messages.js';
import { DEFAULT_LANGUAGE, withLanguage, type Language } from '../../i18n/language.js';
import type { SeenEvents } from './seen-events.js';
import { ACTION_ID_PATTERN, decodeAction } from './slack-action-id.js';
import type { ReplyOutbox } from '../reply-outbox.js';
import { ackOnce, within } from './slack-ack.js';
import { openDm, postMessage, postOutputs, respondOutputs } from './slack-deliver.js';
import type { EphemeralQuestions } from './ephemeral-questions.js';
import { posts, responds, type SlackItem } from './slack-outbox.js';
import { renderAnswered, renderClosed, renderHomeView, renderMentionInvite, renderReplies, renderTrouble } from './slack-renderer.js';
import type { SlackTurnOutcome, SlackTurnRunner } from './slack-turn-runner.js';
import { actionTurn, commandTurn, type MessageEventLike, messageTurn } from './slack-turns.js';

type WebClient = webApi.WebClient;
type EventArgs<T extends string> = SlackEventMiddlewareArgs<T> & AllMiddlewareArgs;

/** The Events API events Waypoint reads (the manifest subscribes to exactly these). */
export const WAYPOINT_EVENTS = /^(message|app_mention|app_home_opened)$/;

/** Summary shown on the App Home tab (Path, Cluster, Pathway, this year's plan, next review). */
export type HomeViewProvider = (userId: string) => Promise<Reply[] | CardReply>;

export interface SlackListenerDeps {
  /** Runs each turn through the engine (names, Slack language, the lowest student grade). */
  turns: SlackTurnRunner;
  homeView?: HomeViewProvider;
  seen: SeenEvents;
  /** Questions shown to one person only, so an answered one keeps its words. */
  ephemeral: EphemeralQuestions;
  logger: Logger;
  now: () => Date;
  /** The slash command's name as set up in the manifest. */
  command: string;
  /** Replies are saved here before Slack is answered, then delivered. */
  outbox: ReplyOutbox<SlackItem>;
  /** Removes the saved replies of these turns (sent first if they were not yet). */
  forgetReplies: (messageIds: string[]) => Promise<void>;
  /** A press or a command is acknowledged by then even if its turn is still running (Slack allows 3 s). */
  ackWithinMs?: number;
  /** Told of each turn started for a message, press or command (the inbox keeps it until it is done). */
  track?: (body: Record<string, unknown>, turn: Promise<unknown>) => void;
}

/**
 * Wires Slack's events to the TurnHandler: direct messages, button presses, the slash command,
 * mentions in channels and the App Home tab. Logs carry ids only, never what people wrote.
 */
export function registerSlackListeners(app: App, deps: SlackListenerDeps): void {
  const { turns, seen, logger, now, outbox, ephemeral } = deps;
  const ackWithin = deps.ackWithinMs ?? 2000;
  /** The turn, handed to the inbox first so what the person sent is kept until the turn is done. */
  const tracked = <T>(body: unknown, turn: Promise<T>): Promise<T> => {
    deps.track?.(body as Record<string, unknown>, turn);
    return turn;
  };
  /**
   * Saves a turn's deliveries (before Slack is answered: the listener returns, or ack() is called,
   * only after this); the function returned starts sending them, without waiting. For someone
   * turned away it waits for the note to go out, then removes every reply saved for them.
   */
  const saveAndSend = async (messageId: string, items: SlackItem[], outcome: SlackTurnOutcome, userId: string): Promise<() => Promise<void>> => {
    await outbox.save(messageId, items);
    const failed = (error: unknown) => logger.error(`slack: delivery of ${messageId} failed: ${(error as Error).name}`);
    const forget = outcome.forget;
    if (!forget) return async () => void outbox.deliver(messageId).catch(failed);
    return async () => {
      await outbox.deliver(messageId).catch(failed);
      await deps.forgetReplies(forget);
      ephemeral.forget(userId);
      turns.forgetPerson(userId);
    };
  };
  const rendered = (outcome: SlackTurnOutcome) => withLanguage(outcome.language, () => renderReplies(outcome.replies));
  /** "Sorry, something went wrong", in the person's language when it can be told. */
  const trouble = async (client: WebClient, userId: string) => {
    const language: Language = await turns.languageFor(client, userId).catch(() => DEFAULT_LANGUAGE);
    return withLanguage(language, renderTrouble);
  };

  /** Claims an event id; false (and a log line) when it is a redelivery already taken in hand. */
  const firstDelivery = (eventId: string | undefined, retryNum: unknown): boolean => {
    if (!eventId) return true;
    if (seen.claim(`event:${eventId}`)) return true;
    logger.info(`slack: redelivered event ${eventId} (retry ${String(retryNum ?? '?')}) skipped`);
    return false;
  };

  // Direct messages carry the whole conversation.
  const onMessage = async ({ event, body, client, context }: EventArgs<'message'>) => {
    const turn = messageTurn(event as MessageEventLike, body, now());
    if (!turn) return;
    if (!firstDelivery(body.event_id, context.retryNum)) return;
    let outcome: SlackTurnOutcome;
    try {
      outcome = await turns.run(client, turn);
    } catch (error) {
      seen.release(`event:${body.event_id}`);
      await postOutputs(client, turn.conversationId, [await trouble(client, turn.userId)]).catch(() => undefined);
      throw error;
    }
    // A redelivery of a message already answered sends only what was saved and not yet sent.
    if (outcome.duplicate) logger.info(`slack: message ${turn.messageId} was already answered; only unsent replies go out`);
    const send = await saveAndSend(turn.messageId, posts(turn.conversationId, rendered(outcome)), outcome, turn.userId);
    await send();
  };

  // A mention in a channel: a short public invitation to a DM, nothing more.
  const onMention = async ({ event, body, client, context }: EventArgs<'app_mention'>) => {
    if (!firstDelivery(body.event_id, context.retryNum)) return;
    if (event.bot_id !== undefined || event.subtype !== undefined) return;
    const language = event.user ? await turns.languageFor(client, event.user).catch(() => DEFAULT_LANGUAGE) : DEFAULT_LANGUAGE;
    const invite = withLanguage(language, () =>
      renderMentionInvite(body.team_id && body.api_app_id ? { teamId: body.team_id, appId: body.api_app_id } : undefined),
    );
    await postMessage(client, event.channel, invite, event.thread_ts ?? event.ts);
  };

  // The App Home tab: the engine's summary with buttons to continue, or a friendly default.
  const onHomeOpened = async ({ event, body, client, context }: EventArgs<'app_home_opened'>) => {
    if (event.tab !== 'home') return;
    if (!firstDelivery(body.event_id, context.retryNum)) return;
    const language = await turns.languageFor(client, event.user).catch(() => DEFAULT_LANGUAGE);
    let content: Reply[] | CardReply | undefined;
    if (deps.homeView) {
      try {
        content = await withLanguage(language, () => deps.homeView!(event.user));
      } catch (error) {
        logger.error(`slack: home summary for ${event.user} failed: ${(error as Error).name}`);
      }
    }
    await client.views.publish({ user_id: event.user, view: withLanguage(language, () => renderHomeView(content)) });
  };

  // One Bolt listener for the three events: Bolt runs every listener's middleware on every
  // incoming payload, so each extra listener costs every message a little.
  app.event(WAYPOINT_EVENTS, async (args) => {
    // Bolt types a pattern listener's arguments loosely; the event type says which ones these are.
    const typed = args as unknown;
    switch (args.event.type) {
      case 'message':
        return within(ackWithin, tracked(args.body, onMessage(typed as EventArgs<'message'>)), (e) => logger.error(`slack: a slow message turn failed: ${(e as Error).name}`));
      case 'app_mention':
        return onMention(typed as EventArgs<'app_mention'>);
      case 'app_home_opened':
        return onHomeOpened(typed as EventArgs<'app_home_opened'>);
    }
  });

  // Button presses, in a DM, under an ephemeral answer, or on the Home tab.
  app.action<BlockAction>(ACTION_ID_PATTERN, (args) => within(ackWithin, tracked(args.body, onAction(args)), (e) => logger.error(`slack: a slow press failed: ${(e as Error).name}`)));
  async function onAction({ ack: slackAck, body, action, client, respond }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> {
    // Slack hears back (ack) once the press is applied and its replies are saved, or at the latest
    // just before the 3 seconds it allows.
    const acked = ackOnce(() => slackAck(), ackWithin);
    const ack = () => acked.now();
    if (action.type !== 'button') return void (await ack());
    const decoded = decodeAction(action.action_id, action.value);
    if (!decoded) return void (await ack());
    const userId = body.user.id;
    const container = body.container as { type?: string; message_ts?: string; channel_id?: string; is_ephemeral?: boolean; view_id?: string };
    const onHome = container.type === 'view' || body.view?.type === 'home';
    const origin = onHome ? `view:${body.view?.id ?? container.view_id}` : `${container.channel_id ?? body.channel?.id}:${container.message_ts}`;
    // One answer per question message: a double click or a second press is ignored.
    if (!onHome && !seen.claim(`answered:${origin}`)) {
      logger.info(`slack: question message ${origin} already answered; press ignored`);
      return void (await ack());
    }
    const conversationId = onHome ? await openDm(client, userId) : (body.channel?.id ?? container.channel_id ?? (await openDm(client, userId)));
    const messageId = `${onHome ? (body.view?.id ?? container.view_id) : container.message_ts}:${action.action_ts}`;
    const turn = actionTurn({ userId, conversationId, messageId, ...decoded, actionTs: action.action_ts, now: now() });
    let outcome: SlackTurnOutcome;
    try {
      outcome = await turns.run(client, turn);
    } catch (error) {
      await ack();
      if (!onHome) seen.release(`answered:${origin}`);
      const sorry = await trouble(client, userId);
      if (container.is_ephemeral) await respond({ response_type: 'ephemeral', replace_original: false, text: sorry.text, blocks: sorry.blocks }).catch(() => undefined);
      else await postOutputs(client, conversationId, [sorry]).catch(() => undefined);
      throw error;
    }
    const outputs = rendered(outcome);
    const chosen = action.text?.text ?? decoded.choiceId;
    const closeAs = (original: { text?: string; blocks?: unknown[] }) =>
      withLanguage(outcome.language, () => (outcome.stale ? renderClosed(original) : renderAnswered(original, chosen)));
    const responseUrl = (body as { response_url?: string }).response_url;
    let items: SlackItem[];
    if (onHome) {
      items = posts(conversationId, outputs);
    } else if ((container.is_ephemeral || !body.message) && responseUrl) {
      // Slack does not hand an ephemeral message back: its words are the ones remembered when it was shown.
      const closed = closeAs(ephemeral.recall(userId, decoded.questionId) ?? { text: '', blocks: [] });
      if (!outcome.forget) ephemeral.remember(userId, outputs);
      items = [{ kind: 'respond', url: responseUrl, body: { replace_original: true, text: closed.text, blocks: closed.blocks } }, ...responds(responseUrl, userId, outputs)];
    } else if (body.message) {
      // A press the conversation had moved past closes the question without claiming that choice.
      const closed = closeAs(body.message as { text?: string; blocks?: unknown[] });
      items = [{ kind: 'update', channel: conversationId, ts: container.message_ts ?? body.message.ts, message: closed }, ...posts(conversationId, outputs)];
    } else {
      items = posts(conversationId, outputs);
    }
    const send = await saveAndSend(turn.messageId, items, outcome, userId);
    await ack();
    await send();
  }

  // `/waypoint help|explore|plan|due|review`: answered so only the person who asked sees it.
  app.command(deps.command, (args) => within(ackWithin, tracked(args.body, onCommand(args)), (e) => logger.error(`slack: a slow command failed: ${(e as Error).name}`)));
  async function onCommand({ ack: slackAck, command, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> {
    const acked = ackOnce(() => slackAck(), ackWithin);
    const ack = () => acked.now();
    const turn = commandTurn(command, now());
    let outcome: SlackTurnOutcome;
    try {
      outcome = await turns.run(client, turn);
    } catch (error) {
      await ack();
      await respondOutputs(respond, [await trouble(client, turn.userId)], async () => undefined).catch(() => undefined);
      throw error;
    }
    const outputs = rendered(outcome);
    if (!outcome.forget) ephemeral.remember(turn.userId, outputs);
    const send = await saveAndSend(turn.messageId, responds(command.response_url, turn.userId, outputs), outcome, turn.userId);
    await ack();
    await send();
  }
}
