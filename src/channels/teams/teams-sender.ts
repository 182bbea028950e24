/**
 * Proactive messages in Teams (reminders, nudges): looks up the person's stored personal-chat
 * reference and sends through `adapter.continueConversationAsync`. A failed attempt is logged with
 * the user id (never the text) and retried with back-off, resuming after the last activity that
 * went through; when every attempt fails the promise rejects, so the scheduler knows.
 */
import type { CloudAdapter } from 'botbuilder';
import type { ProactiveSender, Reply } from '../../domain/messages.js';
import { withLanguage } from '../../i18n/language.js';
import type { Store } from '../../store/store.js';
import { findConversation } from './conversation-refs.js';
import { prepareFiles } from './file-offers.js';
import { languageOfPerson } from './teams-language.js';
import type { TeamsLogger } from './teams-logger.js';
import { renderReplies } from './teams-renderer.js';
import type { TeamsSettings } from './teams-settings.js';

export class UnknownTeamsUserError extends Error {
  constructor(readonly userId: string) {
    super(`No Teams chat is stored for user ${userId}: they must message Waypoint in Teams (or install it) before it can write to them.`);
    this.name = 'UnknownTeamsUserError';
  }
}

export class TeamsDeliveryError extends Error {
  constructor(
    readonly userId: string,
    readonly attempts: number,
    readonly lastError: unknown,
  ) {
    super(`Could not deliver a Teams message to user ${userId} after ${attempts} attempts.`);
    this.name = 'TeamsDeliveryError';
  }
}

export interface RetryPolicy {
  attempts: number;
  /** Wait before the second attempt; each later wait is `factor` times longer. */
  firstDelayMs: number;
  factor: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, firstDelayMs: 1000, factor: 4 };

export interface TeamsSenderOptions {
  adapter: CloudAdapter;
  settings: Pick<TeamsSettings, 'MicrosoftAppId'> & Partial<Pick<TeamsSettings, 'WAYPOINT_PUBLIC_URL' | 'TEAMS_FILE_DELIVERY'>>;
  store: Store;
  logger: TeamsLogger;
  retry?: Partial<RetryPolicy>;
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** "teams:abc" and "abc" both name user abc. */
export const teamsUserId = (id: string) => (id.startsWith('teams:') ? id.slice('teams:'.length) : id);

function describeError(err: unknown): Record<string, unknown> {
  const e = err as { name?: string; statusCode?: number; code?: string };
  return { err: e?.name ?? 'Error', statusCode: e?.statusCode, code: e?.code };
}

export function createTeamsSender(options: TeamsSenderOptions): ProactiveSender {
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? (() => new Date());
  const { adapter, store, logger } = options;

  return {
    channel: 'teams',
    async send(rawUserId: string, replies: Reply[]): Promise<void> {
      const userId = teamsUserId(rawUserId);
      const reference = await findConversation(store, userId);
      if (!reference) {
        logger.error({ userId }, 'teams: proactive message for a user with no stored chat');
        throw new UnknownTeamsUserError(userId);
      }
      const fileDeps = { store, logger, publicUrl: options.settings.WAYPOINT_PUBLIC_URL, fileDelivery: options.settings.TEAMS_FILE_DELIVERY };
      // The channel's own words (buttons, headings) in the language the person reads Waypoint in.
      const activities = await withLanguage(await languageOfPerson(store, userId), async () =>
        renderReplies(replies, await prepareFiles(replies, { channelId: reference.channelId ?? '', userId, now: now() }, fileDeps)),
      );
      let sent = 0;
      let lastError: unknown;
      for (let attempt = 1; attempt <= retry.attempts; attempt++) {
        try {
          // The adapter's onTurnError would swallow a send failure, so it is caught here and rethrown.
          let failure: unknown;
          await adapter.continueConversationAsync(options.settings.MicrosoftAppId, reference, async (context) => {
            // A proactive message starts fresh in the chat: no reply to the made-up continuation id.
            context.onSendActivities(async (_ctx, outgoing, next) => {
              for (const a of outgoing) delete a.replyToId;
              return next();
            });
            try {
              while (sent < activities.length) {
                await context.sendActivity({ ...activities[sent] });
                sent += 1;
              }
            } catch (err) {
              failure = err ?? new Error('send failed');
            }
          });
          if (failure !== undefined) throw failure;
          if (attempt > 1) logger.info({ userId, attempt }, 'teams: proactive message delivered after a retry');
          return;
        } catch (err) {
          lastError = err;
          const last = attempt === retry.attempts;
          logger.warn({ userId, attempt, of: retry.attempts, sent, ...describeError(err) }, last ? 'teams: proactive send failed' : 'teams: proactive send failed; retrying');
          if (!last) await sleep(retry.firstDelayMs * retry.factor ** (attempt - 1));
        }
      }
      logger.error({ userId, attempts: retry.attempts, ...describeError(lastError) }, 'teams: proactive message NOT delivered');
      throw new TeamsDeliveryError(userId, retry.attempts, lastError);
    },
  };
}
