/**
 * Kills the real Slack server (HTTP mode, lowdb store) with SIGKILL at random moments while students
 * chat, the way Slack would: signed events, retried with X-Slack-Retry-Num until answered 200.
 * Then checks what the issue asks: no message answered 200 and then lost, no saved reply left
 * unsent, no damaged file, no temp file left, no reply posted more often than it was claimed.
 * Used by `npx tsx scripts/crash-test.ts` (long) and a short test in `npm test`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPLY_OUTBOX, type OutboxEntry } from '../src/channels/reply-outbox.js';
import { checkEveryRecord } from '../src/store/check-every-record.js';
import { LowdbStore } from '../src/store/lowdb-store.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SECRET = 'crashtestsigningsecret0001';

/** A stand-in for Slack's Web API in its own process: answers every call, counts chat.postMessage. */
const STUB = `
const http = require('node:http');
let posts = 0, calls = 0;
const server = http.createServer((req, res) => {
  if (req.method === 'GET') { res.end(JSON.stringify({ posts, calls })); return; }
  req.resume();
  req.on('end', () => {
    calls += 1;
    if (req.url.includes('chat.postMessage')) posts += 1;
    const body = JSON.stringify({ ok: true, channel: 'D0CRASH', ts: '1718030000.' + String(calls).padStart(6, '0'), user_id: 'U0WAYBOT', bot_id: 'B0WAYPOINT', user: { id: 'U', profile: {} } });
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
`;

const SCRIPT = ['hi', 'student', '10th', '2', '1', 'what is fafsa', '3', '2', 'how much do nurses make', '1', 'plan', 'stop', 'explore', '2'];

export interface CrashOptions {
  users: number;
  kills: number;
  /** Time the server runs between start-up and the kill, chosen at random in this range (ms). */
  runMs: [number, number];
  log?: (line: string) => void;
}

export interface CrashReport {
  kills: number;
  turnsAcked: number;
  ackedAndLost: number;
  savedRepliesUnsent: number;
  corruptFiles: number;
  tempFilesLeft: number;
  repliesClaimed: number;
  repliesPosted: number;
  postedTwice: number;
  /** Replies claimed and being sent at the instant of a kill: at most once means these are not sent again. */
  lostInFlight: number;
  seconds: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createNetServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function signed(body: string, retry: number): Record<string, string> {
  const ts = String(Math.floor(Date.now() / 1000));
  const sig = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  return { 'Content-Type': 'application/json', 'X-Slack-Request-Timestamp': ts, 'X-Slack-Signature': sig, ...(retry > 0 ? { 'X-Slack-Retry-Num': String(retry), 'X-Slack-Retry-Reason': 'http_error' } : {}) };
}

function dm(id: string, user: number, text: string): string {
  const u = `U0CRASH${String(user).padStart(3, '0')}`;
  return JSON.stringify({
    token: 'crash',
    team_id: 'T0WAYPOINT',
    api_app_id: 'A0WAYPOINT',
    type: 'event_callback',
    event_id: `Ev${id}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: 'T0WAYPOINT', user_id: 'U0WAYBOT', is_bot: true, is_enterprise_install: false }],
    event: { type: 'message', channel_type: 'im', channel: `D0CRASH${String(user).padStart(3, '0')}`, user: u, text, ts: `${Math.floor(Date.now() / 1000)}.${id.slice(-6)}`, client_msg_id: id },
  });
}

export async function runSlackCrash(o: CrashOptions): Promise<CrashReport> {
  const started = Date.now();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'waypoint-crash-'));
  const stub = spawn(process.execPath, ['-e', STUB], { stdio: ['ignore', 'pipe', 'inherit'] });
  const stubPort = Number.parseInt(String(((await once(stub.stdout!, 'data')) as [Buffer])[0]), 10);
  const port = await freePort();
  const env = {
    ...process.env,
    SLACK_BOT_TOKEN: 'xoxb-crash-test-token',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: `http://127.0.0.1:${stubPort}/api/`,
    PORT: String(port),
    WAYPOINT_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    NODE_ENV: 'production',
  };
  let server: ChildProcess | undefined;
  const start = async () => {
    // node itself with tsx's loader (not the tsx command, which runs the app in a child that SIGKILL would not reach).
    server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'slack'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    server.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString('utf8')).slice(-2000)));
    for (let i = 0; i < 600; i++) {
      if (server.exitCode !== null) throw new Error(`the Slack server stopped at start-up: ${stderr}`);
      try {
        await fetch(`http://127.0.0.1:${port}/health-check`);
        return;
      } catch {
        await sleep(50);
      }
    }
    throw new Error(`the Slack server did not start: ${stderr}`);
  };
  const kill = async () => {
    const s = server!;
    s.kill('SIGKILL');
    if (s.exitCode === null && s.signalCode === null) await once(s, 'exit');
  };

  const acked = new Set<string>();
  let stopTraffic = false;
  const user = async (n: number) => {
    for (let i = 0; !stopTraffic; i++) {
      const id = `crash-${n}-${i}-${started.toString(36)}`;
      const body = dm(id, n, SCRIPT[i % SCRIPT.length]!);
      for (let retry = 0; ; retry++) {
        try {
          const res = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers: signed(body, retry), body, signal: AbortSignal.timeout(5000) });
          await res.text();
          if (res.status === 200) {
            acked.add(id);
            break;
          }
        } catch {
          // Refused or cut off: the server is down. Slack tries again a little later.
        }
        await sleep(200);
      }
    }
  };

  await start();
  const traffic = Array.from({ length: o.users }, (_, n) => user(n));
  for (let k = 0; k < o.kills; k++) {
    await sleep(o.runMs[0] + Math.random() * (o.runMs[1] - o.runMs[0]));
    await kill();
    o.log?.(`kill ${k + 1}/${o.kills}: ${acked.size} messages answered 200 so far`);
    await start();
  }
  stopTraffic = true;
  await Promise.all(traffic);
  // Let the last process send what it saved, then stop it cleanly and start once more (the leftover check).
  await sleep(1500);
  server!.kill('SIGTERM');
  if (server!.exitCode === null && server!.signalCode === null) await once(server!, 'exit');
  await start();
  await sleep(1500);
  server!.kill('SIGTERM');
  if (server!.exitCode === null && server!.signalCode === null) await once(server!, 'exit');

  const store = new LowdbStore(dataDir);
  let corruptFiles = 0;
  try {
    checkEveryRecord(dataDir);
  } catch (err) {
    corruptFiles = 1;
    o.log?.(String(err));
  }
  let ackedAndLost = 0;
  let savedRepliesUnsent = 0;
  let repliesClaimed = 0;
  for (const id of acked) {
    const entry = await store.get<OutboxEntry<unknown>>(REPLY_OUTBOX, `slack:${id}`).catch(() => undefined);
    if (!entry) ackedAndLost++;
  }
  for (const id of await store.ids(REPLY_OUTBOX)) {
    const entry = await store.get<OutboxEntry<unknown>>(REPLY_OUTBOX, id).catch(() => undefined);
    if (!entry) continue;
    repliesClaimed += entry.claimed;
    if (!entry.doneAt || entry.claimed < entry.items.length) savedRepliesUnsent++;
  }
  let tempFilesLeft = 0;
  for (const folder of readdirSync(dataDir, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    tempFilesLeft += readdirSync(path.join(dataDir, folder.name)).filter((n) => n.endsWith('.tmp')).length;
  }
  const stats = (await (await fetch(`http://127.0.0.1:${stubPort}/`)).json()) as { posts: number };
  stub.kill();
  await rm(dataDir, { recursive: true, force: true, maxRetries: 5 });
  return {
    kills: o.kills,
    turnsAcked: acked.size,
    ackedAndLost,
    savedRepliesUnsent,
    corruptFiles,
    tempFilesLeft,
    repliesClaimed,
    repliesPosted: stats.posts,
    postedTwice: Math.max(0, stats.posts - repliesClaimed),
    lostInFlight: Math.max(0, repliesClaimed - stats.posts),
    seconds: Math.round((Date.now() - started) / 1000),
  };
}
