/** Shared set-up for the Teams channel tests: fixtures, a scripted TurnHandler, the real server. */
import http from 'node:http';
import nock from 'nock';
import { afterAll, beforeAll } from '@jest/globals';
import type { Reply, Turn } from '../../../src/domain/messages.js';
import type { TurnHandler, TurnResult } from '../../../src/engine/turn-handler.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import { createTeamsServer, type TeamsServer } from '../../../src/channels/teams/start-teams.js';
import { parseTeamsSettings } from '../../../src/channels/teams/teams-settings.js';
import type { TeamsLogger } from '../../../src/channels/teams/teams-logger.js';

// nock patches node:http for the whole worker process, but Jest gives every test file a fresh copy of
// nock; without this, the next file in the same worker meets the old, torn-down copy.
afterAll(() => {
  nock.cleanAll();
  nock.restore();
});

export const SERVICE_HOST = 'https://smba.example.test';
export const SERVICE_PATH = '/amer';

export { fixture } from './teams-fixtures.js';

/** A TurnHandler that answers from a script and, like the engine, answers a repeated messageId from the record. */
export class ScriptedHandler implements TurnHandler {
  readonly turns: Turn[] = [];
  private readonly answered = new Map<string, Reply[]>();
  constructor(private readonly script: (turn: Turn) => Reply[]) {}

  async handle(turn: Turn): Promise<TurnResult> {
    this.turns.push(turn);
    const earlier = this.answered.get(turn.messageId);
    if (earlier) return { replies: earlier, duplicate: true };
    const replies = this.script(turn);
    this.answered.set(turn.messageId, replies);
    return { replies, duplicate: false };
  }
}

export interface LogLine {
  level: 'info' | 'warn' | 'error';
  obj: Record<string, unknown>;
  msg?: string;
}

export function memoryLogger(): TeamsLogger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: LogLine['level']) => (obj: object, msg?: string) => void lines.push({ level, obj: obj as Record<string, unknown>, msg });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

export interface Running<H extends TurnHandler = ScriptedHandler> {
  url: string;
  server: TeamsServer;
  store: MemoryStore;
  handler: H;
  logger: ReturnType<typeof memoryLogger>;
}

/** The real Teams server on 127.0.0.1 and a free port; pass a store to share it with an engine. */
export async function startTeams<H extends TurnHandler>(handler: H, env: Record<string, string> = {}, store = new MemoryStore(), now?: () => Date): Promise<Running<H>> {
  const logger = memoryLogger();
  const server = createTeamsServer({ handler, store, logger, settings: parseTeamsSettings({ PORT: '0', ...env }), host: '127.0.0.1', now });
  const { port } = await server.start();
  return { url: `http://127.0.0.1:${port}/api/messages`, server, store, handler, logger };
}

/** One HTTP request over node:http (the global fetch does not pass through nock inside Jest's VM). */
export function request(url: string, method = 'GET', body?: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

export const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  request(url, 'POST', typeof body === 'string' ? body : JSON.stringify(body), headers);

export interface ConnectorCall {
  method: string;
  path: string;
  body: Record<string, any>;
  /** The Authorization header the bot sent, if any. */
  authorization?: string;
  /** The id the fake connector gave the activity (what a later reply or update refers to). */
  sentId: string;
}

/** Intercepts every Bot Connector call on the fake serviceUrl and records it (nock 15 hands the reply function a fetch Request). */
export function recordConnector(): ConnectorCall[] {
  const calls: ConnectorCall[] = [];
  const record = (method: string) => async (req: Request) => {
    const text = await req.text();
    const authorization = req.headers.get('authorization') ?? undefined;
    const sentId = `sent-${calls.length + 1}`;
    calls.push({ method, path: decodeURIComponent(new URL(req.url).pathname), body: text ? JSON.parse(text) : {}, sentId, ...(authorization ? { authorization } : {}) });
    return [200, { id: sentId }] as [number, object];
  };
  nock(SERVICE_HOST).persist().post(/.*/).reply(record('POST')).put(/.*/).reply(record('PUT'));
  return calls;
}

/** The card content of a sent activity's first attachment. */
export const cardOf = (call: ConnectorCall) => call.body.attachments?.[0]?.content;

/** No test reaches the network: only the server each test starts on loopback may be called. */
export function onlyLoopback(): void {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterAll(() => nock.enableNetConnect());
}
