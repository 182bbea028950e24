/**
 * The pieces of the Teams bench: a Bot Connector stub on loopback, a bare botbuilder echo bot (the
 * baseline), the activities both bots are sent, and the load driver. Nothing here is Waypoint code.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';

/** Requests in flight at once, for every bot measured. */
export const CONCURRENCY = 16;

export function listen(server: http.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

export const close = (server: http.Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

export interface ConnectorStub {
  server: http.Server;
  /** Activities received so far, and how many of them carried an Adaptive Card. */
  counts(): { activities: number; cards: number };
}

/** Answers every Bot Connector call with a resource id, as the real service does. */
export function connectorStub(): ConnectorStub {
  let activities = 0;
  let cards = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      activities += 1;
      if (Buffer.concat(chunks).includes('application/vnd.microsoft.card.adaptive')) cards += 1;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ id: `stub-${activities}` }));
    });
  });
  server.keepAliveTimeout = 60_000;
  return { server, counts: () => ({ activities, cards }) };
}

/**
 * A bare botbuilder echo bot on node:http: the same adapter and body handling, no Waypoint. By
 * default botbuilder's stock CloudAdapter; pass another adapter to compare a tuned set-up.
 */
export function bareEchoBot(adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}))): http.Server {
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

/** Ids of bench user `n`, the same in the seeded conversation and in the measured activities. */
export function benchUser(n: number) {
  return { aadObjectId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, accountId: `29:user-${n}`, chat: `a:chat-${n}` };
}

/**
 * A student's message in their personal chat: the answer "2" to the interest question they are on
 * (every bot gets exactly the same activities).
 */
export function benchActivity(id: string, user: number, serviceUrl: string) {
  const u = benchUser(user);
  return {
    type: 'message',
    id,
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from: { id: u.accountId, aadObjectId: u.aadObjectId },
    conversation: { id: u.chat, conversationType: 'personal', tenantId: 'tenant' },
    recipient: { id: '28:bot', name: 'Waypoint' },
    textFormat: 'plain',
    text: '2',
  };
}

export interface DriveResult {
  /** Activities per second (wall clock). */
  rate: number;
  /** CPU time of the whole process (bot, stub and load) per activity, in microseconds: steadier on a busy machine. */
  cpuUs: number;
}

/** Posts the bodies, CONCURRENCY at a time, over keep-alive connections. */
export async function drive(url: string, bodies: string[]): Promise<DriveResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const send = (body: string) =>
    new Promise<void>((resolve, reject) => {
      const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
      });
      req.on('error', reject);
      req.end(body);
    });
  let next = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < bodies.length) await send(bodies[next++]!);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  agent.destroy();
  return { rate: bodies.length / seconds, cpuUs: (used.user + used.system) / bodies.length };
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
