/**
 * Issue 16: a Teams message is never lost to a failure. The Bot Connector sends an activity again
 * only when the bot answers with an error (or not at all), so the bot answers 200 only once the
 * turn is safely recorded (its replies saved in the outbox), and an error status before that.
 */
import nock from 'nock';
import { REPLY_PROGRESS } from '../../../src/channels/reply-outbox.js';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import type { Turn } from '../../../src/domain/messages.js';
import type { TurnResult } from '../../../src/engine/turn-handler.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import { fixture, post, recordConnector, ScriptedHandler, startTeams, type ConnectorCall, type Running, onlyLoopback } from './teams-test-kit.js';

const CHAT = 'a:1personal-chat-id';

/** A handler whose next call waits until the test lets it go on, then answers or fails. */
class GatedHandler extends ScriptedHandler {
  private gates: Array<{ release: (fail?: Error) => void }> = [];
  private waiting: Array<() => void> = [];
  constructor() {
    super(() => [{ kind: 'text', text: 'ok' }]);
  }
  override async handle(turn: Turn): Promise<TurnResult> {
    const gate = new Promise<Error | undefined>((resolve) => this.gates.push({ release: resolve }));
    this.waiting.splice(0).forEach((w) => w());
    const fail = await gate;
    if (fail) throw fail;
    return super.handle(turn);
  }
  /** Resolves once a turn is waiting at the gate. */
  started(): Promise<void> {
    return this.gates.length > 0 ? Promise.resolve() : new Promise((r) => this.waiting.push(r));
  }
  release(fail?: Error): void {
    this.gates.shift()?.release(fail);
  }
}

/** A store whose next `failures` claims of saved replies fail, as a full disk would. */
class OutboxWritesFail extends MemoryStore {
  constructor(public failures: number) {
    super();
  }
  override async put<T>(collection: string, id: string, value: T): Promise<void> {
    if (collection === REPLY_PROGRESS && this.failures > 0) {
      this.failures -= 1;
      throw new Error('disk full');
    }
    return super.put(collection, id, value);
  }
}

const settle = () => new Promise((r) => setTimeout(r, 30));

describe('Teams: a message is answered 200 only once it is safe', () => {
  let run: Running<any>;
  let calls: ConnectorCall[];
  onlyLoopback();
  beforeEach(() => {
    calls = recordConnector();
  });
  afterEach(async () => {
    await run.server.stop();
    nock.cleanAll();
  });

  test('a turn that fails before it is recorded answers 500, so Teams sends it again, and the retry is answered', async () => {
    const flaky = new ScriptedHandler(() => [{ kind: 'text', text: 'ok' }]);
    const original = flaky.handle.bind(flaky);
    let fail = true;
    flaky.handle = async (turn) => {
      if (fail) {
        fail = false;
        throw new Error('store down');
      }
      return original(turn);
    };
    run = await startTeams(flaky);
    const first = await post(run.url, fixture('personal-message'));
    expect(first.status).toBe(500);
    expect(first.text).not.toMatch(/store down/);
    const retry = await post(run.url, fixture('redelivered-message'));
    expect(retry.status).toBe(200);
    expect(calls.map((c) => c.body.text).at(-1)).toBe('ok');
  });

  test('the apology for a failed turn is sent once, however often Teams retries it, and asks to wait before sending again', async () => {
    const broken = new ScriptedHandler(() => []);
    broken.handle = async () => {
      throw new Error('store down');
    };
    run = await startTeams(broken);
    for (let i = 0; i < 3; i++) expect((await post(run.url, fixture('personal-message'))).status).toBe(500);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.body.text).toMatch(/If I don't answer in a minute/);
  });

  test('once the replies are saved, a failure while sending them still answers 200 and the saved replies go out', async () => {
    const store = new OutboxWritesFail(0);
    run = await startTeams(new ScriptedHandler(() => [{ kind: 'text', text: 'Saved your answer.' }]), {}, store);
    await post(run.url, fixture('personal-message')); // stores where to reach the student
    store.failures = 1; // the first claim of the next turn's saved reply fails
    const second = fixture('personal-message');
    second.id = 'second-message';
    second.text = 'again';
    const res = await post(run.url, second);
    expect(res.status).toBe(200);
    await run.server.idle();
    await settle();
    await run.server.idle();
    expect(calls.map((c) => c.body.text).filter((t) => t === 'Saved your answer.')).toHaveLength(2);
    expect(calls.at(-1)!.path).toBe(`/amer/v3/conversations/${CHAT}/activities`);
  });

  test('a copy that arrives while the first is still being handled waits for it, and is answered 200 only after it is safe', async () => {
    const handler = new GatedHandler();
    run = await startTeams(handler);
    const first = post(run.url, fixture('personal-message'));
    await handler.started();
    let copyStatus = 0;
    const copy = post(run.url, fixture('redelivered-message')).then((r) => (copyStatus = r.status));
    await settle();
    expect(copyStatus).toBe(0); // not answered while the first copy is still running
    handler.release();
    expect((await first).status).toBe(200);
    expect(await copy).toBe(200);
    expect(calls.map((c) => c.body.text)).toEqual(['ok']);
    expect(handler.turns).toHaveLength(1);
  });

  test('when the first copy then fails, the waiting copy gets a retryable answer too, and a later retry is handled', async () => {
    const handler = new GatedHandler();
    run = await startTeams(handler);
    const first = post(run.url, fixture('personal-message'));
    await handler.started();
    const copy = post(run.url, fixture('redelivered-message'));
    await settle();
    handler.release(new Error('store down'));
    expect((await first).status).toBe(500);
    expect((await copy).status).toBe(503);
    const retry = post(run.url, fixture('redelivered-message'));
    await handler.started();
    handler.release();
    expect((await retry).status).toBe(200);
    expect(calls.map((c) => c.body.text).at(-1)).toBe('ok');
  });
});
