/**
 * The Teams channel's HTTP server: `POST /api/messages` served by botbuilder's CloudAdapter, on
 * node:http (no web framework). `GET /health` answers "ok" for load balancers; `/files/<token>`
 * serves download links (file-link-route.ts). A turn that failed before it was safely recorded
 * answers an error status, so the Bot Connector sends the activity again (turn-outcome.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity, CloudAdapter, InvokeResponse } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import { checkTeamsRequest, plainErrorBody, readActivity } from './check-request.js';
import type { TurnHandler } from '../../engine/turn-handler.js';
import type { Store } from '../../store/store.js';
import { fileLinkRoute, isFileLinkPath } from './file-link-route.js';
import { pruneFileLinks } from './file-links.js';
import { pruneFileOffers } from './file-offers.js';
import { createBotAuthentication, createTeamsAdapter } from './teams-adapter.js';
import { createTeamsLogic } from './teams-bot.js';
import { languageOfActivity } from './teams-language.js';
import { failureStatus } from './turn-outcome.js';
import { teamsOutbox } from './teams-outbox.js';
import type { TeamsLogger } from './teams-logger.js';
import { isAuthenticated, type TeamsSettings } from './teams-settings.js';

/** Largest request body taken in (Teams activities are far smaller). */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface TeamsServerOptions {
  handler: TurnHandler;
  store: Store;
  settings: TeamsSettings;
  logger: TeamsLogger;
  /** Interface to listen on; all interfaces when absent. Tests use 127.0.0.1. */
  host?: string;
  now?: () => Date;
}

export interface TeamsServer {
  readonly server: Server;
  readonly adapter: CloudAdapter;
  /** Listens on settings.PORT (0 picks a free port) and resolves with the port in use. */
  start(): Promise<{ port: number }>;
  stop(): Promise<void>;
  /** Resolves once saved replies being sent now have gone out. */
  idle(): Promise<void>;
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Answers an activity once its turn is over: an invoke's own status and body, 200 otherwise, or
 * the error status of a turn that failed (never botbuilder's error text).
 */
function answer(res: ServerResponse, invoke: InvokeResponse | undefined, failed?: number): void {
  if (res.writableEnded) return;
  const status = failed ?? invoke?.status ?? 200;
  if (status >= 400) return reply(res, status, plainErrorBody(status));
  res.statusCode = status;
  const body: unknown = invoke?.body;
  if (body === undefined || body === null) return void res.end();
  if (typeof body === 'string' || Buffer.isBuffer(body)) return void res.end(body);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

function reply(res: ServerResponse, status: number, text?: string): void {
  res.statusCode = status;
  if (text) res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end(text);
}

export function createTeamsServer(options: TeamsServerOptions): TeamsServer {
  const { settings, logger } = options;
  const authentication = createBotAuthentication(settings);
  const { store } = options;
  const now = options.now ?? (() => new Date());
  const adapter = createTeamsAdapter(settings, logger, authentication, (activity) => languageOfActivity(store, activity));
  const outbox = teamsOutbox(store, adapter, settings.MicrosoftAppId ?? '', logger);
  const logic = createTeamsLogic({
    handler: options.handler,
    store,
    logger,
    now,
    outbox,
    publicUrl: settings.WAYPOINT_PUBLIC_URL,
    fileDelivery: settings.TEAMS_FILE_DELIVERY,
  });
  const files = fileLinkRoute(store, logger, now);

  const server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    try {
      if (path === '/health' && req.method === 'GET') return reply(res, 200, 'ok');
      if (isFileLinkPath(path)) return await files(req, res, path);
      if (path !== '/api/messages') return reply(res, 404, 'Not found');
      if (req.method !== 'POST') return reply(res, 405, 'Use POST');
      let body: unknown;
      try {
        body = JSON.parse(await readBody(req));
      } catch (err) {
        const status = err instanceof BodyTooLarge ? 413 : 400;
        logger.warn({ status, reason: status === 413 ? 'too-large' : 'not-json' }, 'teams: request rejected');
        return reply(res, status, status === 413 ? 'Too large' : 'Body must be JSON');
      }
      const header = String(req.headers.authorization ?? '');
      const check = await checkTeamsRequest(authentication, body as Activity, header);
      if (!check.ok) {
        logger.warn({ status: check.status, reason: check.reason }, 'teams: request rejected');
        return reply(res, check.status, plainErrorBody(check.status));
      }
      const activity = readActivity(body);
      if (!activity) {
        logger.warn({ status: 400, reason: 'not-an-activity' }, 'teams: request rejected');
        return reply(res, 400, plainErrorBody(400));
      }
      let failure: unknown;
      let invoke: InvokeResponse | undefined;
      let failed: number | undefined;
      try {
        invoke = await adapter.processChecked(check.result, activity, async (context) => {
          try {
            await logic(context);
          } catch (err) {
            failure = err ?? new Error('turn failed');
            throw err; // the adapter's onTurnError logs it and apologizes once
          }
        });
      } catch (err) {
        // What CloudAdapter.process would answer: 401 for a refused token, 500 for anything else.
        failed = err instanceof AuthenticationError ? 401 : 500;
        if (failure === undefined) logger.error({ err: (err as Error).name }, 'teams: activity not processed');
      }
      answer(res, invoke, failure === undefined ? failed : failureStatus(failure));
    } catch (err) {
      logger.error({ err: (err as Error).name }, 'teams: request failed');
      if (!res.headersSent) reply(res, 500, plainErrorBody(500));
      else if (!res.writableEnded) res.end();
    }
  });

  return {
    server,
    adapter,
    start: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(settings.PORT, options.host, () => {
          server.off('error', reject);
          const port = (server.address() as AddressInfo).port;
          if (isAuthenticated(settings)) {
            logger.info({ port, appType: settings.MicrosoftAppType }, 'teams: listening on /api/messages; requests must carry a Bot Framework token');
          } else {
            logger.warn(
              { port },
              'teams: NO MicrosoftAppId set: requests are NOT authenticated. Use this only for local testing with the Bot Framework Emulator.',
            );
          }
          // Replies saved before a restart and not yet sent go out now, through each person's stored chat.
          void outbox.deliverPending().catch((err: unknown) => logger.error({ err: (err as Error).name }, 'teams: saved replies not delivered'));
          // File offers and download links end after a day; those left over are removed now.
          void Promise.all([pruneFileOffers(store, now()), pruneFileLinks(store, now())]).catch((err: unknown) =>
            logger.warn({ err: (err as Error).name }, 'teams: old file offers not removed'),
          );
          resolve({ port });
        });
      }),
    idle: () => outbox.idle(),
    stop: () =>
      new Promise((resolve, reject) => {
        if (!server.listening) return resolve();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
