import nock from 'nock';
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import type { Reply } from '../../../src/domain/messages.js';
import { CONVERSATION_REFS } from '../../../src/channels/teams/conversation-refs.js';
import { tIn } from '../../../src/i18n/t.js';
import { cardOf, fixture, post, request, recordConnector, ScriptedHandler, startTeams, type ConnectorCall, type Running, onlyLoopback } from './teams-test-kit.js';

const CHAT = 'a:1personal-chat-id';
const en = tIn('en');
const ALREADY_ANSWERED = en('teams.alreadyAnswered');
const INVITE_TO_PERSONAL = en('teams.inviteToPersonal');
const WELCOME_PERSONAL = en('teams.welcomePersonal');
const WELCOME_SHARED = en('teams.welcomeShared', { invite: INVITE_TO_PERSONAL });
const STUDENT = '00000000-0000-4000-8000-000000000001';

const question: Reply = {
  kind: 'question',
  questionId: 'interest-4',
  text: 'Would you like to fix engines?',
  choices: [
    { id: 'yes', label: 'Yes' },
    { id: 'maybe', label: 'Maybe' },
    { id: 'no', label: 'No' },
  ],
  progress: { index: 4, total: 24, atMost: true },
};

describe('Teams channel over HTTP', () => {
  let run: Running;
  let calls: ConnectorCall[];

  onlyLoopback();

  beforeEach(async () => {
    calls = recordConnector();
    run = await startTeams(new ScriptedHandler((turn) => (turn.action ? [question] : [{ kind: 'text', text: 'Hi! Ready for some quick questions?' }, question])));
  });
  afterEach(async () => {
    await run.server.stop();
    nock.cleanAll();
  });

  test('a personal message becomes one Turn and its replies come back as one message: the text, then the question card', async () => {
    const res = await post(run.url, fixture('personal-message'));
    expect(res.status).toBe(200);
    expect(run.handler.turns).toEqual([
      {
        channel: 'teams',
        userId: STUDENT,
        conversationId: CHAT,
        messageId: '1712345678901',
        text: 'hi there',
        receivedAt: '2025-09-15T14:03:21.123Z',
        // Teams says who is writing; the engine keeps it as the student's name for their family.
        displayName: 'Jordan Student',
        locale: 'en-US',
      },
    ]);
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([`POST /amer/v3/conversations/${CHAT}/activities/1712345678901`]);
    expect(calls[0].body).toMatchObject({
      type: 'message',
      text: 'Hi! Ready for some quick questions?',
      textFormat: 'plain',
      replyToId: '1712345678901',
      conversation: { id: CHAT },
      recipient: { id: '29:1student-account-id' },
    });
    expect(calls[0].body.summary).toBe('Hi! Ready for some quick questions? Would you like to fix engines? Yes / Maybe / No');
    expect(cardOf(calls[0])).toEqual({
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      fallbackText: 'Would you like to fix engines?\n1. Yes\n2. Maybe\n3. No',
      msteams: { width: 'Full' },
      body: [
        { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'Question 4 of up to 24', isSubtle: true, size: 'Small' }] },
        { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'Would you like to fix engines?' }] },
      ],
      actions: ['yes', 'maybe', 'no'].map((id, i) => ({
        type: 'Action.Submit',
        title: ['Yes', 'Maybe', 'No'][i],
        data: { kind: 'waypoint-choice', questionId: 'interest-4', choiceId: id, label: ['Yes', 'Maybe', 'No'][i], prompt: 'Would you like to fix engines?' },
      })),
    });
    expect(calls[0].body.attachments).toHaveLength(1);
    expect(calls[0].body.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
  });

  test('the conversation reference of a personal chat is stored for proactive messages', async () => {
    await post(run.url, fixture('personal-message'));
    const stored = await run.store.get<any>(CONVERSATION_REFS, STUDENT);
    expect(stored.reference).toMatchObject({
      channelId: 'msteams',
      serviceUrl: 'https://smba.example.test/amer/',
      conversation: { id: CHAT, conversationType: 'personal' },
      user: { id: '29:1student-account-id' },
    });
    expect(stored.reference.activityId).toBeUndefined();
  });

  test('a button press continues the flow as an action and the pressed card is replaced by the answer', async () => {
    const res = await post(run.url, fixture('card-submit'));
    expect(res.status).toBe(200);
    expect(run.handler.turns).toEqual([
      expect.objectContaining({ messageId: '1712345679999', action: { id: 'interest-3', value: 'yes' } }),
    ]);
    expect(run.handler.turns[0].text).toBeUndefined();
    const update = calls.find((c) => c.method === 'PUT');
    expect(update?.path).toBe(`/amer/v3/conversations/${CHAT}/activities/1712345679000`);
    expect(update?.body.id).toBe('1712345679000');
    expect(cardOf(update!)).toEqual(
      expect.objectContaining({
        version: '1.5',
        fallbackText: 'Would you enjoy taking apart a bike to see how it works?\nYour answer: Yes',
        body: [
          { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'Would you enjoy taking apart a bike to see how it works?', isSubtle: true }] },
          { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'Your answer: ', weight: 'Bolder' }, { type: 'TextRun', text: 'Yes' }] },
        ],
      }),
    );
    expect(cardOf(update!).actions).toBeUndefined();
    // the next question follows the update
    expect(calls.map((c) => c.method)).toEqual(['PUT', 'POST']);
    expect(cardOf(calls[1]).actions).toHaveLength(3);
  });

  test('a second, different press on an answered card does not reach the conversation', async () => {
    await post(run.url, fixture('card-submit'));
    const other = fixture('card-submit');
    other.id = '1712345680000';
    other.value.choiceId = 'no';
    other.value.label = 'No';
    await post(run.url, other);
    expect(run.handler.turns).toHaveLength(1);
    expect(calls.at(-1)?.body).toMatchObject({ text: ALREADY_ANSWERED });
  });

  test('a redelivered activity is handled once and answered once', async () => {
    await post(run.url, fixture('personal-message'));
    const sentBefore = calls.length;
    const res = await post(run.url, fixture('redelivered-message'));
    expect(res.status).toBe(200);
    expect(calls).toHaveLength(sentBefore);
    expect(run.handler.turns).toHaveLength(1);
  });

  test('a redelivery after a restart is answered from the engine record and nothing is sent twice', async () => {
    await post(run.url, fixture('personal-message'));
    const handler = run.handler;
    await run.server.stop();
    const sentBefore = calls.length;
    run = await startTeams(handler, {}, run.store); // new process on the same store: the in-memory seen-set is empty
    await post(run.url, fixture('redelivered-message'));
    expect(handler.turns).toHaveLength(2); // asked, and the engine said "duplicate"
    expect(calls).toHaveLength(sentBefore);
  });

  test('a reply saved before a crash and not yet sent goes out once when the server starts again', async () => {
    const store = run.store;
    await post(run.url, fixture('personal-message')); // stores where to reach the student
    await run.server.stop();
    const sentBefore = calls.length;
    await store.put('reply-outbox', 'teams:left-over', {
      id: 'teams:left-over',
      items: [{ kind: 'send', userId: STUDENT, activity: { type: 'message', text: 'Saved! Your plan is updated.', textFormat: 'plain' } }],
      claimed: 0,
      createdAt: new Date().toISOString(),
    });
    run = await startTeams(run.handler, {}, store);
    await run.server.idle();
    expect(calls.slice(sentBefore).map((c) => c.body.text)).toEqual(['Saved! Your plan is updated.']);
    await run.server.stop();
    run = await startTeams(run.handler, {}, store);
    await run.server.idle();
    expect(calls.slice(sentBefore)).toHaveLength(1);
  });

  test('a mention in a team channel gets only an invitation to a private chat', async () => {
    const res = await post(run.url, fixture('channel-mention'));
    expect(res.status).toBe(200);
    expect(run.handler.turns).toHaveLength(0);
    expect(calls).toHaveLength(1);
    expect(calls[0].path).toBe('/amer/v3/conversations/19:general-channel-id@thread.tacv2;messageid=1712345680111/activities/1712345680111');
    expect(calls[0].body).toMatchObject({ type: 'message', text: INVITE_TO_PERSONAL, textFormat: 'plain' });
    expect(JSON.stringify(calls[0].body.text)).not.toMatch(/Jordan|Lee|10th/);
    expect(calls[0].body.attachments).toBeUndefined();
    expect(await run.store.ids(CONVERSATION_REFS)).toEqual([]);
  });

  test('adding the bot in a personal chat sends a short welcome and stores the reference', async () => {
    const res = await post(run.url, fixture('conversation-update'));
    expect(res.status).toBe(200);
    expect(run.handler.turns).toHaveLength(0);
    expect(calls.map((c) => c.body.text)).toEqual([WELCOME_PERSONAL]);
    expect(await run.store.ids(CONVERSATION_REFS)).toEqual([STUDENT]);
  });

  test('adding the bot to a team posts only a short thanks with an invitation to a private chat', async () => {
    const added = fixture('conversation-update');
    added.conversation = { isGroup: true, conversationType: 'channel', tenantId: added.conversation.tenantId, id: '19:general-channel-id@thread.tacv2' };
    added.channelData = { ...added.channelData, team: { id: '19:team-id@thread.tacv2' }, eventType: 'teamMemberAdded' };
    expect((await post(run.url, added)).status).toBe(200);
    expect(calls.map((c) => c.body.text)).toEqual([WELCOME_SHARED]);
    expect(calls[0]!.body.attachments).toBeUndefined();
    expect(await run.store.ids(CONVERSATION_REFS)).toEqual([]);
  });

  test('someone else joining the chat gets no message', async () => {
    const joined = fixture('conversation-update');
    joined.membersAdded = [{ id: '29:someone-else' }];
    expect((await post(run.url, joined)).status).toBe(200);
    expect(calls).toEqual([]);
  });

  test('a failing turn answers 500 with an apology and a retry of the same activity is taken in', async () => {
    let fail = true;
    const flaky = new ScriptedHandler(() => [{ kind: 'text', text: 'ok' }]);
    const original = flaky.handle.bind(flaky);
    flaky.handle = async (turn) => {
      if (fail) {
        fail = false;
        throw new Error('store down');
      }
      return original(turn);
    };
    await run.server.stop();
    run = await startTeams(flaky);
    expect((await post(run.url, fixture('personal-message'))).status).toBe(500);
    expect(calls.map((c) => c.body.text)).toEqual([en('teams.sorry')]);
    expect((await post(run.url, fixture('redelivered-message'))).status).toBe(200);
    expect(calls.map((c) => c.body.text).at(-1)).toBe('ok');
    expect(run.logger.lines.some((l) => l.level === 'error' && l.obj.userId === STUDENT)).toBe(true);
  });

  test('other paths and methods are refused', async () => {
    const base = run.url.replace('/api/messages', '');
    expect((await request(`${base}/nope`)).status).toBe(404);
    expect((await request(run.url)).status).toBe(405);
    expect((await post(run.url, 'not json')).status).toBe(400);
    expect((await request(`${base}/health`)).status).toBe(200);
  });

  test('JSON that is not an activity is refused with a plain 400, one log line and nothing sent', async () => {
    for (const body of [[1, 2], { text: 'no type' }, { type: '' }]) {
      const res = await post(run.url, body as never);
      expect({ status: res.status, text: res.text }).toEqual({ status: 400, text: 'Bad request' });
    }
    expect(calls).toEqual([]);
    expect(run.logger.lines.filter((l) => l.obj.reason === 'not-an-activity')).toHaveLength(3);
  });

  test('no student data is written to the logs', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await post(run.url, fixture('personal-message'));
    await post(run.url, fixture('channel-mention'));
    spy.mockRestore();
    const logged = JSON.stringify(run.logger.lines);
    expect(logged).not.toMatch(/hi there|Jordan|10th/);
  });
});
