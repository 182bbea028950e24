/**
 * Several Waypoint replicas on one PostgreSQL database, as real processes (`node --import tsx
 * src/main.ts slack|teams`), against stand-ins for Slack's Web API and the Bot Connector. Used by
 * the two-replica test (test/replicas/) and the replicas bench (bench/replicas-bench.ts).
 *
 * The Slack stand-in keeps every posted message's reply ref (the outbox puts `<record>#<item>` in
 * each message's metadata), so a reply posted twice, or claimed and never posted, is seen exactly.
 */
import { createHmac } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, serverProcess, startStub, type ServerProcess, type StubProcess } from './crash-kit.js';
import { benchActivity } from './teams-bench-kit.js';
import { SLACK_API_STUB } from './slack-api-stub.js';

const SECRET = 'replicatestsigningsecret01';

export interface SlackStubCounts {
  posts: number;
  /** Posts per reply ref. */
  refs: Record<string, number>;
}

export type Channel = 'slack' | 'teams';

/** One replica: its HTTP port and the process. */
export interface Replica {
  port: number;
  server: ServerProcess;
}

export interface ReplicaSet {
  channel: Channel;
  replicas: Replica[];
  stub: StubProcess;
  /** Sends one message of user `user` with id `id` to replica `to`; true when answered 200. */
  send(to: number, id: string, user: number, text: string, retry?: number): Promise<boolean>;
  /** The session key of user `user`. */
  userKey(user: number): string;
  stop(): Promise<void>;
}

/** Slack user `n`. */
export const slackUser = (n: number) => ({ id: `U0REP${String(n).padStart(4, '0')}`, dm: `D0REP${String(n).padStart(4, '0')}` });

function slackBody(id: string, user: number, text: string): string {
  const u = slackUser(user);
  const now = Math.floor(Date.now() / 1000);
  return JSON.stringify({
    token: 'replica',
    team_id: 'T0WAYPOINT',
    api_app_id: 'A0WAYPOINT',
    type: 'event_callback',
    event_id: `Ev${id}`,
    event_time: now,
    authorizations: [{ enterprise_id: null, team_id: 'T0WAYPOINT', user_id: 'U0WAYBOT', is_bot: true, is_enterprise_install: false }],
    event: { type: 'message', channel_type: 'im', channel: u.dm, user: u.id, text, ts: `${now}.${id.slice(-6).padStart(6, '0')}`, client_msg_id: id },
  });
}

function slackHeaders(body: string, retry: number): Record<string, string> {
  const ts = String(Math.floor(Date.now() / 1000));
  const sig = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  return { 'Content-Type': 'application/json', 'X-Slack-Request-Timestamp': ts, 'X-Slack-Signature': sig, ...(retry > 0 ? { 'X-Slack-Retry-Num': String(retry), 'X-Slack-Retry-Reason': 'http_timeout' } : {}) };
}

/** Starts `count` replicas of one channel on the database at `databaseUrl`, and the platform's stand-in. */
export async function startReplicas(channel: Channel, count: number, databaseUrl: string): Promise<ReplicaSet> {
  const stub = channel === 'slack' ? await startStub(['-e', SLACK_API_STUB]) : await startStub(['--import', 'tsx', 'bench/teams-connector-stub.ts']);
  const dataDir = await mkdtemp(path.join(tmpdir(), `waypoint-replicas-${channel}-`));
  const replicas: Replica[] = [];
  for (let i = 0; i < count; i++) {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      WAYPOINT_DATABASE_URL: databaseUrl,
      // Exports only; every record is in the database.
      WAYPOINT_DATA_DIR: path.join(dataDir, `replica-${i}`),
      LOG_LEVEL: 'silent',
      NODE_ENV: 'production',
      ...(channel === 'slack'
        ? { SLACK_BOT_TOKEN: 'xoxb-replica-test-token', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: `http://127.0.0.1:${stub.port}/api/`, WAYPOINT_SLACK_MIN_STUDENT_GRADE: '6' }
        : { MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppTenantId: '' }),
    };
    const health = channel === 'slack' ? `http://127.0.0.1:${port}/health-check` : `http://127.0.0.1:${port}/health`;
    replicas.push({ port, server: serverProcess(channel, env, health) });
  }
  try {
    // One after the other: the first applies the migrations (the others would wait for its lock anyway).
    for (const r of replicas) await r.server.start();
  } catch (err) {
    for (const r of replicas) await r.server.kill().catch(() => undefined);
    stub.stop();
    throw err;
  }
  const serviceUrl = `http://127.0.0.1:${stub.port}/`;
  const send = async (to: number, id: string, user: number, text: string, retry = 0): Promise<boolean> => {
    const port = replicas[to]!.port;
    if (channel === 'slack') {
      const body = slackBody(id, user, text);
      const res = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers: slackHeaders(body, retry), body, signal: AbortSignal.timeout(15_000) });
      await res.text();
      return res.status === 200;
    }
    const body = JSON.stringify({ ...benchActivity(id, user, serviceUrl), text });
    const res = await fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(15_000) });
    await res.text();
    return res.status === 200;
  };
  return {
    channel,
    replicas,
    stub,
    send,
    userKey: (n) => (channel === 'slack' ? `slack:${slackUser(n).id}` : `teams:${benchActivity('', n, '').from.aadObjectId}`),
    async stop() {
      for (const r of replicas) await r.server.stop().catch(() => r.server.kill());
      stub.stop();
      await rm(dataDir, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}

/** Sends a message until it is answered 200 (a replica may answer an error while another holds the user's turn). */
export async function sendUntilAnswered(set: ReplicaSet, to: number, id: string, user: number, text: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await set.send(to, id, user, text, attempt).catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`message ${id} was never answered 200`);
}
