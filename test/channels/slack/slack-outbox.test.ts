import nock from 'nock';
import { REPLY_OUTBOX, REPLY_PROGRESS, readOutboxEntry, type OutboxEntry } from '../../../src/channels/reply-outbox.js';
import type { SlackItem } from '../../../src/channels/slack/slack-outbox.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import { type RecordedCall, SLACK, ScriptedHandler, appWithCustomReceiver, deliver, expectApiCall, fixture, withNockOnly } from './slack-test-kit.js';

const unmatched = withNockOnly();

const post = (text: string): SlackItem => ({ kind: 'post', channel: 'D0STUDENT1', output: { kind: 'message', text, blocks: [] } });

describe('replies saved before Slack is answered are never lost, and never sent twice', () => {
  it('replies saved before a crash and not yet sent go out when the app starts again', async () => {
    const store = new MemoryStore();
    const entry: OutboxEntry<SlackItem> = { id: 'slack:m1', items: [post('Saved! You chose Welding.'), post('Want to see your plan?')], claimed: 0, createdAt: new Date().toISOString() };
    await store.put(REPLY_OUTBOX, entry.id, entry);
    const calls: RecordedCall[] = [];
    const scope = nock(SLACK);
    expectApiCall(scope, 'chat.postMessage', calls, { ok: true, ts: '1.1' });
    expectApiCall(scope, 'chat.postMessage', calls, { ok: true, ts: '1.2' });
    const slack = appWithCustomReceiver(new ScriptedHandler(() => ({ replies: [], duplicate: false })), { store });
    await slack.start();
    scope.done();
    expect(calls.map((c) => c.body.text)).toEqual(['Saved! You chose Welding.', 'Want to see your plan?']);
    expect((await readOutboxEntry<SlackItem>(store, 'slack:m1'))!.doneAt).toBeDefined();
    await slack.stop();
  });

  it('a reply that was being sent when the process stopped and did arrive is not sent again; the ones after it are', async () => {
    const store = new MemoryStore();
    const entry: OutboxEntry<SlackItem> = { id: 'slack:m2', items: [post('first'), post('second'), post('third')], claimed: 1, createdAt: new Date().toISOString() };
    await store.put(REPLY_OUTBOX, entry.id, entry);
    const calls: RecordedCall[] = [];
    const scope = nock(SLACK);
    // Slack's history holds the first reply, tagged with its ref.
    expectApiCall(scope, 'conversations.history', calls, {
      ok: true,
      has_more: false,
      messages: [{ ts: '1.0', text: 'first', metadata: { event_type: 'waypoint_reply', event_payload: { ref: 'slack:m2#0' } } }],
    });
    expectApiCall(scope, 'chat.postMessage', calls, { ok: true, ts: '1.1' });
    expectApiCall(scope, 'chat.postMessage', calls, { ok: true, ts: '1.2' });
    const slack = appWithCustomReceiver(new ScriptedHandler(() => ({ replies: [], duplicate: false })), { store });
    await slack.start();
    scope.done();
    expect(calls[0]!.body).toMatchObject({ channel: 'D0STUDENT1', include_all_metadata: 'true' });
    expect(calls.slice(1).map((c) => c.body.text)).toEqual(['second', 'third']);
    expect(calls.slice(1).map((c) => JSON.parse(c.body.metadata))).toEqual([
      { event_type: 'waypoint_reply', event_payload: { ref: 'slack:m2#1' } },
      { event_type: 'waypoint_reply', event_payload: { ref: 'slack:m2#2' } },
    ]);
    expect(unmatched()).toEqual([]);
    await slack.stop();
  });

  it('a reply cut off by the stop that never reached Slack is sent once at the restart', async () => {
    const store = new MemoryStore();
    const entry: OutboxEntry<SlackItem> = { id: 'slack:m3', items: [post('first'), post('second')], claimed: 1, createdAt: new Date().toISOString() };
    await store.put(REPLY_OUTBOX, entry.id, entry);
    const calls: RecordedCall[] = [];
    const scope = nock(SLACK);
    expectApiCall(scope, 'conversations.history', calls, { ok: true, has_more: false, messages: [{ ts: '0.9', text: 'hi' }] });
    expectApiCall(scope, 'chat.postMessage', calls, { ok: true, ts: '1.1' });
    expectApiCall(scope, 'chat.postMessage', calls, { ok: true, ts: '1.2' });
    const slack = appWithCustomReceiver(new ScriptedHandler(() => ({ replies: [], duplicate: false })), { store });
    await slack.start();
    scope.done();
    expect(calls.slice(1).map((c) => c.body.text)).toEqual(['first', 'second']);
    expect(unmatched()).toEqual([]);
    await slack.stop();
  });

  it('when Slack cannot say whether the cut-off reply arrived, it is not sent again (at most once)', async () => {
    const store = new MemoryStore();
    const entry: OutboxEntry<SlackItem> = { id: 'slack:m4', items: [post('first'), post('second')], claimed: 1, createdAt: new Date().toISOString() };
    await store.put(REPLY_OUTBOX, entry.id, entry);
    const calls: RecordedCall[] = [];
    const scope = nock(SLACK);
    expectApiCall(scope, 'conversations.history', calls, { ok: false, error: 'missing_scope' });
    expectApiCall(scope, 'chat.postMessage', calls, { ok: true, ts: '1.2' });
    const slack = appWithCustomReceiver(new ScriptedHandler(() => ({ replies: [], duplicate: false })), { store });
    await slack.start();
    scope.done();
    expect(calls.slice(1).map((c) => c.body.text)).toEqual(['second']);
    await slack.stop();
  });

  it('a message is saved for sending before Slack is answered', async () => {
    const store = new MemoryStore();
    let savedWhenAcked: unknown;
    const slack = appWithCustomReceiver(new ScriptedHandler(() => ({ replies: [{ kind: 'text', text: 'Hi!' }], duplicate: false })), { store });
    const scope = expectApiCall(nock(SLACK), 'chat.postMessage', [], { ok: true, ts: '1.1' });
    await slack.app.processEvent({
      body: fixture('dm-message.json'),
      ack: async () => {
        savedWhenAcked = undefined;
      },
    });
    // processEvent resolves when Slack would be answered (HTTP mode waits for it): the replies are saved by then.
    savedWhenAcked = await store.ids(REPLY_OUTBOX);
    expect(savedWhenAcked).toEqual(['slack:5f1c2a9e-7b1d-4c0e-9f4e-2b9d3c8a1e01']);
    await slack.idle();
    scope.done();
  });

  it('a redelivery while the first delivery is still going sends nothing twice', async () => {
    const store = new MemoryStore();
    let asked = 0;
    const handler = new ScriptedHandler(() => ({ replies: [{ kind: 'text', text: 'Hi!' }], duplicate: ++asked > 1 }));
    const slack = appWithCustomReceiver(handler, { store });
    const calls: RecordedCall[] = [];
    const scope = expectApiCall(nock(SLACK), 'chat.postMessage', calls, { ok: true, ts: '1.1' });
    const again = fixture<any>('dm-message.json');
    again.event_id = 'Ev0SECOND';
    await Promise.all([deliver(slack, fixture('dm-message.json')), deliver(slack, again)]);
    scope.done();
    expect(calls).toHaveLength(1);
    expect(unmatched()).toEqual([]);
  });
});

describe('the reply outbox stays small', () => {
  it('delivered records older than a day are removed; newer ones stay to answer redeliveries', async () => {
    const { ReplyOutbox } = await import('../../../src/channels/reply-outbox.js');
    const store = new MemoryStore();
    let now = new Date('2026-11-23T15:00:00.000Z');
    const sent: string[] = [];
    const outbox = new ReplyOutbox<string>(store, 'slack', async (item) => void sent.push(item), undefined, () => now);
    await outbox.save('old', ['a']);
    await outbox.deliver('old');
    now = new Date('2026-11-24T16:00:00.000Z');
    await outbox.save('new', ['b']);
    await outbox.deliver('new');
    expect(await outbox.prune()).toBe(1);
    expect(await store.ids(REPLY_OUTBOX)).toEqual(['slack:new']);
    await outbox.save('new', ['b']);
    await outbox.deliver('new');
    expect(sent).toEqual(['a', 'b']);
  });

  it('a server that runs for days removes what it delivered a day ago as it goes, without reading every record', async () => {
    const { ReplyOutbox } = await import('../../../src/channels/reply-outbox.js');
    const store = new MemoryStore();
    let now = new Date('2026-11-23T15:00:00.000Z');
    const outbox = new ReplyOutbox<string>(store, 'slack', async () => undefined, undefined, () => now);
    await outbox.save('old', ['a']);
    await outbox.deliver('old');
    expect((await readOutboxEntry<string>(store, 'slack:old'))).toMatchObject({ items: ['a'], claimed: 1 });
    now = new Date('2026-11-24T16:00:00.000Z');
    let reads = 0;
    const get = store.get.bind(store);
    store.get = (async (collection: string, id: string) => {
      reads++;
      return get(collection, id);
    }) as typeof store.get;
    for (let i = 0; i < 999; i++) await outbox.save(`m${i}`, ['b']);
    await outbox.idle();
    await new Promise((resolve) => setImmediate(resolve));
    expect(await store.get(REPLY_OUTBOX, 'slack:old')).toBeUndefined();
    expect(await store.get(REPLY_PROGRESS, 'slack:old')).toBeUndefined();
    expect((await store.ids(REPLY_OUTBOX)).length).toBe(999);
    expect(reads).toBeLessThan(10);
  });

  it('sending rewrites only how far it got, never the saved replies', async () => {
    const { ReplyOutbox } = await import('../../../src/channels/reply-outbox.js');
    const store = new MemoryStore();
    const writes: string[] = [];
    const put = store.put.bind(store);
    store.put = (async (collection: string, id: string, value: unknown) => {
      writes.push(collection);
      return put(collection, id, value);
    }) as typeof store.put;
    const outbox = new ReplyOutbox<string>(store, 'slack', async () => undefined);
    await outbox.save('m1', ['first', 'second']);
    await outbox.deliver('m1');
    expect(writes.filter((c) => c === REPLY_OUTBOX)).toEqual([]);
    expect(writes.filter((c) => c === REPLY_PROGRESS)).toHaveLength(3);
    expect(await readOutboxEntry<string>(store, 'slack:m1')).toMatchObject({ items: ['first', 'second'], claimed: 2, doneAt: expect.any(String) });
  });
});
