import { createHmac } from 'node:crypto';
import { request } from 'node:http';
import nock from 'nock';
import { SocketModeReceiver } from '@slack/bolt';
import { createSlackApp, type SlackApp } from '../../../src/channels/slack/start-slack.js';
import { parseSlackSettings } from '../../../src/channels/slack/slack-settings.js';
import { type RecordedCall, SLACK, ScriptedHandler, expectApiCall, fixture, silentLogger, testSettings } from './slack-test-kit.js';

const SECRET = testSettings.signingSecret!;

function sign(body: string, timestamp: number, secret = SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

interface Sent {
  status: number;
  body: string;
  ms: number;
}

function post(port: number, body: string, headers: Record<string, string>): Promise<Sent> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/slack/events', method: 'POST', headers: { 'Content-Length': Buffer.byteLength(body), ...headers } },
      (res) => {
        let data = '';
        res.on('data', (c) => (data += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data, ms: Date.now() - started }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function signedJson(payload: unknown, opts: { timestamp?: number; signature?: string; extra?: Record<string, string> } = {}) {
  const body = JSON.stringify(payload);
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  return {
    body,
    headers: {
      'Content-Type': 'application/json',
      'X-Slack-Request-Timestamp': String(timestamp),
      'X-Slack-Signature': opts.signature ?? sign(body, timestamp),
      ...opts.extra,
    },
  };
}

function signedForm(fields: Record<string, string>) {
  const body = new URLSearchParams(fields).toString();
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    body,
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-Slack-Request-Timestamp': String(timestamp),
      'X-Slack-Signature': sign(body, timestamp),
    },
  };
}

async function waitFor(check: () => boolean, ms = 3000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

let slack: SlackApp | undefined;
let unmatched: string[] = [];
const onNoMatch = (req: { method?: string; href?: string; path?: string }) => unmatched.push(`${req.method} ${req.href ?? req.path}`);

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  nock.emitter.on('no match', onNoMatch);
});
afterAll(() => {
  nock.emitter.removeListener('no match', onNoMatch);
  nock.enableNetConnect();
  // Jest reuses a worker for the next test file: take nock's interceptors out of node's http/fetch
  // so they do not outlive this file's module registry.
  nock.restore();
});
beforeEach(() => {
  unmatched = [];
});
afterEach(async () => {
  await slack?.stop();
  slack = undefined;
  nock.cleanAll();
});

async function startHttp(handler: ScriptedHandler, ackWithinMs?: number): Promise<number> {
  slack = createSlackApp({
    handler,
    ...(ackWithinMs !== undefined ? { ackWithinMs } : {}),
    settings: { ...testSettings, mode: 'http' },
    logger: silentLogger,
    clientOptions: { retryConfig: { retries: 0 } },
    botIdentity: { botId: 'B0WAYPOINT', botUserId: 'U0WAYBOT' },
    names: false,
  });
  const { port } = await slack.start({ port: 0, host: '127.0.0.1' });
  return port!;
}

const hello = () => new ScriptedHandler(() => ({ replies: [{ kind: 'text', text: 'Hi!' }], duplicate: false }));

describe('the HTTP receiver at /slack/events', () => {
  it('accepts a correctly signed event and the reply is posted', async () => {
    const handler = hello();
    const port = await startHttp(handler);
    const calls: RecordedCall[] = [];
    const scope = expectApiCall(nock(SLACK), 'chat.postMessage', calls, { ok: true, ts: '1.1' });
    const { body, headers } = signedJson(fixture('dm-message.json'));

    const res = await post(port, body, headers);

    expect(res.status).toBe(200);
    await waitFor(() => scope.isDone());
    expect(handler.turns.map((t) => t.messageId)).toEqual(['5f1c2a9e-7b1d-4c0e-9f4e-2b9d3c8a1e01']);
    expect(calls[0]!.body.channel).toBe('D0STUDENT1');
  });

  it('answers 401 to a forged signature and the engine is never called', async () => {
    const handler = hello();
    const port = await startHttp(handler);
    const forged = signedJson(fixture('dm-message.json'), { signature: sign('{"something":"else"}', Math.floor(Date.now() / 1000)) });
    const wrongSecret = signedJson(fixture('dm-message.json'));
    wrongSecret.headers['X-Slack-Signature'] = sign(wrongSecret.body, Number(wrongSecret.headers['X-Slack-Request-Timestamp']), 'notthesecret000000000000');

    expect((await post(port, forged.body, forged.headers)).status).toBe(401);
    expect((await post(port, wrongSecret.body, wrongSecret.headers)).status).toBe(401);
    await new Promise((r) => setTimeout(r, 50));
    expect(handler.turns).toEqual([]);
    expect(unmatched).toEqual([]);
  });

  it('answers 401 to a correctly signed request older than 5 minutes', async () => {
    const handler = hello();
    const port = await startHttp(handler);
    const stale = signedJson(fixture('dm-message.json'), { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });

    expect((await post(port, stale.body, stale.headers)).status).toBe(401);
    await new Promise((r) => setTimeout(r, 50));
    expect(handler.turns).toEqual([]);
    expect(unmatched).toEqual([]);
  });

  it('answers 401 to a correctly signed request dated more than 5 minutes in the future', async () => {
    const handler = hello();
    const port = await startHttp(handler);
    const future = signedJson(fixture('dm-message.json'), { timestamp: Math.floor(Date.now() / 1000) + 10 * 60 });
    const soon = signedJson(fixture('dm-message.json'), { timestamp: Math.floor(Date.now() / 1000) + 60 });

    expect((await post(port, future.body, future.headers)).status).toBe(401);
    await new Promise((r) => setTimeout(r, 50));
    expect(handler.turns).toEqual([]);
    // A clock a minute ahead is within Slack's 5 minutes.
    const calls: RecordedCall[] = [];
    const scope = expectApiCall(nock(SLACK), 'chat.postMessage', calls, { ok: true, ts: '1.2' });
    expect((await post(port, soon.body, soon.headers)).status).toBe(200);
    await waitFor(() => scope.isDone());
    expect(handler.turns).toHaveLength(1);
  });

  it('answers Slack\'s URL check with the challenge', async () => {
    const port = await startHttp(hello());
    const check = signedJson({ token: 'x', challenge: 'c0ffee-challenge', type: 'url_verification' });
    const res = await post(port, check.body, check.headers);
    expect(res.status).toBe(200);
    expect(res.body).toContain('c0ffee-challenge');
  });

  it('a redelivery with X-Slack-Retry-Num gets 200 but no second turn and no second reply', async () => {
    const handler = hello();
    const port = await startHttp(handler);
    const calls: RecordedCall[] = [];
    const scope = expectApiCall(nock(SLACK), 'chat.postMessage', calls, { ok: true, ts: '1.1' });
    const redelivered = fixture<{ headers: Record<string, string>; body: unknown }>('dm-message-redelivered.json');

    const first = signedJson(fixture('dm-message.json'));
    expect((await post(port, first.body, first.headers)).status).toBe(200);
    await waitFor(() => scope.isDone());
    const again = signedJson(redelivered.body, { extra: redelivered.headers });
    expect((await post(port, again.body, again.headers)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 100));

    expect(handler.turns).toHaveLength(1);
    expect(calls).toHaveLength(1);
    expect(unmatched).toEqual([]);
  });

  it('acknowledges a button press within the time Slack allows even when the engine is slow', async () => {
    const handler = new ScriptedHandler(async () => {
      await new Promise((r) => setTimeout(r, 1500));
      return { replies: [], duplicate: false };
    });
    const port = await startHttp(handler, 300);
    const calls: RecordedCall[] = [];
    const scope = expectApiCall(nock(SLACK), 'chat.update', calls, { ok: true });
    const press = signedForm({ payload: JSON.stringify(fixture('button-press.json')) });

    const res = await post(port, press.body, press.headers);

    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(1000);
    await waitFor(() => scope.isDone(), 4000);
    expect(handler.turns[0]!.action).toEqual({ id: 'interest-bike', value: 'yes' });
  });

  it('acknowledges a slash command at once, then answers ephemerally', async () => {
    const handler = new ScriptedHandler(() => ({ replies: [{ kind: 'text', text: 'Here is what is due.' }], duplicate: false }));
    const port = await startHttp(handler);
    const responses: any[] = [];
    const hooks = nock('https://hooks.slack.com')
      .post(/\/commands\//, (b) => {
        responses.push(b);
        return true;
      })
      .reply(200, 'ok');
    const fields = { ...fixture<Record<string, string>>('slash-command.json'), text: 'due' };
    const command = signedForm(fields);

    const res = await post(port, command.body, command.headers);

    expect(res.status).toBe(200);
    await waitFor(() => hooks.isDone());
    expect(handler.turns[0]!.text).toBe('due');
    expect(responses[0]).toMatchObject({ response_type: 'ephemeral', text: 'Here is what is due.' });
  });
});

describe('start-up modes', () => {
  it('uses Socket Mode when SLACK_APP_TOKEN is set (no public URL needed)', () => {
    const settings = parseSlackSettings({ SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_APP_TOKEN: 'xapp-1-A0-123-abc' });
    const app = createSlackApp({ handler: hello(), settings, logger: silentLogger, botIdentity: { botId: 'B', botUserId: 'U' } });
    expect(app.mode).toBe('socket');
    expect((app.app as unknown as { receiver: unknown }).receiver).toBeInstanceOf(SocketModeReceiver);
  });

  it('sends Web API calls to SLACK_API_URL when it is set', async () => {
    const settings = parseSlackSettings({ SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: 'http://slack-stand-in.test/api' });
    const handler = hello();
    slack = createSlackApp({
      handler,
      settings,
      logger: silentLogger,
      clientOptions: { retryConfig: { retries: 0 } },
      receiver: { init() {}, start: async () => undefined, stop: async () => undefined },
      botIdentity: { botId: 'B0WAYPOINT', botUserId: 'U0WAYBOT' },
      names: false,
    });
    const calls: RecordedCall[] = [];
    const scope = expectApiCall(nock('http://slack-stand-in.test'), 'chat.postMessage', calls, { ok: true, ts: '1.1' });
    await slack.app.processEvent({ body: fixture('dm-message.json'), ack: async () => undefined });
    await slack.idle();
    scope.done();
    expect(calls).toHaveLength(1);
  });
});
