import nock from 'nock';
import { SLACK_INBOX, type InboxEntry, inboxIdOf } from '../../../src/channels/slack/slack-inbox.js';
import { REPLY_OUTBOX } from '../../../src/channels/reply-outbox.js';
import type { TurnResult } from '../../../src/engine/turn-handler.js';
import { text } from '../../../src/domain/messages.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import { type RecordedCall, SLACK, ScriptedHandler, appWithCustomReceiver, dmSaying, expectApiCall, fixture, testSettings, withNockOnly } from './slack-test-kit.js';

const unmatched = withNockOnly();

const answered = (reply: string): TurnResult => ({ replies: [text(reply)], duplicate: false });

function savedEntry(body: Record<string, any>, minutesAgo: number, attempts = 0): InboxEntry {
  return { id: inboxIdOf(body)!, body, receivedAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(), attempts };
}

describe('what people send in Socket Mode is written down before Slack is told it arrived', () => {
  it('a direct message is in the inbox when Slack is acknowledged, and gone once its turn is done', async () => {
    const store = new MemoryStore();
    const calls: RecordedCall[] = [];
    const scope = nock(SLACK);
    expectApiCall(scope, 'chat.postMessage', calls, { ok: true, ts: '1.1' });
    const slack = appWithCustomReceiver(new ScriptedHandler(() => answered('Hi Sam!')), { store });
    const body = dmSaying('hi');
    let heldAtAck: string[] = [];
    await slack.app.processEvent({ body, ack: async () => void (heldAtAck = await store.ids(SLACK_INBOX)) });
    await slack.idle();
    scope.done();
    expect(heldAtAck).toEqual([inboxIdOf(body)]);
    expect(await store.ids(SLACK_INBOX)).toEqual([]);
    expect(calls.map((c) => c.body.text)).toEqual(['Hi Sam!']);
  });

  it('in Socket Mode, the event is saved before Bolt acknowledges it over the socket', async () => {
    const store = new MemoryStore();
    const scope = nock(SLACK);
    expectApiCall(scope, 'chat.postMessage', [], { ok: true, ts: '1.1' });
    const slack = appWithCustomReceiver(new ScriptedHandler(() => answered('Hi!')), {
      store,
      receiver: undefined,
      settings: { ...testSettings, mode: 'socket', appToken: 'xapp-1-A0WAYPOINT-1-test' },
    });
    expect(slack.mode).toBe('socket');
    const socketClient = (slack.app as any).receiver.client as { listeners(name: string): ((args: unknown) => Promise<void>)[] };
    const body = dmSaying('hi');
    let heldAtAck: string[] = [];
    for (const listener of socketClient.listeners('slack_event')) {
      await listener({ body, retry_num: undefined, retry_reason: undefined, ack: async () => void (heldAtAck = await store.ids(SLACK_INBOX)) });
    }
    await slack.idle();
    scope.done();
    expect(heldAtAck).toEqual([inboxIdOf(body)]);
    expect(await store.ids(SLACK_INBOX)).toEqual([]);
  });

  it('a slow turn, acknowledged before it is done, keeps its message in the inbox until it is done', async () => {
    const store = new MemoryStore();
    let finish: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    const scope = nock(SLACK);
    expectApiCall(scope, 'chat.postMessage', [], { ok: true, ts: '1.1' });
    const slack = appWithCustomReceiver(new ScriptedHandler(async () => (await gate, answered('Done.'))), { store, ackWithinMs: 20 });
    const body = dmSaying('show my plan');
    await slack.app.processEvent({ body, ack: async () => undefined });
    expect(await store.ids(SLACK_INBOX)).toEqual([inboxIdOf(body)]);
    finish();
    await slack.idle();
    scope.done();
    expect(await store.ids(SLACK_INBOX)).toEqual([]);
  });

  it('messages a crash kept from being applied are applied at the next start, oldest first, before anything new', async () => {
    const store = new MemoryStore();
    const first = dmSaying('nurse');
    const second = dmSaying('yes');
    await store.put(SLACK_INBOX, inboxIdOf(second)!, savedEntry(second, 1));
    await store.put(SLACK_INBOX, inboxIdOf(first)!, savedEntry(first, 2));
    const calls: RecordedCall[] = [];
    const scope = nock(SLACK);
    expectApiCall(scope, 'chat.postMessage', calls, { ok: true, ts: '1.1' });
    expectApiCall(scope, 'chat.postMessage', calls, { ok: true, ts: '1.2' });
    const handler = new ScriptedHandler((turn) => answered(`You said ${turn.text}.`));
    const slack = appWithCustomReceiver(handler, { store });
    await slack.start();
    await slack.idle();
    scope.done();
    expect(handler.turns.map((t) => t.text)).toEqual(['nurse', 'yes']);
    expect(calls.map((c) => c.body.text)).toEqual(['You said nurse.', 'You said yes.']);
    expect(await store.ids(SLACK_INBOX)).toEqual([]);
    expect((await store.ids(REPLY_OUTBOX)).length).toBe(2);
    await slack.stop();
  });

  it('a message already applied before the crash is answered from the record, and nothing is sent twice', async () => {
    const store = new MemoryStore();
    const body = dmSaying('plan');
    await store.put(SLACK_INBOX, inboxIdOf(body)!, savedEntry(body, 1));
    // Its replies were saved and sent before the crash; only the inbox entry was left.
    const turnId = body.event.client_msg_id as string;
    await store.put(REPLY_OUTBOX, `slack:${turnId}`, { id: `slack:${turnId}`, items: [{ kind: 'post', channel: 'D0X', output: { kind: 'message', text: 'Your plan', blocks: [] } }], claimed: 1, createdAt: new Date().toISOString(), doneAt: new Date().toISOString() });
    const handler = new ScriptedHandler(() => ({ replies: [text('Your plan')], duplicate: true }));
    const slack = appWithCustomReceiver(handler, { store });
    await slack.start();
    await slack.idle();
    expect(handler.turns).toHaveLength(1);
    expect(unmatched()).toEqual([]);
    expect(await store.ids(SLACK_INBOX)).toEqual([]);
    await slack.stop();
  });

  it('a message that failed to apply three times is dropped at start, with a log line that holds no text', async () => {
    const store = new MemoryStore();
    const body = dmSaying('my secret words');
    await store.put(SLACK_INBOX, inboxIdOf(body)!, savedEntry(body, 5, 3));
    const lines: string[] = [];
    const logger = { debug() {}, info() {}, warn: (l: string) => lines.push(l), error() {} };
    const handler = new ScriptedHandler(() => answered('never'));
    const slack = appWithCustomReceiver(handler, { store, logger });
    await slack.start();
    expect(handler.turns).toEqual([]);
    expect(await store.ids(SLACK_INBOX)).toEqual([]);
    expect(lines.join('\n')).toMatch(/failed to apply 3 times was dropped/);
    expect(lines.join('\n')).not.toMatch(/secret/);
    await slack.stop();
  });

  it('presses and slash commands are kept too; mentions and the Home tab are not', () => {
    expect(inboxIdOf(fixture<any>('button-press.json'))).toMatch(/^action-/);
    expect(inboxIdOf(fixture<any>('slash-command.json'))).toMatch(/^command-/);
    expect(inboxIdOf(fixture<any>('app-mention.json'))).toBeUndefined();
    expect(inboxIdOf(fixture<any>('app-home-opened.json'))).toBeUndefined();
  });
});
