import nock from 'nock';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Reply } from '../../../src/domain/messages.js';
import {
  HOOKS,
  type RecordedCall,
  SLACK,
  ScriptedHandler,
  appWithCustomReceiver,
  deliver,
  expectApiCall,
  fixture,
  visibleTexts,
} from './slack-test-kit.js';

const bikeQuestion: Reply = {
  kind: 'question',
  questionId: 'interest-bike',
  text: 'Would you enjoy taking apart a bike to see how it works?',
  choices: [
    { id: 'yes', label: 'Yes' },
    { id: 'maybe', label: 'Maybe' },
    { id: 'no', label: 'No' },
  ],
  progress: { index: 3, total: 24, atMost: true },
};
const engineQuestion: Reply = {
  kind: 'question',
  questionId: 'interest-engine',
  text: 'Would you like fixing a car engine?',
  choices: [
    { id: 'yes', label: 'Yes' },
    { id: 'no', label: 'No' },
  ],
};

let unmatched: string[] = [];
const onNoMatch = (req: { method?: string; path?: string; href?: string }) => unmatched.push(`${req.method} ${req.href ?? req.path}`);

beforeAll(() => {
  nock.disableNetConnect();
  nock.emitter.on('no match', onNoMatch);
});
afterAll(() => {
  nock.emitter.removeListener('no match', onNoMatch);
  nock.enableNetConnect();
  // Jest reuses a worker for the next test file: take nock's interceptors out of node's http/fetch
  // so they do not outlive this file's module registry.
  nock.restore();
});
beforeEach(() => {
  unmatched = [];
});
afterEach(() => {
  nock.cleanAll();
});

describe('direct messages', () => {
  it('a student\'s DM becomes a Turn and the turn\'s replies are posted back to the DM as one message with buttons for choices', async () => {
    const handler = new ScriptedHandler(() => ({ replies: [{ kind: 'text', text: 'Hi! Ready for some quick questions?' }, bikeQuestion], duplicate: false }));
    const slack = appWithCustomReceiver(handler);
    const calls: RecordedCall[] = [];
    const scope = nock(SLACK);
    expectApiCall(scope, 'chat.postMessage', calls, { ok: true, channel: 'D0STUDENT1', ts: '1718030001.000100' });

    const { acked } = await deliver(slack, fixture('dm-message.json'));

    scope.done();
    expect(unmatched).toEqual([]);
    expect(acked).toBe(1);
    expect(handler.turns).toEqual([
      {
        channel: 'slack',
        userId: 'U0STUDENT1',
        conversationId: 'D0STUDENT1',
        messageId: '5f1c2a9e-7b1d-4c0e-9f4e-2b9d3c8a1e01',
        text: 'hi',
        receivedAt: '2024-06-10T14:33:20.000Z',
      },
    ]);
    expect(calls.map((c) => c.body.channel)).toEqual(['D0STUDENT1']);
    const message = calls[0]!.body;
    expect(message.text).toBe('Hi! Ready for some quick questions?\nWould you enjoy taking apart a bike to see how it works?\n1. Yes\n2. Maybe\n3. No');
    expect(message.blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: 'Hi! Ready for some quick questions?', verbatim: true } });
    const question: any = { ...message, blocks: message.blocks.slice(1) };
    expect(question.blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: bikeQuestion.text, verbatim: true } });
    expect(question.blocks[1]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: 'Question 3 of up to 24', verbatim: true }] });
    expect(question.blocks[2].type).toBe('actions');
    expect(question.blocks[2].elements.map((b: any) => [b.action_id, b.value, b.text.text])).toEqual([
      ['wp|interest-bike|yes', 'yes', 'Yes'],
      ['wp|interest-bike|maybe', 'maybe', 'Maybe'],
      ['wp|interest-bike|no', 'no', 'No'],
    ]);
    expect(question.parse).toBe('none');
    expect(question.link_names).toBe('false');
  });

  it('a redelivered event (same event_id, X-Slack-Retry-Num) is not handled again and gets no second reply', async () => {
    const handler = new ScriptedHandler(() => ({ replies: [{ kind: 'text', text: 'Hi!' }], duplicate: false }));
    const slack = appWithCustomReceiver(handler);
    const calls: RecordedCall[] = [];
    const scope = expectApiCall(nock(SLACK), 'chat.postMessage', calls, { ok: true, ts: '1.1' });
    const redelivery = fixture<{ headers: Record<string, string>; body: Record<string, unknown> }>('dm-message-redelivered.json');

    await deliver(slack, fixture('dm-message.json'));
    await deliver(slack, redelivery.body, Number(redelivery.headers['X-Slack-Retry-Num']));
    await deliver(slack, redelivery.body, 2);

    scope.done();
    expect(unmatched).toEqual([]);
    expect(handler.turns).toHaveLength(1);
    expect(calls).toHaveLength(1);
  });

  it('when the engine answers from the record (duplicate) after its replies were sent, nothing is posted again', async () => {
    let answered = false;
    const handler = new ScriptedHandler(() => {
      const duplicate = answered;
      answered = true;
      return { replies: [{ kind: 'text', text: 'Hi!' }], duplicate };
    });
    const slack = appWithCustomReceiver(handler);
    const calls: RecordedCall[] = [];
    const scope = expectApiCall(nock(SLACK), 'chat.postMessage', calls, { ok: true, ts: '1.1' });
    await deliver(slack, fixture('dm-message.json'));
    // The same message again, after a restart of the process (a new event id): answered from the record.
    const again = fixture<any>('dm-message.json');
    again.event_id = 'Ev0AGAIN';
    await deliver(slack, again);
    scope.done();
    expect(handler.turns).toHaveLength(2);
    expect(calls).toHaveLength(1);
    expect(unmatched).toEqual([]);
  });

  it('a message applied but never saved for sending (the process stopped in between) is answered once on redelivery', async () => {
    const handler = new ScriptedHandler(() => ({ replies: [{ kind: 'text', text: 'Hi!' }], duplicate: true }));
    const slack = appWithCustomReceiver(handler);
    const calls: RecordedCall[] = [];
    const scope = expectApiCall(nock(SLACK), 'chat.postMessage', calls, { ok: true, ts: '1.1' });
    await deliver(slack, fixture('dm-message.json'));
    scope.done();
    expect(calls[0]!.body.text).toBe('Hi!');
    expect(unmatched).toEqual([]);
  });

  it('when the engine fails, the student is told it was the bot\'s fault, and Slack\'s retry may try again', async () => {
    const handler = new ScriptedHandler((_turn, i) => {
      if (i === 0) throw new Error('engine down');
      return { replies: [{ kind: 'text', text: 'Hi!' }], duplicate: false };
    });
    const slack = appWithCustomReceiver(handler);
    const calls: RecordedCall[] = [];
    const scope = nock(SLACK);
    expectApiCall(scope, 'chat.postMessage', calls, { ok: true, ts: '1.1' });
    expectApiCall(scope, 'chat.postMessage', calls, { ok: true, ts: '1.2' });

    await deliver(slack, fixture('dm-message.json'));
    await deliver(slack, fixture('dm-message.json'), 1);

    scope.done();
    expect(handler.turns).toHaveLength(2);
    expect(calls.map((c) => c.body.text)).toEqual(['Sorry, something went wrong on my side. Please try again in a minute.', 'Hi!']);
  });

  it('bot messages, edits and other message subtypes never reach the engine', async () => {
    const handler = new ScriptedHandler(() => ({ replies: [{ kind: 'text', text: 'Hi!' }], duplicate: false }));
    const slack = appWithCustomReceiver(handler);
    const base = fixture<any>('dm-message.json');
    const variants = [
      { ...base.event, subtype: 'bot_message', bot_id: 'B0OTHER' },
      { ...base.event, subtype: 'message_changed' },
      { ...base.event, edited: { user: 'U0STUDENT1', ts: '1718030009.000000' } },
      { ...base.event, channel_type: 'channel', channel: 'C0HOMEROOM' },
    ];
    for (const [i, event] of variants.entries()) {
      await deliver(slack, { ...base, event_id: `Ev0VARIANT${i}`, event });
    }
    expect(handler.turns).toEqual([]);
    expect(unmatched).toEqual([]);
  });

  it('user text such as <!channel>, @here or <@U123> is shown back harmless', async () => {
    const handler = new ScriptedHandler((turn) => ({ replies: [{ kind: 'text', text: `You said: ${turn.text}` }], duplicate: false }));
    const slack = appWithCustomReceiver(handler);
    const calls: RecordedCall[] = [];
    const scope = expectApiCall(nock(SLACK), 'chat.postMessage', calls, { ok: true, ts: '1.1' });
    const body = fixture<any>('dm-message.json');
    body.event.text = '&lt;!channel&gt; hi <!channel> <!here> @here @everyone <@U123> & <#C1|general>';

    await deliver(slack, body);

    scope.done();
    expect(handler.turns[0]!.text).toBe('<!channel> hi @channel @here @here @everyone @someone & #general');
    const shown = [calls[0]!.body.text, ...visibleTexts(calls[0]!.body.blocks)].join('\n');
    expect(shown).not.toMatch(/<[!@#]/);
    expect(shown).not.toMatch(/@(channel|here|everyone)/);
    expect(shown).toContain('&lt;!channel&gt; hi');
    expect(shown).toContain('&amp; #general');
  });

  it('a file reply is uploaded to the DM with files.uploadV2', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'waypoint-slack-'));
    const file = path.join(dir, 'plan.csv');
    await writeFile(file, 'grade,English\n9th,English 9\n');
    try {
      const handler = new ScriptedHandler(() => ({
        replies: [{ kind: 'file', path: file, filename: 'plan.csv', mimeType: 'text/csv', text: 'Your plan as a spreadsheet' }],
        duplicate: false,
      }));
      const slack = appWithCustomReceiver(handler);
      const calls: RecordedCall[] = [];
      const scope = nock(SLACK);
      expectApiCall(scope, 'files.getUploadURLExternal', calls, { ok: true, upload_url: 'https://files.slack.com/upload/v1/ABC123', file_id: 'F0PLANCSV1' });
      expectApiCall(scope, 'files.completeUploadExternal', calls, { ok: true, files: [{ id: 'F0PLANCSV1', title: 'plan.csv' }] });
      let uploaded = '';
      const upload = nock('https://files.slack.com')
        .post('/upload/v1/ABC123', (b) => {
          uploaded = typeof b === 'string' ? b : JSON.stringify(b);
          return true;
        })
        .reply(200, 'OK - 27');

      await deliver(slack, fixture('dm-message.json'));

      scope.done();
      upload.done();
      expect(calls[0]!.body).toMatchObject({ filename: 'plan.csv', length: '28' });
      expect(JSON.parse(calls[1]!.body.files)).toEqual([{ id: 'F0PLANCSV1', title: 'plan.csv' }]);
      expect(calls[1]!.body).toMatchObject({ channel_id: 'D0STUDENT1', initial_comment: 'Your plan as a spreadsheet' });
      expect(uploaded).toContain('9th,English 9');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('asks Slack who the bot is (auth.test) once, on the first event, when the ids are not given', async () => {
    const handler = new ScriptedHandler(() => ({ replies: [{ kind: 'text', text: 'Hi!' }], duplicate: false }));
    const slack = appWithCustomReceiver(handler, { botIdentity: undefined });
    const calls: RecordedCall[] = [];
    const scope = nock(SLACK);
    expectApiCall(scope, 'auth.test', calls, { ok: true, user_id: 'U0WAYBOT', bot_id: 'B0WAYPOINT', team_id: 'T0WAYPOINT' });
    expectApiCall(scope, 'chat.postMessage', calls, { ok: true, ts: '1.1' });
    expectApiCall(scope, 'chat.postMessage', calls, { ok: true, ts: '1.2' });
    const second = fixture<any>('dm-message.json');
    second.event_id = 'Ev0DMHI00002';
    second.event.client_msg_id = 'second-message';

    await deliver(slack, fixture('dm-message.json'));
    await deliver(slack, second);

    scope.done();
    expect(calls.map((c) => c.method)).toEqual(['auth.test', 'chat.postMessage', 'chat.postMessage']);
    expect(handler.turns.map((t) => t.messageId)).toEqual(['5f1c2a9e-7b1d-4c0e-9f4e-2b9d3c8a1e01', 'second-message']);
  });
});

describe('button presses', () => {
  it('are acknowledged once the press is applied and its replies saved; the question shows the answer without buttons, then the next question follows', async () => {
    const order: string[] = [];
    const handler = new ScriptedHandler(() => {
      order.push('handler');
      return { replies: [engineQuestion], duplicate: false };
    });
    const slack = appWithCustomReceiver(handler);
    const calls: RecordedCall[] = [];
    const scope = nock(SLACK);
    expectApiCall(scope, 'chat.update', calls, { ok: true, channel: 'D0STUDENT1', ts: '1718030001.000200' });
    expectApiCall(scope, 'chat.postMessage', calls, { ok: true, channel: 'D0STUDENT1', ts: '1718030006.000100' });

    await slack.app.processEvent({
      body: fixture('button-press.json'),
      ack: async () => {
        order.push('ack');
      },
    });
    await slack.idle();

    scope.done();
    expect(unmatched).toEqual([]);
    expect(order).toEqual(['handler', 'ack']);
    expect(handler.turns).toEqual([
      {
        channel: 'slack',
        userId: 'U0STUDENT1',
        conversationId: 'D0STUDENT1',
        messageId: '1718030001.000200:1718030005.123456',
        action: { id: 'interest-bike', value: 'yes' },
        receivedAt: '2024-06-10T14:33:25.123Z',
      },
    ]);
    expect(calls.map((c) => c.method)).toEqual(['chat.update', 'chat.postMessage']);
    const update = calls[0]!.body;
    expect(update.channel).toBe('D0STUDENT1');
    expect(update.ts).toBe('1718030001.000200');
    expect(update.blocks.map((b: any) => b.type)).toEqual(['section', 'context', 'context']);
    expect(update.blocks.some((b: any) => b.type === 'actions')).toBe(false);
    expect(update.blocks[2]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: 'You chose: *Yes*', verbatim: true }] });
    expect(update.text).toBe('Would you enjoy taking apart a bike to see how it works? You chose: Yes');
    expect(calls[1]!.body.blocks.at(-1).elements.map((b: any) => b.action_id)).toEqual(['wp|interest-engine|yes', 'wp|interest-engine|no']);
  });

  it('a second press on an answered question (double click) is ignored', async () => {
    const handler = new ScriptedHandler(() => ({ replies: [engineQuestion], duplicate: false }));
    const slack = appWithCustomReceiver(handler);
    const calls: RecordedCall[] = [];
    const scope = nock(SLACK);
    expectApiCall(scope, 'chat.update', calls);
    expectApiCall(scope, 'chat.postMessage', calls, { ok: true, ts: '2.2' });
    const again = fixture<any>('button-press.json');
    again.actions[0].action_ts = '1718030005.999999';

    await deliver(slack, fixture('button-press.json'));
    const { acked } = await deliver(slack, again);

    scope.done();
    expect(acked).toBe(1);
    expect(handler.turns).toHaveLength(1);
    expect(unmatched).toEqual([]);
  });

  it('a press under a /waypoint answer in a channel is answered only to the person who pressed it', async () => {
    const handler = new ScriptedHandler(() => ({ replies: [engineQuestion], duplicate: false }));
    const slack = appWithCustomReceiver(handler);
    const responses: any[] = [];
    const hooks = nock(HOOKS)
      .post('/actions/T0WAYPOINT/7240000000002/Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2', (b) => (responses.push(b), true))
      .times(2)
      .reply(200, 'ok');
    const press = fixture<any>('button-press.json');
    press.container = { type: 'message', message_ts: '1718030001.000900', channel_id: 'C0HOMEROOM', is_ephemeral: true };
    press.channel = { id: 'C0HOMEROOM', name: 'homeroom-9b' };
    delete press.message;

    const { acked } = await deliver(slack, press);

    hooks.done();
    expect(unmatched).toEqual([]); // no chat.postMessage or chat.update in the channel
    expect(acked).toBe(1);
    expect(handler.turns[0]).toMatchObject({ conversationId: 'C0HOMEROOM', action: { id: 'interest-bike', value: 'yes' } });
    expect(responses[0]).toMatchObject({ replace_original: true });
    expect(responses[0].blocks.some((b: any) => b.type === 'actions')).toBe(false);
    expect(visibleTexts(responses[0].blocks)).toEqual(['You chose: *Yes*']);
    expect(responses[1]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(responses[1].blocks.at(-1).elements.map((b: any) => b.action_id)).toEqual(['wp|interest-engine|yes', 'wp|interest-engine|no']);
  });

  it('a press on a question the conversation has moved past closes it without claiming the choice', async () => {
    const handler = new ScriptedHandler(() => ({
      replies: [{ kind: 'text', text: "That button is from an earlier question, so I'll skip it. Here's where we are:" }, engineQuestion],
      duplicate: false,
      stale: true,
    }));
    const slack = appWithCustomReceiver(handler);
    const calls: RecordedCall[] = [];
    const scope = nock(SLACK);
    expectApiCall(scope, 'chat.update', calls);
    expectApiCall(scope, 'chat.postMessage', calls, { ok: true, ts: '2.3' });

    await deliver(slack, fixture('button-press.json'));

    scope.done();
    const update = calls[0]!.body;
    expect(update.blocks.some((b: any) => b.type === 'actions')).toBe(false);
    expect(visibleTexts(update.blocks).join(' ')).not.toContain('You chose');
    expect(visibleTexts(update.blocks).at(-1)).toBe('We had already moved on from this question, so that choice was skipped.');
    expect(calls[1]!.body.text).toMatch(/^That button is from an earlier question/);
  });

  it('a press on the Home tab goes to the engine and the replies arrive in the DM', async () => {
    const handler = new ScriptedHandler(() => ({ replies: [{ kind: 'text', text: 'Let\'s look at your plan.' }], duplicate: false }));
    const slack = appWithCustomReceiver(handler);
    const calls: RecordedCall[] = [];
    const scope = nock(SLACK);
    expectApiCall(scope, 'conversations.open', calls, { ok: true, channel: { id: 'D0STUDENT1' } });
    expectApiCall(scope, 'chat.postMessage', calls, { ok: true, ts: '3.3' });

    await deliver(slack, fixture('home-button-press.json'));

    scope.done();
    expect(calls[0]!.body.users).toBe('U0STUDENT1');
    expect(calls[1]!.body.channel).toBe('D0STUDENT1');
    expect(handler.turns[0]).toMatchObject({
      conversationId: 'D0STUDENT1',
      messageId: 'V0HOMEVIEW1:1718030150.654321',
      action: { id: 'home', value: 'continue-plan' },
    });
  });
});

describe('the /waypoint command', () => {
  it('is acknowledged once applied and saved, sends the subcommand to the engine and answers only the person who asked', async () => {
    const order: string[] = [];
    const handler = new ScriptedHandler(() => {
      order.push('handler');
      return { replies: [{ kind: 'text', text: 'Here is your plan.' }, engineQuestion], duplicate: false };
    });
    const slack = appWithCustomReceiver(handler);
    const responses: any[] = [];
    const hooks = nock(HOOKS)
      .post('/commands/T0WAYPOINT/7240000000003/Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8', (b) => {
        responses.push(b);
        return true;
      })
      .reply(200, 'ok');

    await slack.app.processEvent({
      body: fixture('slash-command.json'),
      ack: async () => {
        order.push('ack');
      },
    });
    await slack.idle();

    hooks.done();
    expect(unmatched).toEqual([]);
    expect(order).toEqual(['handler', 'ack']);
    expect(handler.turns[0]).toMatchObject({ channel: 'slack', userId: 'U0STUDENT1', text: 'plan', conversationId: 'C0HOMEROOM' });
    expect(responses.map((r) => r.response_type)).toEqual(['ephemeral']);
    expect(responses[0].text.split('\n')[0]).toBe('Here is your plan.');
    expect(responses[0].blocks.at(-1).type).toBe('actions');
  });
});

describe('the App Home tab', () => {
  it('shows the summary from the home provider, with buttons to continue', async () => {
    const handler = new ScriptedHandler(() => ({ replies: [], duplicate: false }));
    const asked: string[] = [];
    const slack = appWithCustomReceiver(handler, {
      homeView: async (userId) => {
        asked.push(userId);
        return {
          kind: 'card',
          title: 'Your path so far',
          fields: [
            { label: 'Path', value: 'Industrial & Engineering Technology' },
            { label: 'Cluster', value: 'Manufacturing' },
            { label: 'Pathway', value: 'Maintenance, Installation & Repair' },
            { label: 'This year', value: 'English 9, Algebra I, Intro to Manufacturing' },
            { label: 'Next review', value: 'September 15' },
          ],
          text: 'Your path so far',
          questionId: 'home',
          actions: [{ id: 'continue-plan', label: 'Keep working on my plan' }],
        };
      },
    });
    const calls: RecordedCall[] = [];
    const scope = expectApiCall(nock(SLACK), 'views.publish', calls);

    await deliver(slack, fixture('app-home-opened.json'));

    scope.done();
    expect(asked).toEqual(['U0STUDENT1']);
    expect(handler.turns).toEqual([]);
    const { user_id, view } = calls[0]!.body as any;
    expect(user_id).toBe('U0STUDENT1');
    expect(view.type).toBe('home');
    expect(view.blocks[0].text.text).toBe('*Your path so far*');
    expect(view.blocks[1].fields.map((f: any) => f.text)).toEqual([
      '*Path*\nIndustrial &amp; Engineering Technology',
      '*Cluster*\nManufacturing',
      '*Pathway*\nMaintenance, Installation &amp; Repair',
      '*This year*\nEnglish 9, Algebra I, Intro to Manufacturing',
      '*Next review*\nSeptember 15',
    ]);
    expect(view.blocks[2].elements[0]).toMatchObject({ action_id: 'wp|home|continue-plan', value: 'continue-plan' });
  });

  it('without a provider shows a friendly default', async () => {
    const slack = appWithCustomReceiver(new ScriptedHandler(() => ({ replies: [], duplicate: false })));
    const calls: RecordedCall[] = [];
    const scope = expectApiCall(nock(SLACK), 'views.publish', calls);
    await deliver(slack, fixture('app-home-opened.json'));
    scope.done();
    const view = (calls[0]!.body as any).view;
    expect(view.type).toBe('home');
    expect(visibleTexts(view.blocks).join(' ')).toContain('Messages');
  });

  it('opening the Messages tab does not publish anything', async () => {
    const slack = appWithCustomReceiver(new ScriptedHandler(() => ({ replies: [], duplicate: false })));
    const body = fixture<any>('app-home-opened.json');
    body.event.tab = 'messages';
    await deliver(slack, body);
    expect(unmatched).toEqual([]);
  });
});

describe('mentions in a channel', () => {
  it('get a short public invitation to a DM, and the engine is never asked about anyone', async () => {
    const handler = new ScriptedHandler(() => ({ replies: [{ kind: 'text', text: 'private things' }], duplicate: false }));
    const slack = appWithCustomReceiver(handler);
    const calls: RecordedCall[] = [];
    const scope = expectApiCall(nock(SLACK), 'chat.postMessage', calls, { ok: true, ts: '4.4' });

    await deliver(slack, fixture('app-mention.json'));
    await deliver(slack, fixture('app-mention.json'), 1);

    scope.done();
    expect(handler.turns).toEqual([]);
    expect(calls).toHaveLength(1);
    const post = calls[0]!.body;
    expect(post.channel).toBe('C0HOMEROOM');
    expect(post.thread_ts).toBe('1718030200.000400');
    expect(post.text).toContain('direct message');
    expect(post.text).not.toContain('Jordan');
    expect(post.text.length).toBeLessThan(200);
    expect(visibleTexts(post.blocks).join(' ')).toContain('<slack://app?team=T0WAYPOINT&amp;id=A0WAYPOINT&amp;tab=messages|send me a direct message>');
  });
});
