/**
 * Two Slack processes and two Teams processes (real servers, `node --import tsx src/main.ts`) on one
 * PostgreSQL database, against stand-ins for Slack and the Bot Connector. The same students' messages
 * alternate between the two replicas of their channel: one after another, two at once, and the same
 * message to both at once (a redelivery the other replica took). Then the database and the stand-ins
 * say: every turn applied, once, in the order sent; every reply saved once and posted once.
 */
import { jest } from '@jest/globals';
import { startReplicas, sendUntilAnswered, type ReplicaSet, type SlackStubCounts } from '../../bench/replica-kit.js';
import { replyKey, type ConnectorCounts } from '../../bench/teams-connector-stub.js';
import { benchUser } from '../../bench/teams-bench-kit.js';
import { SCRIPT } from '../../bench/crash-kit.js';
import { readOutboxEntry, type OutboxEntry } from '../../src/channels/reply-outbox.js';
import type { SlackItem } from '../../src/channels/slack/slack-outbox.js';
import type { TeamsItem } from '../../src/channels/teams/teams-outbox.js';
import { cardAttachment } from '../../src/channels/teams/adaptive-card.js';
import type { Session } from '../../src/engine/session.js';
import { PostgresStore } from '../../src/store/postgres-store.js';
import { createTestDatabase, postgresForTests, type TestDatabase } from '../store/postgres-test-db.js';

jest.setTimeout(120_000);

const runPostgres = await postgresForTests();
const describePostgres = runPostgres ? describe : describe.skip;

const USERS = 5;
/** Questions that change nothing but the record of the conversation, sent two at a time. */
const AT_ONCE = ['what is fafsa', 'how much do nurses make'];

interface Sent {
  /** Ids sent one after another, alternating replicas: they must be applied in this order. */
  inOrder: string[];
  /** Pairs sent at the same moment, one to each replica: both applied, in either order. */
  pairs: [string, string][];
  /** Sent to both replicas at once with the same id: applied once. */
  redelivered: string;
}

/** One student's conversation, alternating between replica 0 and replica 1. */
async function converse(set: ReplicaSet, user: number, tag: string): Promise<Sent> {
  const id = (what: string) => `rep-${tag}-${user}-${what}`;
  const inOrder: string[] = [];
  for (let i = 0; i < SCRIPT.length; i++) {
    inOrder.push(id(`s${i}`));
    await sendUntilAnswered(set, i % 2, id(`s${i}`), user, SCRIPT[i]!);
  }
  const pairs: [string, string][] = [];
  for (let k = 0; k < 3; k++) {
    const pair: [string, string] = [id(`p${k}a`), id(`p${k}b`)];
    pairs.push(pair);
    await Promise.all([sendUntilAnswered(set, 0, pair[0], user, AT_ONCE[0]!), sendUntilAnswered(set, 1, pair[1], user, AT_ONCE[1]!)]);
  }
  const redelivered = id('again');
  const answers = await Promise.all([set.send(0, redelivered, user, 'what is a career cluster'), set.send(1, redelivered, user, 'what is a career cluster', 1)]);
  expect(answers).toEqual([true, true]);
  return { inOrder, pairs, redelivered };
}

/** What the database holds about each student's turns, checked against what was sent. */
async function checkTurns(store: PostgresStore, set: ReplicaSet, sent: Sent[]): Promise<OutboxEntry<unknown>[]> {
  const entries: OutboxEntry<unknown>[] = [];
  for (let user = 0; user < sent.length; user++) {
    const { inOrder, pairs, redelivered } = sent[user]!;
    const session = await store.get<Session>('sessions', set.userKey(user));
    const applied = session!.recent.map((r) => r.messageId);
    // No lost turn, none applied twice.
    expect(new Set(applied).size).toBe(applied.length);
    expect([...applied].sort()).toEqual([...inOrder, ...pairs.flat(), redelivered].sort());
    // In order: the alternating messages first, as sent; each pair next to each other; the redelivery last.
    expect(applied.slice(0, inOrder.length)).toEqual(inOrder);
    pairs.forEach((pair, k) => expect([...applied.slice(inOrder.length + 2 * k, inOrder.length + 2 * k + 2)].sort()).toEqual([...pair].sort()));
    expect(applied.at(-1)).toBe(redelivered);
    // The conversation carried on across replicas: "student", then "10th", were both heard.
    expect(await store.get('profiles', set.userKey(user))).toMatchObject({ role: 'student', grade: 10 });
    for (const id of applied) {
      const entry = await readOutboxEntry<unknown>(store, `${set.channel}:${id}`);
      expect(entry).toBeDefined();
      expect({ id, claimed: entry!.claimed, done: entry!.doneAt !== undefined }).toEqual({ id, claimed: entry!.items.length, done: true });
      entries.push(entry!);
    }
  }
  return entries;
}

describePostgres('two replicas of each channel on one PostgreSQL database', () => {
  let db: TestDatabase;
  let slack: ReplicaSet;
  let teams: ReplicaSet;
  let store: PostgresStore;

  beforeAll(async () => {
    db = await createTestDatabase('waypoint_replicas');
    // The schema first, so the four start-ups do not queue on the migration lock.
    await (await PostgresStore.connect(db.url)).close();
    [slack, teams] = await Promise.all([startReplicas('slack', 2, db.url), startReplicas('teams', 2, db.url)]);
    store = await PostgresStore.connect(db.url, { migrate: false });
  });
  afterAll(async () => {
    await store?.close();
    await slack?.stop();
    await teams?.stop();
    await db?.drop();
  });

  it('Slack: every message is applied once, in order, whichever replica took it, and every reply is posted once', async () => {
    const sent = await Promise.all(Array.from({ length: USERS }, (_, u) => converse(slack, u, 'slack')));
    await new Promise((r) => setTimeout(r, 500)); // the last deliveries leave after the 200
    const entries = await checkTurns(store, slack, sent);
    const { refs } = await slack.stub.stats<SlackStubCounts>();
    const twice = Object.entries(refs).filter(([, n]) => n > 1);
    expect(twice).toEqual([]);
    const messages = entries.flatMap((e) => (e.items as SlackItem[]).map((item, i) => ({ ref: `${e.id}#${i}`, item })));
    const posted = messages.filter((m) => m.item.kind === 'post' && m.item.output.kind === 'message');
    expect(posted.length).toBeGreaterThanOrEqual(USERS * (SCRIPT.length + 7));
    expect(posted.filter((m) => refs[m.ref] !== 1).map((m) => m.ref)).toEqual([]);
  });

  it('Teams: every activity is applied once, in order, whichever replica took it, and every reply is posted once', async () => {
    const sent = await Promise.all(Array.from({ length: USERS }, (_, u) => converse(teams, u, 'teams')));
    const entries = await checkTurns(store, teams, sent);
    // Every claimed reply, by chat and content, against what the Bot Connector received.
    const chatOf = new Map(Array.from({ length: USERS }, (_, n) => [benchUser(n).aadObjectId, benchUser(n).chat]));
    const claimed = new Map<string, number>();
    for (const entry of entries) {
      for (const item of entry.items as TeamsItem[]) {
        const chat = chatOf.get(item.userId) ?? item.userId;
        const key = item.kind === 'send' ? replyKey(chat, item.activity) : replyKey(chat, { attachments: [cardAttachment(item.card)] }, item.cardId);
        claimed.set(key, (claimed.get(key) ?? 0) + 1);
      }
    }
    const { byReply } = await teams.stub.stats<ConnectorCounts>();
    const differ = [...new Set([...claimed.keys(), ...Object.keys(byReply)])]
      .filter((k) => (claimed.get(k) ?? 0) !== (byReply[k] ?? 0))
      .map((k) => ({ reply: k.slice(0, 120), claimed: claimed.get(k) ?? 0, posted: byReply[k] ?? 0 }));
    expect(differ).toEqual([]);
    expect([...claimed.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(USERS * (SCRIPT.length + 7));
  });
});
