import type { AddressInfo, ListenOptions } from 'node:net';
import type { Server } from 'node:http';
import { App, HTTPReceiver, LogLevel, SocketModeReceiver, type Logger, type Receiver, type webApi } from '@slack/bolt';
import { rejectOffTimeRequests } from './request-age.js';
import { slackOutbox } from './slack-outbox.js';
import { SlackInbox } from './slack-inbox.js';
import { MemoryStore } from '../../store/memory-store.js';
import { Records } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import type { TurnHandler } from '../../engine/turn-handler.js';
import { EphemeralQuestions } from './ephemeral-questions.js';
import { SeenEvents } from './seen-events.js';
import { SlackNames } from './slack-names.js';
import { type BotIdentity, cachedBotAuthorize } from './slack-authorize.js';
import { type HomeViewProvider, registerSlackListeners } from './slack-listeners.js';
import type { SlackSettings } from './slack-settings.js';
import { SlackTurnRunner } from './slack-turn-runner.js';
import { YoungStudents } from './young-students.js';

/** Anything with pino/console-style methods; wrapped into the Logger Bolt expects. */
export interface LoggerLike {
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

export interface CreateSlackAppOptions {
  handler: TurnHandler;
  settings: SlackSettings;
  logger?: LoggerLike;
  /** Extra Web API client options (tests: `retryConfig: { retries: 0 }`). SLACK_API_URL wins for the URL. */
  clientOptions?: webApi.WebClientOptions;
  /** The App Home summary for a person; without it the Home tab shows a friendly default. */
  homeView?: HomeViewProvider;
  /** Tests and the bench: a receiver that feeds `app.processEvent` directly. */
  receiver?: Receiver;
  /** Known bot ids skip the `auth.test` call on the first event. */
  botIdentity?: BotIdentity;
  now?: () => Date;
  /** The slash command as set up in the manifest. */
  command?: string;
  /** Who looks up people's names (`users.info`); false: nobody (tests that count every Web API call). */
  names?: SlackNames | false;
  /**
   * Where replies wait between being saved and being sent (default: in memory, lost on restart).
   * The engine's own store in production: the language it spoke and a student's grade are read
   * from its records.
   */
  store?: Store;
  /**
   * WAYPOINT_SLACK_MIN_STUDENT_GRADE: the lowest grade that may chat as a student on Slack (Slack's
   * terms: over 16). A younger student gets one note and nothing about them is kept. Unset or 6:
   * every grade.
   */
  minStudentGrade?: number;
  /** Presses and commands are acknowledged by then at the latest (default 2000 ms; Slack allows 3 s). */
  ackWithinMs?: number;
}

export interface SlackApp {
  /** The Bolt app; its `processEvent` saves what people send in the inbox first (as the receiver does). */
  app: App;
  mode: 'socket' | 'http' | 'custom';
  /** Checks the bot token with Slack, then connects (Socket Mode) or listens (HTTP). */
  start(listen?: number | ListenOptions): Promise<{ port?: number }>;
  stop(): Promise<void>;
  /** Resolves once the replies being sent now have gone out. */
  idle(): Promise<void>;
}

export const SLACK_EVENTS_PATH = '/slack/events';

/**
 * Builds the Slack app: Bolt 5 with Socket Mode when SLACK_APP_TOKEN is set, otherwise the HTTP
 * receiver on PORT at /slack/events with request signatures verified (a forged or stale request
 * gets 401). Everything people say goes through the TurnHandler; this folder only translates.
 */
export function createSlackApp(options: CreateSlackAppOptions): SlackApp {
  const { settings } = options;
  const logger = toBoltLogger(options.logger);
  const clientOptions: webApi.WebClientOptions = {
    ...options.clientOptions,
    ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
  };
  let app: App | undefined;
  const authorize = cachedBotAuthorize(() => (app as App).client, settings.botToken, options.botIdentity);
  const mode: SlackApp['mode'] = options.receiver ? 'custom' : settings.mode;

  const common = { authorize, logger, clientOptions, ignoreSelf: true, convoStore: false as const };
  let receiver: Receiver;
  if (options.receiver) {
    receiver = options.receiver;
  } else if (settings.mode === 'socket') {
    if (!settings.appToken) throw new Error('SLACK_APP_TOKEN is required in Socket Mode');
    receiver = new SocketModeReceiver({ appToken: settings.appToken, logger });
  } else {
    if (!settings.signingSecret) throw new Error('SLACK_SIGNING_SECRET is required in HTTP mode');
    const http = new HTTPReceiver({
      signingSecret: settings.signingSecret,
      endpoints: SLACK_EVENTS_PATH,
      port: settings.port,
      // Slack is answered only once a message's turn is applied and its replies saved (the listeners
      // return then, and send the replies after).
      processBeforeResponse: true,
      logger,
    });
    // Requests dated more than 5 minutes off, either way, are turned away before Bolt reads them.
    http.requestListener = rejectOffTimeRequests(http.requestListener, (line) => logger.warn(JSON.stringify(line)));
    receiver = http;
  }
  app = new App({ ...common, receiver });
  const built = app;
  const store = options.store ?? new MemoryStore();
  const logLine = {
    info: (obj: object, msg: string) => logger.info(JSON.stringify({ ...obj, msg })),
    warn: (obj: object, msg: string) => logger.warn(JSON.stringify({ ...obj, msg })),
  };
  // What people send is saved before Slack is told it arrived (Socket Mode acknowledges at once).
  const inbox = new SlackInbox(store, logLine);
  const received = inbox.wrap(built);
  receiver.init(received);

  // Listener errors are logged by name and code only (never a payload), and do not crash the app.
  built.error(async (error) => {
    const code = (error as { code?: string }).code ?? '';
    logger.error(`slack: ${error.name}${code ? ` (${code})` : ''}: ${error.message.split('\n')[0]}`);
  });

  const outbox = slackOutbox(store, () => built.client, logLine);
  const records = new Records(store);
  const turns = new SlackTurnRunner({
    handler: options.handler,
    records,
    ...(options.names === false ? {} : { names: options.names ?? new SlackNames(logger) }),
    ...(options.minStudentGrade !== undefined ? { young: new YoungStudents(records, options.minStudentGrade) } : {}),
  });
  registerSlackListeners(built, {
    outbox,
    ...(options.ackWithinMs !== undefined ? { ackWithinMs: options.ackWithinMs } : {}),
    turns,
    homeView: options.homeView,
    seen: new SeenEvents(),
    ephemeral: new EphemeralQuestions(),
    // Saved replies of a person turned away: sent if they were not yet, then removed.
    forgetReplies: async (messageIds) => {
      for (const id of messageIds) {
        await outbox.deliver(id).catch(() => undefined);
        await outbox.forget(id);
      }
    },
    logger,
    now: options.now ?? (() => new Date()),
    command: options.command ?? '/waypoint',
    track: (body, turn) => inbox.track(body, turn),
  });

  return {
    app: received,
    mode,
    async start(listen) {
      await authorize.check();
      // Replies saved before a restart and not yet sent go out first, then what people sent that a
      // crash kept from being applied, before anything new is read.
      await outbox.deliverPending();
      await inbox.applyPending(built);
      if (mode === 'http') {
        const server = (await built.start(listen ?? settings.port)) as Server;
        const address = server.address() as AddressInfo | null;
        logger.info(`slack: listening for events on port ${address?.port ?? '?'} at ${SLACK_EVENTS_PATH}`);
        return { port: address?.port };
      }
      await built.start();
      logger.info(`slack: started (${mode === 'socket' ? 'Socket Mode' : 'custom receiver'})`);
      return {};
    },
    async stop() {
      await built.stop();
      await inbox.idle();
      await outbox.idle();
    },
    idle: async () => {
      await inbox.idle();
      await outbox.idle();
    },
  };
}

function toBoltLogger(like: LoggerLike | undefined): Logger {
  const target: LoggerLike = like ?? console;
  const order = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];
  let level = LogLevel.INFO;
  const on = (l: LogLevel) => order.indexOf(l) >= order.indexOf(level);
  return {
    debug: (...m: unknown[]) => on(LogLevel.DEBUG) && target.debug(...m),
    info: (...m: unknown[]) => on(LogLevel.INFO) && target.info(...m),
    warn: (...m: unknown[]) => on(LogLevel.WARN) && target.warn(...m),
    error: (...m: unknown[]) => on(LogLevel.ERROR) && target.error(...m),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
