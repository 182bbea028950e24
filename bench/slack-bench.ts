/**
 * Slack events per second through Bolt's `processEvent`, with the Web API answered by a stub HTTP
 * server on loopback (SLACK_API_URL pointed at it), side by side with a bare Bolt app that only
 * echoes, in the same run. Target: Waypoint handles at least 80% of the bare app's rate.
 *
 *   npx tsx bench/slack-bench.ts            (echo TurnHandler)
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { App, type Receiver } from '@slack/bolt';
import type { Turn } from '../src/domain/messages.js';
import type { TurnHandler, TurnResult } from '../src/engine/turn-handler.js';
import { createSlackApp } from '../src/channels/slack/start-slack.js';

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const noReceiver: Receiver = { init() {}, start: async () => undefined, stop: async () => undefined };
const BOT_TOKEN = 'xoxb-bench-token';

/** A tiny engine stand-in for standalone runs: says back what it got. */
export const echoHandler: TurnHandler = {
  async handle(turn: Turn): Promise<TurnResult> {
    return { replies: [{ kind: 'text', text: `You said: ${turn.text ?? turn.action?.value ?? ''}` }], duplicate: false };
  },
};

/** Answers every Web API call like Slack would, as fast as it can. */
async function startStubSlack(): Promise<{ server: Server; url: string; calls: () => number }> {
  let calls = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      calls += 1;
      const body = JSON.stringify({ ok: true, channel: 'D0BENCH', ts: `1718030000.${String(calls).padStart(6, '0')}`, user_id: 'U0WAYBOT', bot_id: 'B0WAYPOINT' });
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
      res.end(body);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/api/`, calls: () => calls };
}

/** A recorded-style DM event; every one has its own event id and message id. */
function dmEvent(n: number): Record<string, unknown> {
  const user = `U0BENCH${String(n % 50).padStart(3, '0')}`;
  const ts = `${1718030000 + Math.floor(n / 1000)}.${String(n % 1000).padStart(6, '0')}`;
  return {
    token: 'bench',
    team_id: 'T0WAYPOINT',
    api_app_id: 'A0WAYPOINT',
    type: 'event_callback',
    event_id: `Ev0BENCH${n}`,
    event_time: 1718030000,
    authorizations: [{ enterprise_id: null, team_id: 'T0WAYPOINT', user_id: 'U0WAYBOT', is_bot: true, is_enterprise_install: false }],
    event: { type: 'message', channel_type: 'im', channel: `D${user.slice(1)}`, user, text: 'yes', ts, client_msg_id: `bench-${n}` },
  };
}

/** Feeds `count` events with `inFlight` at a time; events per second. */
async function drive(app: App, first: number, count: number, inFlight = 16): Promise<number> {
  let next = first;
  const end = first + count;
  const started = process.hrtime.bigint();
  const worker = async () => {
    while (next < end) {
      const n = next++;
      await app.processEvent({ body: dmEvent(n), ack: async () => undefined });
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return count / seconds;
}

function bareEchoApp(apiUrl: string): App {
  const app = new App({
    receiver: noReceiver,
    logger: { ...quiet, setLevel() {}, getLevel: () => 'error' as never, setName() {} },
    authorize: async () => ({ botToken: BOT_TOKEN, botId: 'B0WAYPOINT', botUserId: 'U0WAYBOT' }),
    clientOptions: { slackApiUrl: apiUrl, retryConfig: { retries: 0 } },
    convoStore: false,
  });
  app.event('message', async ({ event, client }) => {
    const e = event as { channel: string; text?: string };
    await client.chat.postMessage({ channel: e.channel, text: e.text ?? '' });
  });
  return app;
}

export async function benchSlack(handler: TurnHandler = echoHandler, opts: { events?: number; rounds?: number } = {}): Promise<Record<string, string>> {
  const events = opts.events ?? 500;
  const rounds = opts.rounds ?? 10;
  const stub = await startStubSlack();
  try {
    const waypoint = createSlackApp({
      handler,
      settings: { botToken: BOT_TOKEN, signingSecret: 'benchsigningsecret00000000000000', apiUrl: stub.url, port: 0, mode: 'http' },
      logger: quiet,
      receiver: noReceiver,
      botIdentity: { botId: 'B0WAYPOINT', botUserId: 'U0WAYBOT' },
      clientOptions: { retryConfig: { retries: 0 } },
    }).app;
    const bare = bareEchoApp(stub.url);

    let id = 0;
    // Warm up both (JIT, keep-alive sockets). Then short batches, alternating which app goes first,
    // so both see the same machine load; a rate is all its events over all its time.
    await drive(bare, id, 300);
    id += 300;
    await drive(waypoint, id, 300);
    id += 300;
    const seconds = { bare: 0, waypoint: 0 };
    const callsBefore = stub.calls();
    for (let r = 0; r < rounds; r += 1) {
      const order: ('bare' | 'waypoint')[] = r % 2 === 0 ? ['bare', 'waypoint'] : ['waypoint', 'bare'];
      for (const which of order) {
        seconds[which] += events / (await drive(which === 'bare' ? bare : waypoint, id, events));
        id += events;
      }
    }
    const posted = stub.calls() - callsBefore;
    const bareRate = (rounds * events) / seconds.bare;
    const waypointRate = (rounds * events) / seconds.waypoint;
    const ratio = waypointRate / bareRate;
    return {
      'slack: Waypoint events/s (processEvent, Web API stub on loopback)': waypointRate.toFixed(0),
      'slack: bare Bolt echo events/s (same run)': bareRate.toFixed(0),
      'slack: Waypoint / bare': `${(ratio * 100).toFixed(0)}% (target >= 80%) ${ratio >= 0.8 ? 'OK' : 'BELOW TARGET'}`,
      'slack: Web API calls answered by the stub': `${posted} for ${2 * rounds * events} events`,
    };
  } finally {
    await new Promise<void>((resolve) => stub.server.close(() => resolve()));
    stub.server.closeAllConnections();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await benchSlack(echoHandler);
  for (const [name, value] of Object.entries(results)) console.log(`${name}: ${value}`);
}
