/**
 * What the Slack and Teams crash tests share: the real server started as its own process and
 * killed with SIGKILL at random moments while students chat, every message sent again until it is
 * answered 200, a clean stop and one more start at the end, then a look at the data folder: every
 * message answered 200 applied, no saved reply left unsent, no damaged file, no temp file left.
 * The platform parts (how a message is sent, what the platform's stand-in counts) live in
 * bench/slack-crash.ts and bench/teams-crash.ts.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPLY_OUTBOX, readOutboxEntry, type OutboxEntry } from '../src/channels/reply-outbox.js';
import { checkEveryRecord } from '../src/store/check-every-record.js';
import { LowdbStore } from '../src/store/lowdb-store.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** What each student says, over and over: onboarding, the interest questions, questions, a plan, stop. */
export const SCRIPT = ['hi', 'student', '10th', '2', '1', 'what is fafsa', '3', '2', 'how much do nurses make', '1', 'plan', 'stop', 'explore', '2'];

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

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createNetServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** A stand-in for the platform's API in a process of its own, which prints its port first. */
export interface StubProcess {
  port: number;
  /** What it answers to GET / (its counts). */
  stats<T>(): Promise<T>;
  stop(): void;
}

export async function startStub(args: string[]): Promise<StubProcess> {
  const stub = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = Number.parseInt(String(((await once(stub.stdout!, 'data')) as [Buffer])[0]), 10);
  return {
    port,
    stats: async <T>() => (await (await fetch(`http://127.0.0.1:${port}/`)).json()) as T,
    stop: () => void stub.kill(),
  };
}

/** The real Waypoint server as a process of its own, started, killed and stopped by the test. */
export interface ServerProcess {
  /** Starts it and resolves once `healthUrl` answers. */
  start(): Promise<void>;
  /** SIGKILL: no chance to finish anything. */
  kill(): Promise<void>;
  /** SIGTERM, the way a deploy stops it. */
  stop(): Promise<void>;
}

export function serverProcess(channel: string, env: NodeJS.ProcessEnv, healthUrl: string): ServerProcess {
  let server: ChildProcess | undefined;
  const exited = async (signal: NodeJS.Signals) => {
    const s = server!;
    s.kill(signal);
    if (s.exitCode === null && s.signalCode === null) await once(s, 'exit');
  };
  return {
    async start() {
      // node itself with tsx's loader (not the tsx command, which runs the app in a child that SIGKILL would not reach).
      const s = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', channel], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
      server = s;
      let stderr = '';
      s.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString('utf8')).slice(-2000)));
      for (let i = 0; i < 600; i++) {
        if (s.exitCode !== null) throw new Error(`the ${channel} server stopped at start-up: ${stderr}`);
        try {
          await fetch(healthUrl);
          return;
        } catch {
          await sleep(50);
        }
      }
      throw new Error(`the ${channel} server did not start: ${stderr}`);
    },
    kill: () => (server ? exited('SIGKILL') : Promise.resolve()),
    stop: () => exited('SIGTERM'),
  };
}

/**
 * Sends one message once. Resolves true when the server answered 200, false when it should be sent
 * again (an error answer); throws when the server could not be reached (refused or cut off).
 */
export type SendOnce = (id: string, user: number, text: string, attempt: number) => Promise<boolean>;

export interface Chat {
  /** Ids of the messages the server answered 200. */
  acked: Set<string>;
  /** Messages that had to be sent more than once (the server was down or cut them off). */
  resent: number;
}

/**
 * Starts the server, lets `users` students chat through it while it is killed `kills` times and
 * started again, then lets the last process send what it saved, stops it cleanly and starts it
 * once more (the leftover check) before stopping it for good.
 */
export async function chatThroughKills(o: CrashOptions, server: ServerProcess, send: SendOnce): Promise<Chat> {
  const tag = Date.now().toString(36);
  const acked = new Set<string>();
  let resent = 0;
  let stopTraffic = false;
  /** Set when the run fails: every student stops at once, even in the middle of a message. */
  let givenUp = false;
  const user = async (n: number) => {
    for (let i = 0; !stopTraffic; i++) {
      const id = `crash-${n}-${i}-${tag}`;
      const text = SCRIPT[i % SCRIPT.length]!;
      for (let attempt = 0; !givenUp; attempt++) {
        if (attempt === 1) resent++;
        try {
          if (await send(id, n, text, attempt)) {
            acked.add(id);
            break;
          }
        } catch {
          // Refused or cut off: the server is down. The same message goes again a little later.
        }
        await sleep(200);
      }
    }
  };

  try {
    await server.start();
    const traffic = Array.from({ length: o.users }, (_, n) => user(n));
    for (let k = 0; k < o.kills; k++) {
      await sleep(o.runMs[0] + Math.random() * (o.runMs[1] - o.runMs[0]));
      await server.kill();
      o.log?.(`kill ${k + 1}/${o.kills}: ${acked.size} messages answered 200 so far`);
      await server.start();
    }
    stopTraffic = true;
    await Promise.all(traffic);
    await sleep(1500);
    await server.stop();
    await server.start();
    await sleep(1500);
    await server.stop();
    return { acked, resent };
  } catch (err) {
    // A server that would not start: nothing is left running behind the failure.
    stopTraffic = givenUp = true;
    await server.kill();
    throw err;
  }
}

export interface FolderAudit {
  ackedAndLost: number;
  savedRepliesUnsent: number;
  corruptFiles: number;
  tempFilesLeft: number;
  repliesClaimed: number;
  /** Every turn's saved deliveries, for a channel that counts its posts reply by reply. */
  entries: OutboxEntry<unknown>[];
}

/** Temp files of unfinished writes, in the data folder itself (log snapshots) and in every collection folder. */
export function countTempFiles(dataDir: string): number {
  let left = readdirSync(dataDir).filter((n) => n.endsWith('.tmp')).length;
  for (const folder of readdirSync(dataDir, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    left += readdirSync(path.join(dataDir, folder.name)).filter((n) => n.endsWith('.tmp')).length;
  }
  return left;
}

/**
 * Looks at the data folder after the run. A message answered 200 counts as applied when its
 * replies are saved in the outbox (`<channel>:<message id>`) or when `applied` finds it another way.
 */
export async function auditDataFolder(
  dataDir: string,
  channel: string,
  acked: Set<string>,
  applied: (store: LowdbStore, id: string) => Promise<boolean> = async () => false,
  log?: (line: string) => void,
): Promise<FolderAudit> {
  const store = new LowdbStore(dataDir);
  let corruptFiles = 0;
  try {
    checkEveryRecord(dataDir);
  } catch (err) {
    corruptFiles = 1;
    log?.(String(err));
  }
  let ackedAndLost = 0;
  for (const id of acked) {
    const entry = await readOutboxEntry<unknown>(store, `${channel}:${id}`).catch(() => undefined);
    if (!entry && !(await applied(store, id).catch(() => false))) {
      ackedAndLost++;
      log?.(`answered 200 and lost: ${id}`);
    }
  }
  let savedRepliesUnsent = 0;
  let repliesClaimed = 0;
  const entries: OutboxEntry<unknown>[] = [];
  for (const id of await store.ids(REPLY_OUTBOX)) {
    const entry = await readOutboxEntry<unknown>(store, id).catch(() => undefined);
    if (!entry) continue;
    entries.push(entry);
    repliesClaimed += entry.claimed;
    if (!entry.doneAt || entry.claimed < entry.items.length) {
      savedRepliesUnsent++;
      log?.(`saved and not sent: ${id}`);
    }
  }
  return { ackedAndLost, savedRepliesUnsent, corruptFiles, tempFilesLeft: countTempFiles(dataDir), repliesClaimed, entries };
}
