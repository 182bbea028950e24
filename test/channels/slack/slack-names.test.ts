/**
 * People's names on Slack: Waypoint asks `users.info` once per person, so families and counselors
 * see "Maya" rather than an id, and a slow or failing look-up never holds up a conversation.
 */
import nock from 'nock';
import type { webApi } from '@slack/bolt';
import { createEngine } from '../../../src/app/create-engine.js';
import { SlackNames } from '../../../src/channels/slack/slack-names.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import { Records } from '../../../src/store/records.js';
import { appData } from '../../helpers/test-app.js';
import { type RecordedCall, SLACK, ScriptedHandler, appWithCustomReceiver, deliver, dmSaying, expectApiCall, silentLogger } from './slack-test-kit.js';

beforeAll(() => nock.disableNetConnect());
afterAll(() => {
  nock.enableNetConnect();
  nock.restore();
});
afterEach(() => nock.cleanAll());

/** The student's DM, as Slack sends it, with its own event and message id. */
const dm = dmSaying;

/** A stand-in for the Web API client's `users.info`. */
function fakeClient(info: (user: string) => Promise<unknown>) {
  const asked: string[] = [];
  const client = { users: { info: async ({ user }: { user: string }) => (asked.push(user), info(user)) } } as unknown as webApi.WebClient;
  return { client, asked };
}

const logger = () => {
  const warnings: string[] = [];
  return { warnings, log: { ...silentLogger, warn: (m: string) => warnings.push(m), setLevel() {}, getLevel: () => 'info' as never, setName() {} } };
};

describe('names on Slack', () => {
  it("a student's Slack name reaches their profile, looked up once for the whole conversation", async () => {
    const data = await appData();
    const records = new Records(new MemoryStore());
    const engine = createEngine({ records, data, now: () => new Date('2026-11-23T15:00:00.000Z') });
    const slack = appWithCustomReceiver(engine, { names: new SlackNames(logger().log) });
    const calls: RecordedCall[] = [];
    const scope = nock(SLACK);
    expectApiCall(scope, 'users.info', calls, { ok: true, user: { id: 'U0STUDENT1', real_name: 'Maya Lopez', profile: { display_name: 'Maya', real_name: 'Maya Lopez' } } });
    for (let i = 0; i < 3; i++) expectApiCall(scope, 'chat.postMessage', calls, { ok: true, channel: 'D0STUDENT1', ts: `171803000${i}.000100` });

    for (const text of ['hi', 'student', '9']) await deliver(slack, dm(text));

    scope.done();
    expect(calls.filter((c) => c.method === 'users.info')).toHaveLength(1);
    expect((await records.profile('slack:U0STUDENT1'))?.displayName).toBe('Maya');
  });

  it("a person's Slack language goes with each turn as its locale, asked for in the same users.info call as the name", async () => {
    const handler = new ScriptedHandler(() => ({ replies: [], duplicate: false }));
    const slack = appWithCustomReceiver(handler, { names: new SlackNames(logger().log) });
    const calls: RecordedCall[] = [];
    const scope = nock(SLACK);
    expectApiCall(scope, 'users.info', calls, { ok: true, user: { id: 'U0STUDENT1', locale: 'es-MX', profile: { display_name: 'Rosa' } } });

    for (const text of ['hola', 'qué le toca']) await deliver(slack, dm(text));

    scope.done();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.body).toMatchObject({ user: 'U0STUDENT1', include_locale: 'true' });
    expect(handler.turns.map((t) => [t.displayName, t.locale])).toEqual([
      ['Rosa', 'es-MX'],
      ['Rosa', 'es-MX'],
    ]);
  });

  it('a locale that is not a language tag is not passed on', async () => {
    const { client } = fakeClient(async () => ({ ok: true, user: { locale: 'es-MX<script>', profile: { display_name: 'Rosa' } } }));
    expect(await new SlackNames(logger().log).personOf(client, 'U1')).toEqual({ name: 'Rosa', locale: undefined });
  });

  it('uses the full name when the person set no display name', async () => {
    const { client } = fakeClient(async () => ({ ok: true, user: { real_name: 'Sam  Ortiz', profile: { display_name: '', real_name: 'Sam  Ortiz' } } }));
    expect(await new SlackNames(logger().log).nameOf(client, 'U1')).toBe('Sam Ortiz');
  });

  it('a slow look-up does not hold up the turn; the name comes with a later turn', async () => {
    let answer: (v: unknown) => void = () => undefined;
    const { client, asked } = fakeClient(() => new Promise((resolve) => (answer = resolve)));
    const names = new SlackNames(logger().log, { waitMs: 20 });
    expect(await names.nameOf(client, 'U1')).toBeUndefined();
    answer({ ok: true, user: { profile: { display_name: 'Maya' } } });
    await new Promise((r) => setImmediate(r));
    expect(await names.nameOf(client, 'U1')).toBe('Maya');
    expect(asked).toEqual(['U1']);
  });

  it('a failing look-up (no users:read scope) says so once in the log and is not retried for every message', async () => {
    let now = 0;
    const { client, asked } = fakeClient(async () => {
      throw Object.assign(new Error('An API error occurred: missing_scope'), { code: 'slack_webapi_platform_error', data: { error: 'missing_scope' } });
    });
    const { warnings, log } = logger();
    const names = new SlackNames(log, { retryAfterMs: 60_000, now: () => now });
    expect(await names.nameOf(client, 'U1')).toBeUndefined();
    expect(await names.nameOf(client, 'U1')).toBeUndefined();
    expect(await names.nameOf(client, 'U2')).toBeUndefined();
    expect(asked).toEqual(['U1', 'U2']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/missing_scope.*users:read/);
    now = 61_000;
    await names.nameOf(client, 'U1');
    expect(asked).toEqual(['U1', 'U2', 'U1']);
  });

  it('a name set earlier (by the school admin) is kept; a missing one is filled in', async () => {
    const data = await appData();
    const records = new Records(new MemoryStore());
    const engine = createEngine({ records, data });
    const turn = (messageId: string, text: string, displayName?: string) => ({ channel: 'slack', userId: 'U9', conversationId: 'D9', messageId, text, receivedAt: '2026-11-23T15:00:00.000Z', ...(displayName ? { displayName } : {}) });
    await engine.handle(turn('a', 'hi'));
    await engine.handle(turn('b', 'student'));
    await engine.handle(turn('c', '9'));
    expect((await records.profile('slack:U9'))?.displayName).toBeUndefined();
    await engine.handle(turn('d', 'help', 'Maya'));
    expect((await records.profile('slack:U9'))?.displayName).toBe('Maya');
    await engine.handle(turn('e', 'help', 'Someone Else'));
    expect((await records.profile('slack:U9'))?.displayName).toBe('Maya');
  });
});
