/**
 * Shared pieces for the Slack channel tests: recorded payload fixtures, a scripted TurnHandler
 * standing in for the engine, a Bolt app fed through `processEvent`, and a nock recorder for the
 * Slack Web API. (Not a test file: jest only runs *.test.ts.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import nock from 'nock';
import { afterAll } from '@jest/globals';
import type { Turn } from '../../../src/domain/messages.js';
import type { TurnHandler, TurnResult } from '../../../src/engine/turn-handler.js';
import { createSlackApp, type CreateSlackAppOptions, type SlackApp } from '../../../src/channels/slack/start-slack.js';
import type { SlackSettings } from '../../../src/channels/slack/slack-settings.js';

// nock patches node:http for the whole worker process, but Jest gives every test file a fresh copy of
// nock; without this, the next file in the same worker meets the old, torn-down copy.
afterAll(() => {
  nock.cleanAll();
  nock.restore();
});

export { visibleTexts } from './slack-block-texts.js';

export const SLACK = 'https://slack.com';
export const HOOKS = 'https://hooks.slack.com';

export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(path.join(process.cwd(), 'test', 'fixtures', 'slack', name), 'utf8')) as T;
}

let dmCount = 0;
/** The recorded DM fixture saying `text`, with an event and message id of its own. */
export function dmSaying(text: string): Record<string, any> {
  const body = fixture<any>('dm-message.json');
  dmCount += 1;
  body.event_id = `Ev0DM${dmCount}`;
  body.event.client_msg_id = `dm-${dmCount}`;
  body.event.text = text;
  return body;
}

/** Stands in for the engine: records every Turn and answers from a script. */
export class ScriptedHandler implements TurnHandler {
  readonly turns: Turn[] = [];
  constructor(private readonly script: (turn: Turn, index: number) => TurnResult | Promise<TurnResult>) {}
  async handle(turn: Turn): Promise<TurnResult> {
    this.turns.push(structuredClone(turn));
    return this.script(turn, this.turns.length - 1);
  }
}

export const silentLogger = { debug() {}, info() {}, warn() {}, error() {} };

export const testSettings: SlackSettings = {
  botToken: 'xoxb-test-token',
  signingSecret: 'testsigningsecret0123456789abcdef',
  port: 3000,
  mode: 'http',
};

/** A Bolt app with a receiver that does nothing: events are fed with `deliver`. */
export function appWithCustomReceiver(handler: TurnHandler, extra: Partial<CreateSlackAppOptions> = {}): SlackApp {
  return createSlackApp({
    handler,
    settings: testSettings,
    logger: silentLogger,
    clientOptions: { retryConfig: { retries: 0 } },
    receiver: { init() {}, start: async () => undefined, stop: async () => undefined },
    botIdentity: { botId: 'B0WAYPOINT', botUserId: 'U0WAYBOT' },
    now: () => new Date('2024-06-10T14:00:00.000Z'),
    // Name look-ups have tests of their own (slack-names.test.ts); here every Web API call is counted.
    names: false,
    ...extra,
  });
}

/** Feeds one payload through Bolt as its receiver would; resolves when every listener is done. */
export async function deliver(slack: SlackApp, body: Record<string, unknown>, retryNum?: number): Promise<{ acked: number }> {
  const result = { acked: 0 };
  await slack.app.processEvent({
    body,
    retryNum,
    retryReason: retryNum ? 'http_timeout' : undefined,
    ack: async () => {
      result.acked += 1;
    },
  });
  // The replies go out after Slack is answered: wait for them too.
  await slack.idle();
  return result;
}

export interface RecordedCall {
  method: string;
  body: Record<string, any>;
}

/** Form body of a Web API call -> object; JSON-valued fields (blocks, view) parsed. */
export function parseApiBody(raw: unknown): Record<string, any> {
  const fields: Record<string, any> =
    typeof raw === 'string' ? Object.fromEntries(new URLSearchParams(raw)) : { ...(raw as Record<string, unknown>) };
  for (const key of ['blocks', 'view']) {
    if (typeof fields[key] === 'string') fields[key] = JSON.parse(fields[key]);
  }
  return fields;
}

/**
 * Expects one call of `method` on the Web API, records its body into `calls`, and answers `reply`.
 */
export function expectApiCall(
  scope: nock.Scope,
  method: string,
  calls: RecordedCall[],
  reply: Record<string, unknown> = { ok: true },
): nock.Scope {
  return scope
    .post(`/api/${method}`, (body) => {
      calls.push({ method, body: parseApiBody(body) });
      return true;
    })
    .reply(200, reply);
}


/**
 * A test file's nock set-up: no network, every request nock does not expect recorded, interceptors
 * cleared after each test and taken out after the file. Returns the unexpected requests so far.
 */
export function withNockOnly(): () => string[] {
  let unmatched: string[] = [];
  const onNoMatch = (req: { method?: string; path?: string; href?: string }) => unmatched.push(`${req.method} ${req.href ?? req.path}`);
  beforeAll(() => {
    nock.disableNetConnect();
    nock.emitter.on('no match', onNoMatch);
  });
  afterAll(() => {
    nock.emitter.removeListener('no match', onNoMatch);
    nock.enableNetConnect();
    nock.restore();
  });
  beforeEach(() => {
    unmatched = [];
  });
  afterEach(() => nock.cleanAll());
  return () => unmatched;
}
