/**
 * Teams channel throughput: activities per second through our /api/messages (CloudAdapter, turn
 * mapping, conversation-reference upkeep, redelivery check, rendering) beside a bare botbuilder
 * echo bot on the same machine in the same run. The Bot Connector is a loopback HTTP stub, so the
 * figure is the channel's own cost. Target: ours at least 80% of the bare bot's rate.
 *
 * Run alone: npx tsx bench/teams-bench.ts [activities per round]; in the suite: npm run bench -- teams
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import { createTeamsServer } from '../src/channels/teams/start-teams.js';
import { silentLogger } from '../src/channels/teams/teams-logger.js';
import { parseTeamsSettings } from '../src/channels/teams/teams-settings.js';
import type { TurnHandler } from '../src/engine/turn-handler.js';
import { MemoryStore } from '../src/store/memory-store.js';

/** The smallest TurnHandler: says back what it was told. */
export const echoTurnHandler: TurnHandler = {
  async handle(turn) {
    return { replies: [{ kind: 'text', text: `You said: ${turn.text ?? turn.action?.value ?? ''}` }], duplicate: false };
  },
};

const CONCURRENCY = 16;
const USERS = 50;

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}
const close = (server: http.Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

/** Answers every Bot Connector call with a resource id, as the real service does. */
function connectorStub(): http.Server {
  let n = 0;
  return http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ id: `stub-${++n}` }));
    });
  });
}

/** A bare botbuilder echo bot on node:http, the baseline. */
function bareEchoBot(): http.Server {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const logic = async (context: TurnContext) => {
    if (context.activity.type === 'message') await context.sendActivity(`You said: ${context.activity.text}`);
  };
  return http.createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: unknown;
      const response = {
        socket: res.socket,
        status: (code: number) => void (res.statusCode = code),
        header: (name: string, value: unknown) => void res.setHeader(name, String(value)),
        send: (value: unknown) => void (body = value),
        end: () => void res.end(body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)),
      };
      const request = { method: req.method, headers: req.headers as Record<string, string>, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
      adapter.process(request, response, logic).catch(() => {
        res.statusCode = 500;
        res.end();
      });
    });
  });
}

function activity(i: number, serviceUrl: string) {
  const user = i % USERS;
  return {
    type: 'message',
    id: `bench-${i}`,
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from: { id: `29:user-${user}`, aadObjectId: `00000000-0000-4000-8000-${String(user).padStart(12, '0')}` },
    conversation: { id: `a:chat-${user}`, conversationType: 'personal', tenantId: 'tenant' },
    recipient: { id: '28:bot', name: 'Waypoint' },
    text: `hello ${i}`,
  };
}

async function drive(url: string, serviceUrl: string, count: number, offset: number): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const send = (i: number) =>
    new Promise<void>((resolve, reject) => {
      const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
      });
      req.on('error', reject);
      req.end(JSON.stringify(activity(offset + i, serviceUrl)));
    });
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await send(next++);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return count / seconds;
}

export async function benchTeams(handler: TurnHandler = echoTurnHandler, count = 1000): Promise<Record<string, string>> {
  const stub = connectorStub();
  const serviceUrl = `http://127.0.0.1:${await listen(stub)}/`;
  const bare = bareEchoBot();
  const bareUrl = `http://127.0.0.1:${await listen(bare)}/api/messages`;
  const ours = createTeamsServer({ handler, store: new MemoryStore(), settings: parseTeamsSettings({ PORT: '0' }), logger: silentLogger, host: '127.0.0.1' });
  const oursUrl = `http://127.0.0.1:${(await ours.start()).port}/api/messages`;
  try {
    // warm up both, then alternate rounds so neither gets the quieter moment; keep each one's best
    await drive(bareUrl, serviceUrl, 200, 0);
    await drive(oursUrl, serviceUrl, 200, 0);
    let bareRate = 0;
    let oursRate = 0;
    for (let round = 1; round <= 3; round++) {
      bareRate = Math.max(bareRate, await drive(bareUrl, serviceUrl, count, round * 1_000_000));
      oursRate = Math.max(oursRate, await drive(oursUrl, serviceUrl, count, round * 1_000_000));
    }
    const ratio = oursRate / bareRate;
    const result = {
      'teams activities/s (Waypoint channel)': oursRate.toFixed(0),
      'teams activities/s (bare botbuilder echo)': bareRate.toFixed(0),
      'teams ratio (target >= 80%)': `${(ratio * 100).toFixed(0)}%${ratio >= 0.8 ? '' : ' BELOW TARGET'}`,
    };
    return result;
  } finally {
    await ours.stop();
    await close(bare);
    await close(stub);
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const count = Number(process.argv[2] ?? 1000);
  benchTeams(echoTurnHandler, Number.isFinite(count) && count > 0 ? count : 1000)
    .then((figures) => {
      for (const [k, v] of Object.entries(figures)) console.log(`${k}: ${v}`);
    })
    .catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
