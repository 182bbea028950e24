/**
 * The pieces of the Slack bench: a Web API stub in its own process on loopback, a bare Bolt echo
 * app (the baseline), the events every app is sent, and the load driver. Nothing here is Waypoint
 * code.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { App, type Receiver } from '@slack/bolt';

/** Events in flight at once, for every app measured. */
export const CONCURRENCY = 16;
export const BOT_TOKEN = 'xoxb-bench-token';
export const BOT = { botId: 'B0WAYPOINT', botUserId: 'U0WAYBOT' };

export const quietLogger = { debug() {}, info() {}, warn() {}, error() {} };
/** Events are fed with `app.processEvent`, as a receiver would. */
export const noReceiver: Receiver = { init() {}, start: async () => undefined, stop: async () => undefined };

/**
 * Answers every Web API call like Slack does, as fast as it can. It runs in a child process so its
 * work is not counted as the app's (Slack's servers are not on our CPU either).
 */
const STUB = `
const http = require('node:http');
let calls = 0;
const server = http.createServer((req, res) => {
  if (req.method === 'GET') { res.end(JSON.stringify({ calls })); return; }
  req.resume();
  req.on('end', () => {
    calls += 1;
    const body = JSON.stringify({ ok: true, channel: 'D0BENCH', ts: '1718030000.' + String(calls).padStart(6, '0'), user_id: 'U0WAYBOT', bot_id: 'B0WAYPOINT' });
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
`;

export interface WebApiStub {
  /** Base URL for SLACK_API_URL. */
  url: string;
  /** Web API calls answered so far. */
  calls(): Promise<number>;
  stop(): Promise<void>;
}

export async function startWebApiStub(): Promise<WebApiStub> {
  const child: ChildProcess = spawn(process.execPath, ['-e', STUB], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [first] = (await once(child.stdout!, 'data')) as [Buffer];
  const port = Number.parseInt(first.toString('utf8'), 10);
  const base = `http://127.0.0.1:${port}`;
  return {
    url: `${base}/api/`,
    calls: async () => ((await (await fetch(`${base}/stats`)).json()) as { calls: number }).calls,
    stop: async () => {
      child.kill();
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
}

/** The bare baseline: Bolt with one listener that echoes a DM back with chat.postMessage. */
export function bareEchoApp(apiUrl: string): App {
  const app = new App({
    receiver: noReceiver,
    logger: { ...quietLogger, setLevel() {}, getLevel: () => 'error' as never, setName() {} },
    authorize: async () => ({ botToken: BOT_TOKEN, ...BOT }),
    clientOptions: { slackApiUrl: apiUrl, retryConfig: { retries: 0 } },
    convoStore: false,
  });
  app.event('message', async ({ event, client }) => {
    const e = event as { channel: string; text?: string };
    await client.chat.postMessage({ channel: e.channel, text: `You said: ${e.text ?? ''}` });
  });
  return app;
}

/** Ids of bench student `n`, the same in the seeded conversation and in the measured events. */
export function benchUser(n: number): { user: string; dm: string } {
  const id = String(n).padStart(4, '0');
  return { user: `U0BENCH${id}`, dm: `D0BENCH${id}` };
}

/**
 * A student's DM to the app: the answer "2" to the interest question they are on, as Slack sends
 * it in the Events API. Every app gets exactly the same events; each has its own event and message id.
 */
export function dmEvent(id: string, n: number): Record<string, unknown> {
  const { user, dm } = benchUser(n);
  return {
    token: 'bench',
    team_id: 'T0WAYPOINT',
    api_app_id: 'A0WAYPOINT',
    type: 'event_callback',
    event_id: `Ev${id}`,
    event_time: 1718030000,
    authorizations: [{ enterprise_id: null, team_id: 'T0WAYPOINT', user_id: BOT.botUserId, is_bot: true, is_enterprise_install: false }],
    event: { type: 'message', channel_type: 'im', channel: dm, user, text: '2', ts: '1718030000.000100', client_msg_id: id },
  };
}

export interface DriveResult {
  /** Events per second (wall clock). */
  rate: number;
  /** CPU time of this process (the app and the driver; not the stub) per event, in microseconds. */
  cpuUs: number;
}

/**
 * Feeds the events through `app.processEvent`, CONCURRENCY at a time; with `idle`, also waits for
 * replies sent after Slack was answered (Waypoint's outbox), so every app's sends are counted.
 */
export async function drive(app: App, bodies: Record<string, unknown>[], idle?: () => Promise<void>): Promise<DriveResult> {
  let next = 0;
  const ack = async () => undefined;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < bodies.length) await app.processEvent({ body: bodies[next++]!, ack });
    }),
  );
  await idle?.();
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { rate: bodies.length / seconds, cpuUs: (used.user + used.system) / bodies.length };
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
