import { describe, expect, test } from '@jest/globals';
import { CONVERSATION_REFS, ConversationRefs, findConversation } from '../../../src/channels/teams/conversation-refs.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import { fixture } from './teams-test-kit.js';

const STUDENT = '00000000-0000-4000-8000-000000000001';

/** A MemoryStore that counts reads and writes of the conversation references. */
class CountingStore extends MemoryStore {
  reads = 0;
  writes = 0;
  override async get<T>(collection: string, id: string): Promise<T | undefined> {
    if (collection === CONVERSATION_REFS) this.reads += 1;
    return super.get<T>(collection, id);
  }
  override async put<T>(collection: string, id: string, value: T): Promise<void> {
    if (collection === CONVERSATION_REFS) this.writes += 1;
    return super.put(collection, id, value);
  }
}

describe('Teams conversation references', () => {
  test('a person who keeps chatting costs the store nothing after the first message', async () => {
    const store = new CountingStore();
    const refs = new ConversationRefs(store);
    for (let i = 0; i < 5; i++) await refs.remember({ ...fixture('personal-message'), id: `m${i}` }, new Date('2025-09-15T14:00:00Z'));
    expect(store.writes).toBe(1);
    expect(store.reads).toBe(1);
  });

  test('when Teams moves the chat to another service address, the new address is kept for reminders', async () => {
    const store = new CountingStore();
    const refs = new ConversationRefs(store);
    await refs.remember(fixture('personal-message'), new Date('2025-09-15T14:00:00Z'));
    await refs.remember({ ...fixture('personal-message'), serviceUrl: 'https://smba.example.test/emea/' }, new Date('2025-09-16T14:00:00Z'));
    expect((await findConversation(store, STUDENT))?.serviceUrl).toBe('https://smba.example.test/emea/');
    expect(store.writes).toBe(2);
  });

  test('after a restart an unchanged address is read once and not written again', async () => {
    const store = new CountingStore();
    await new ConversationRefs(store).remember(fixture('personal-message'), new Date('2025-09-15T14:00:00Z'));
    const restarted = new ConversationRefs(store);
    await restarted.remember(fixture('personal-message'), new Date('2025-09-16T14:00:00Z'));
    await restarted.remember(fixture('personal-message'), new Date('2025-09-16T14:01:00Z'));
    expect(store.writes).toBe(1);
    expect(store.reads).toBe(2);
    expect((await store.get<{ updatedAt: string }>(CONVERSATION_REFS, STUDENT))?.updatedAt).toBe('2025-09-15T14:00:00.000Z');
  });

  test('team channels and group chats are never kept', async () => {
    const store = new CountingStore();
    expect(await new ConversationRefs(store).remember(fixture('channel-mention'), new Date())).toBe(false);
    expect(await store.ids(CONVERSATION_REFS)).toEqual([]);
  });
});
