/**
 * Terminal delivery for reminders: the console channel cannot reach a user who is not chatting,
 * so messages wait in the user's "outbox" record and `npm start` shows them the next time that
 * user chats (takeOutbox).
 */
import type { ProactiveSender, Reply } from '../../domain/messages.js';
import type { OutboxRecord } from '../../domain/people.js';
import type { Store } from '../../store/store.js';

const OUTBOX = 'outbox';

/** One write at a time per user in this process, so two sends to one user never lose a message. */
const chains = new Map<string, Promise<unknown>>();
function serialised<T>(userKey: string, work: () => Promise<T>): Promise<T> {
  const before = chains.get(userKey) ?? Promise.resolve();
  const run = before.then(work, work);
  const settled = run.catch(() => undefined);
  chains.set(userKey, settled);
  void settled.then(() => {
    if (chains.get(userKey) === settled) chains.delete(userKey);
  });
  return run;
}

export class ConsoleSender implements ProactiveSender {
  readonly channel = 'console';

  constructor(
    private readonly store: Store,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** `userId` is the terminal user name (the part after "console:"). */
  send(userId: string, replies: Reply[]): Promise<void> {
    const userKey = `console:${userId}`;
    return serialised(userKey, async () => {
      const record = (await this.store.get<OutboxRecord>(OUTBOX, userKey)) ?? { userKey, messages: [] };
      record.messages.push({ at: this.clock().toISOString(), replies });
      await this.store.put(OUTBOX, userKey, record);
    });
  }
}

/** Returns the replies waiting for `userKey`, oldest first, and empties the outbox. */
export function takeOutbox(store: Store, userKey: string): Promise<Reply[]> {
  return serialised(userKey, async () => {
    const record = await store.get<OutboxRecord>(OUTBOX, userKey);
    if (!record || record.messages.length === 0) return [];
    await store.delete(OUTBOX, userKey);
    return record.messages.flatMap((m) => m.replies);
  });
}
