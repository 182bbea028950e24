import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { CONVERSATION_REFS } from '../../../src/channels/teams/conversation-refs.js';
import { createTeamsAdapter } from '../../../src/channels/teams/teams-adapter.js';
import { createTeamsSender, TeamsDeliveryError, UnknownTeamsUserError } from '../../../src/channels/teams/teams-sender.js';
import { parseTeamsSettings } from '../../../src/channels/teams/teams-settings.js';
import type { Reply } from '../../../src/domain/messages.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import { memoryLogger, SERVICE_HOST } from './teams-test-kit.js';

const STUDENT = '00000000-0000-4000-8000-000000000001';
const CHAT = 'a:1personal-chat-id';
const reference = {
  channelId: 'msteams',
  serviceUrl: 'https://smba.example.test/amer/',
  conversation: { id: CHAT, conversationType: 'personal', tenantId: 'tenant-1' },
  user: { id: '29:1student-account-id', aadObjectId: STUDENT },
  bot: { id: '28:bot', name: 'Waypoint' },
};
const reminder: Reply[] = [
  { kind: 'text', text: 'Time to look at your plan again: your yearly review is due this month.' },
  { kind: 'question', questionId: 'review-now', text: 'Want to start now?', choices: [{ id: 'yes', label: 'Yes' }, { id: 'later', label: 'Later' }] },
];

async function setUp(env: Record<string, string> = {}) {
  const store = new MemoryStore();
  await store.put(CONVERSATION_REFS, STUDENT, { reference, updatedAt: '2025-09-01T00:00:00.000Z' });
  const logger = memoryLogger();
  const settings = parseTeamsSettings(env);
  const delays: number[] = [];
  const sender = createTeamsSender({
    adapter: createTeamsAdapter(settings, logger),
    settings,
    store,
    logger,
    sleep: async (ms) => void delays.push(ms),
  });
  return { store, logger, sender, delays };
}

describe('Teams proactive sender', () => {
  beforeAll(() => nock.disableNetConnect());
  afterAll(() => nock.enableNetConnect());
  beforeEach(() => nock.cleanAll());
  afterEach(() => nock.cleanAll());

  test('a reminder reaches the stored personal chat as one new message: its text, then its question card', async () => {
    const { sender } = await setUp();
    const bodies: any[] = [];
    nock(SERVICE_HOST)
      .post(`/amer/v3/conversations/${encodeURIComponent(CHAT)}/activities`, (b) => { bodies.push(b); return true; })
      .reply(200, { id: 'x' });
    await sender.send(`teams:${STUDENT}`, reminder);
    expect(bodies.map((b) => [b.text, b.attachments[0].contentType])).toEqual([
      ['Time to look at your plan again: your yearly review is due this month.', 'application/vnd.microsoft.card.adaptive'],
    ]);
    expect(bodies[0]).toMatchObject({ conversation: { id: CHAT }, recipient: { id: '29:1student-account-id' } });
    expect(bodies[0].replyToId).toBeUndefined();
    expect(nock.isDone()).toBe(true);
  });

  test('a failure is retried with back-off, then rejected, with the user id in the log and no text', async () => {
    const { sender, logger, delays } = await setUp();
    let attempts = 0;
    nock(SERVICE_HOST)
      .persist()
      .post(/.*/)
      .reply(() => {
        attempts += 1;
        return [403, { error: { code: 'BotNotInConversationRoster', message: 'nope' } }];
      });
    const sent = sender.send(STUDENT, reminder);
    await expect(sent).rejects.toBeInstanceOf(TeamsDeliveryError);
    await expect(sent).rejects.toThrow(STUDENT);
    expect(attempts).toBe(3);
    expect(delays).toEqual([1000, 4000]);
    const warnings = logger.lines.filter((l) => l.level === 'warn');
    expect(warnings.map((w) => [w.obj.userId, w.obj.attempt])).toEqual([[STUDENT, 1], [STUDENT, 2], [STUDENT, 3]]);
    expect(logger.lines.at(-1)).toMatchObject({ level: 'error', obj: { userId: STUDENT, attempts: 3 } });
    expect(JSON.stringify(logger.lines)).not.toContain('yearly review');
  });

  test('after a failed attempt the retry resumes where it stopped, so nothing arrives twice', async () => {
    const { sender, delays } = await setUp();
    const delivered: string[] = [];
    let failNext = false;
    nock(SERVICE_HOST)
      .persist()
      .post(/.*/)
      .reply(async (req: Request) => {
        const body = JSON.parse(await req.text());
        const what = body.text;
        if (what === 'See you soon.' && !failNext) {
          failNext = true;
          return [403, {}];
        }
        delivered.push(what);
        return [200, { id: 'ok' }];
      });
    // A text after the question card is a second message.
    await sender.send(STUDENT, [...reminder, { kind: 'text', text: 'See you soon.' }]);
    expect(delivered).toEqual(['Time to look at your plan again: your yearly review is due this month.', 'See you soon.']);
    expect(delays).toEqual([1000]);
  });

  test('a user who never talked to the bot in Teams is a clear error', async () => {
    const { sender } = await setUp();
    await expect(sender.send('teams:someone-else', reminder)).rejects.toBeInstanceOf(UnknownTeamsUserError);
    await expect(sender.send('someone-else', reminder)).rejects.toThrow(/someone-else.*must message Waypoint/);
  });

  test('with an app id, the sender gets a token from the Microsoft login endpoint and sends it', async () => {
    const { sender } = await setUp({ MicrosoftAppId: '11111111-2222-4333-8444-555555555555', MicrosoftAppPassword: 'pw' });
    const tokenPaths: string[] = [];
    nock('https://login.microsoftonline.com')
      .persist()
      .get(/.*/)
      .reply((req: Request) => {
        tokenPaths.push(new URL(req.url).pathname);
        return [404, {}];
      })
      .post(/.*/)
      .reply((req: Request) => {
        tokenPaths.push(new URL(req.url).pathname);
        return [200, { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: 'token-from-login' }];
      });
    const auth: string[] = [];
    nock(SERVICE_HOST)
      .persist()
      .post(/.*/)
      .reply((req: Request) => {
        auth.push(req.headers.get('authorization') ?? '');
        return [200, { id: 'ok' }];
      });
    await sender.send(STUDENT, reminder.slice(0, 1));
    expect(tokenPaths).toContain('/botframework.com/oauth2/v2.0/token');
    expect(auth).toEqual(['Bearer token-from-login']);
  });
});
