import { balancedOrders } from '../../bench/channel-bench-plan.js';
import { minimalFlowTurn } from '../../bench/minimal-flow-turn.js';
import { MemoryStore } from '../../src/store/memory-store.js';

describe('the channel benches run their apps in balanced orders', () => {
  for (const n of [4, 5, 6]) {
    it(`with ${n} apps, each runs in every place, and right after every other app, equally often`, () => {
      const orders = balancedOrders(n);
      const places = new Map<string, number>();
      const follows = new Map<string, number>();
      for (const row of orders) {
        expect([...row].sort()).toEqual(Array.from({ length: n }, (_, i) => i));
        row.forEach((app, place) => places.set(`${app}@${place}`, (places.get(`${app}@${place}`) ?? 0) + 1));
        for (let i = 1; i < row.length; i++) follows.set(`${row[i - 1]}>${row[i]}`, (follows.get(`${row[i - 1]}>${row[i]}`) ?? 0) + 1);
      }
      expect(places.size).toBe(n * n);
      expect(new Set(places.values()).size).toBe(1);
      expect(follows.size).toBe(n * (n - 1));
      expect(new Set(follows.values()).size).toBe(1);
    });
  }
});

describe('the least turn the channel benches compare with', () => {
  it('restores the saved flow, sends one event and saves it again, every turn', async () => {
    const store = new MemoryStore();
    const handler = minimalFlowTurn(store);
    const turn = (messageId: string, text: string) => ({ channel: 'bench', userId: 'u1', conversationId: 'c1', messageId, text, receivedAt: '2026-12-01T00:00:00Z' });
    const first = await handler.handle(turn('m1', '2'));
    await handler.handle(turn('m2', '3'));
    expect(first.replies[0]).toMatchObject({ kind: 'question' });
    const saved = await store.get<{ snapshot: { context: { answers: string[] } }; recent: unknown[] }>('sessions', 'u1');
    expect(saved?.snapshot.context.answers).toEqual(['2', '3']);
    expect(saved?.recent).toHaveLength(2);
  });
});
