/**
 * Kills the real Slack server (HTTP mode, lowdb store) with SIGKILL at random moments while students
 * chat, the way Slack would: signed events, retried with X-Slack-Retry-Num until answered 200.
 * Then checks what the issue asks: no message answered 200 and then lost, no saved reply left
 * unsent, no damaged file, no temp file left, no reply posted more often than it was claimed.
 * Used by `npx tsx scripts/crash-test.ts` (long) and a short test in `npm test`. The parts the
 * Teams crash test shares are in bench/crash-kit.ts.
 */
import { createHmac } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { auditDataFolder, chatThroughKills, freePort, serverProcess, startStub, type CrashOptions, type CrashReport } from './crash-kit.js';
import { SLACK_API_STUB } from './slack-api-stub.js';

export type { CrashOptions, CrashReport } from './crash-kit.js';

const SECRET = 'crashtestsigningsecret0001';

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
  const stub = await startStub(['-e', SLACK_API_STUB]);
  const port = await freePort();
  const env = {
    ...process.env,
    SLACK_BOT_TOKEN: 'xoxb-crash-test-token',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: `http://127.0.0.1:${stub.port}/api/`,
    PORT: String(port),
    WAYPOINT_DATA_DIR: dataDir,
    // The students here say they are in 10th grade: every grade may chat (the grade rule has its own tests).
    WAYPOINT_SLACK_MIN_STUDENT_GRADE: '6',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'production',
  };
  const server = serverProcess('slack', env, `http://127.0.0.1:${port}/health-check`);
  const { acked } = await chatThroughKills(o, server, async (id, user, text, attempt) => {
    const body = dm(id, user, text);
    const res = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers: signed(body, attempt), body, signal: AbortSignal.timeout(5000) });
    await res.text();
    return res.status === 200;
  }).catch((err: unknown) => {
    stub.stop();
    throw err;
  });

  const audit = await auditDataFolder(dataDir, 'slack', acked, undefined, o.log);
  const stats = await stub.stats<{ posts: number }>();
  stub.stop();
  await rm(dataDir, { recursive: true, force: true, maxRetries: 5 });
  return {
    kills: o.kills,
    turnsAcked: acked.size,
    ackedAndLost: audit.ackedAndLost,
    savedRepliesUnsent: audit.savedRepliesUnsent,
    corruptFiles: audit.corruptFiles,
    tempFilesLeft: audit.tempFilesLeft,
    repliesClaimed: audit.repliesClaimed,
    repliesPosted: stats.posts,
    postedTwice: Math.max(0, stats.posts - audit.repliesClaimed),
    lostInFlight: Math.max(0, audit.repliesClaimed - stats.posts),
    seconds: Math.round((Date.now() - started) / 1000),
  };
}
