import nock from 'nock';
import { SlackProactiveSender, createSlackSender, createSlackSenderClient } from '../../../src/channels/slack/slack-sender.js';
import { type RecordedCall, SLACK, parseApiBody } from './slack-test-kit.js';

const reminder = { kind: 'text' as const, text: 'Your plan review is due this week.' };

beforeAll(() => nock.disableNetConnect());
afterAll(() => {
  nock.enableNetConnect();
  nock.restore(); // the next test file in this worker gets a fresh nock
});
afterEach(() => nock.cleanAll());

function client() {
  return createSlackSenderClient('xoxb-test-token', { retryConfig: { retries: 0 } });
}

/** A clock that only moves when the sender sleeps: pacing is checked without waiting for real. */
function virtualTime() {
  let t = 1_000_000;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
    sleeps,
  };
}

describe('the Slack proactive sender (reminders)', () => {
  it('opens the DM with the person and posts the reminder there', async () => {
    const calls: RecordedCall[] = [];
    const scope = nock(SLACK)
      .post('/api/conversations.open', (b) => (calls.push({ method: 'conversations.open', body: parseApiBody(b) }), true))
      .reply(200, { ok: true, channel: { id: 'D0STUDENT1' } })
      .post('/api/chat.postMessage', (b) => (calls.push({ method: 'chat.postMessage', body: parseApiBody(b) }), true))
      .reply(200, { ok: true, ts: '1.1' });
    const sender = new SlackProactiveSender({ client: client() });

    await sender.send('U0STUDENT1', [reminder]);

    scope.done();
    expect(sender.channel).toBe('slack');
    expect(calls.map((c) => c.method)).toEqual(['conversations.open', 'chat.postMessage']);
    expect(calls[0]!.body.users).toBe('U0STUDENT1');
    expect(calls[1]!.body).toMatchObject({ channel: 'D0STUDENT1', text: reminder.text });
  });

  it('talks to SLACK_API_URL when it is set', async () => {
    const scope = nock('http://slack-stand-in.test')
      .post('/api/conversations.open')
      .reply(200, { ok: true, channel: { id: 'D0STUDENT1' } })
      .post('/api/chat.postMessage')
      .reply(200, { ok: true, ts: '1.1' });
    const sender = createSlackSender({ botToken: 'xoxb-test-token', apiUrl: 'http://slack-stand-in.test/api/' }, { clientOptions: { retryConfig: { retries: 0 } } });
    await sender.send('U0STUDENT1', [reminder]);
    scope.done();
  });

  it('on HTTP 429 waits Retry-After seconds, tries again, and the message is delivered exactly once', async () => {
    const posts: number[] = [];
    const scope = nock(SLACK)
      .post('/api/conversations.open')
      .reply(200, { ok: true, channel: { id: 'D0STUDENT1' } })
      .post('/api/chat.postMessage', () => (posts.push(Date.now()), true))
      .reply(429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '1' })
      .post('/api/chat.postMessage', () => (posts.push(Date.now()), true))
      .reply(200, { ok: true, ts: '1.1' });
    const sender = new SlackProactiveSender({ client: client() });

    await sender.send('U0STUDENT1', [reminder]);

    scope.done();
    expect(posts).toHaveLength(2);
    expect(posts[1]! - posts[0]!).toBeGreaterThanOrEqual(950);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('gives up after a few 429s and says so, instead of trying forever', async () => {
    nock(SLACK)
      .post('/api/conversations.open')
      .reply(200, { ok: true, channel: { id: 'D0STUDENT1' } })
      .post('/api/chat.postMessage')
      .times(3)
      .reply(429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '2' });
    const clock = virtualTime();
    const sender = new SlackProactiveSender({ client: client(), maxAttempts: 3, sleep: clock.sleep, now: clock.now });

    await expect(sender.send('U0STUDENT1', [reminder])).rejects.toMatchObject({ code: 'slack_webapi_rate_limited_error' });
    expect(clock.sleeps).toEqual([2000, 2000]);
  });

  it('sends at most about one message per second to one channel, while other channels are not held up', async () => {
    const clock = virtualTime();
    const posted: { channel: string; at: number }[] = [];
    nock(SLACK)
      .post('/api/conversations.open', (b) => parseApiBody(b).users === 'U0A')
      .times(3)
      .reply(200, { ok: true, channel: { id: 'D0A' } })
      .post('/api/conversations.open', (b) => parseApiBody(b).users === 'U0B')
      .reply(200, { ok: true, channel: { id: 'D0B' } })
      .post('/api/chat.postMessage', (b) => (posted.push({ channel: parseApiBody(b).channel, at: clock.now() }), true))
      .times(4)
      .reply(200, { ok: true, ts: '1.1' });
    const sender = new SlackProactiveSender({ client: client(), minIntervalMs: 1000, sleep: clock.sleep, now: clock.now });

    // One send is one message (a turn's replies share a message); three sends to one person are paced.
    await sender.send('U0A', [reminder]);
    await sender.send('U0A', [{ kind: 'text', text: 'Two' }]);
    await sender.send('U0A', [{ kind: 'text', text: 'Three' }]);
    await sender.send('U0B', [reminder]);

    const a = posted.filter((p) => p.channel === 'D0A').map((p) => p.at);
    expect(a).toHaveLength(3);
    expect(a[1]! - a[0]!).toBeGreaterThanOrEqual(1000);
    expect(a[2]! - a[1]!).toBeGreaterThanOrEqual(1000);
    expect(clock.sleeps).toEqual([1000, 1000]);
    expect(posted.filter((p) => p.channel === 'D0B')).toHaveLength(1);
  });

  it('keeps the order of messages sent to one person at the same time', async () => {
    const texts: string[] = [];
    nock(SLACK)
      .post('/api/conversations.open')
      .times(2)
      .reply(200, { ok: true, channel: { id: 'D0A' } })
      .post('/api/chat.postMessage', (b) => (texts.push(parseApiBody(b).text), true))
      .times(2)
      .reply(200, { ok: true, ts: '1.1' });
    const clock = virtualTime();
    const sender = new SlackProactiveSender({ client: client(), sleep: clock.sleep, now: clock.now });

    await Promise.all([sender.send('U0A', [{ kind: 'text', text: 'first' }]), sender.send('U0A', [{ kind: 'text', text: 'second' }])]);

    expect(texts).toEqual(['first', 'second']);
  });
});
