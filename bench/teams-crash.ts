/**
 * Kills the real Teams server (lowdb store, no app id so requests carry no token, the way the
 * Teams bench runs it) with SIGKILL at random moments while students chat in their personal chats.
 * The Bot Connector is a stand-in in a process of its own (bench/teams-connector-stub.ts) that
 * counts every reply per chat. Bot Framework does not send an activity again by itself, so the
 * students do: when a message fails (refused, cut off, an error answer) they send the same
 * activity, with the same id, again once the server is back.
 *
 * Then checks what issue 16 asks: every activity answered 200 was applied (its replies are saved
 * in the outbox, or the person's session remembers its id), no saved reply left unsent, no damaged
 * file, no temp file left, and no reply posted more often than the outbox claimed it. Replies
 * claimed and then cut off by a kill are counted as lost in flight (at most once, not at least).
 * Used by `npx tsx scripts/crash-test.ts --channel teams` (long) and a short test in `npm test`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TeamsItem } from '../src/channels/teams/teams-outbox.js';
import { cardAttachment } from '../src/channels/teams/adaptive-card.js';
import type { Session } from '../src/engine/session.js';
import { auditDataFolder, chatThroughKills, freePort, serverProcess, startStub, type CrashOptions, type CrashReport } from './crash-kit.js';
import { replyKey, type ConnectorCounts } from './teams-connector-stub.js';
import { benchActivity, benchUser } from './teams-bench-kit.js';

/** How long the Bot Connector waits for the bot's answer before it gives up. */
const TEAMS_TIMEOUT_MS = 15_000;

export interface TeamsCrashReport extends CrashReport {
  /** Activities that had to be sent more than once, with the same activity id. */
  resent: number;
  /** Turns the session remembers but whose replies were never saved (each turn here has replies). */
  appliedWithoutSavedReplies: number;
  /** Messages the bot posted that no outbox record holds (an error apology, a welcome). */
  postedWithoutSaving: number;
}

/** The user number in an activity id made by chatThroughKills: `crash-<user>-<n>-<tag>`. */
const userOf = (id: string) => Number(id.split('-')[1]);

export async function runTeamsCrash(o: CrashOptions): Promise<TeamsCrashReport> {
  const started = Date.now();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'waypoint-teams-crash-'));
  const stub = await startStub(['--import', 'tsx', 'bench/teams-connector-stub.ts']);
  const serviceUrl = `http://127.0.0.1:${stub.port}/`;
  const port = await freePort();
  const env = {
    ...process.env,
    // No app id: the server takes requests without a token and calls the Bot Connector without one.
    MicrosoftAppId: '',
    MicrosoftAppPassword: '',
    MicrosoftAppTenantId: '',
    PORT: String(port),
    WAYPOINT_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    NODE_ENV: 'production',
  };
  const server = serverProcess('teams', env, `http://127.0.0.1:${port}/health`);
  const { acked, resent } = await chatThroughKills(o, server, async (id, user, text) => {
    const body = JSON.stringify({ ...benchActivity(id, user, serviceUrl), text });
    const res = await fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(TEAMS_TIMEOUT_MS) });
    await res.text();
    return res.status === 200;
  }).catch((err: unknown) => {
    stub.stop();
    throw err;
  });

  let appliedWithoutSavedReplies = 0;
  const audit = await auditDataFolder(
    dataDir,
    'teams',
    acked,
    async (store, id) => {
      const session = await store.get<Session>('sessions', `teams:${benchUser(userOf(id)).aadObjectId}`);
      const remembered = session?.recent.some((r) => r.messageId === id) === true;
      if (remembered) appliedWithoutSavedReplies++;
      return remembered;
    },
    o.log,
  );

  // Every claimed item, by chat and reply, against what the Bot Connector received.
  const chatOf = new Map(Array.from({ length: o.users }, (_, n) => [benchUser(n).aadObjectId, benchUser(n).chat]));
  const claimed = new Map<string, number>();
  for (const entry of audit.entries) {
    if (!entry.id.startsWith('teams:')) continue;
    for (const item of (entry.items as TeamsItem[]).slice(0, entry.claimed)) {
      const chat = chatOf.get(item.userId) ?? item.userId;
      const key = item.kind === 'send' ? replyKey(chat, item.activity) : replyKey(chat, { attachments: [cardAttachment(item.card)] }, item.cardId);
      claimed.set(key, (claimed.get(key) ?? 0) + 1);
    }
  }
  const counts = await stub.stats<ConnectorCounts>();
  stub.stop();
  let postedTwice = 0;
  let lostInFlight = 0;
  let postedWithoutSaving = 0;
  for (const key of new Set([...claimed.keys(), ...Object.keys(counts.byReply)])) {
    const sent = counts.byReply[key] ?? 0;
    const held = claimed.get(key) ?? 0;
    if (held === 0) postedWithoutSaving += sent;
    else if (sent > held) postedTwice += sent - held;
    else lostInFlight += held - sent;
    if (sent > held) o.log?.(`posted ${sent} times, claimed ${held}: ${key.slice(0, 200)}`);
  }
  await rm(dataDir, { recursive: true, force: true, maxRetries: 5 });
  return {
    kills: o.kills,
    turnsAcked: acked.size,
    ackedAndLost: audit.ackedAndLost,
    savedRepliesUnsent: audit.savedRepliesUnsent,
    corruptFiles: audit.corruptFiles,
    tempFilesLeft: audit.tempFilesLeft,
    repliesClaimed: audit.repliesClaimed,
    repliesPosted: counts.posts + counts.updates,
    postedTwice,
    lostInFlight,
    resent,
    appliedWithoutSavedReplies,
    postedWithoutSaving,
    seconds: Math.round((Date.now() - started) / 1000),
  };
}
