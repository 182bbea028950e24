import { ConsoleSender, takeOutbox } from '../../../src/channels/console/console-sender.js';
import { text } from '../../../src/domain/messages.js';
import type { OutboxRecord } from '../../../src/domain/people.js';
import { MemoryStore } from '../../../src/store/memory-store.js';

describe('the terminal outbox', () => {
  it('keeps reminders for a terminal user until they next chat, then hands them over once', async () => {
    const store = new MemoryStore();
    const sender = new ConsoleSender(store, () => new Date('2025-09-15T14:00:00Z'));
    expect(sender.channel).toBe('console');
    await sender.send('sam', [text('first')]);
    await sender.send('sam', [text('second'), text('third')]);
    expect(await store.get<OutboxRecord>('outbox', 'console:sam')).toEqual({
      userKey: 'console:sam',
      messages: [
        { at: '2025-09-15T14:00:00.000Z', replies: [text('first')] },
        { at: '2025-09-15T14:00:00.000Z', replies: [text('second'), text('third')] },
      ],
    });
    expect(await takeOutbox(store, 'console:sam')).toEqual([text('first'), text('second'), text('third')]);
    expect(await takeOutbox(store, 'console:sam')).toEqual([]);
    expect(await store.get('outbox', 'console:sam')).toBeUndefined();
  });

  it('loses nothing when many reminders arrive for one user at once', async () => {
    const store = new MemoryStore();
    const sender = new ConsoleSender(store);
    await Promise.all(Array.from({ length: 20 }, (_, i) => sender.send('sam', [text(`m${i}`)])));
    expect((await takeOutbox(store, 'console:sam')).map((r) => r.text).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `m${i}`).sort());
  });

  it('keeps each user\'s outbox separate', async () => {
    const store = new MemoryStore();
    const sender = new ConsoleSender(store);
    await sender.send('sam', [text('for sam')]);
    expect(await takeOutbox(store, 'console:ana')).toEqual([]);
    expect(await takeOutbox(store, 'console:sam')).toEqual([text('for sam')]);
  });
});
