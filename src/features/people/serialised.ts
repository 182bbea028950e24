/**
 * Runs read-change-write work on one record key one at a time, so two people changing the same
 * student's links at once never lose a change: in this process by a chain per key, and across
 * replicas sharing a PostgreSQL store by that key's lock (src/engine/turn-scope.ts; inside a turn
 * it joins the turn's transaction).
 */
import { turnScopeOf } from '../../engine/turn-scope.js';
import type { Store } from '../../store/store.js';

const chains = new Map<string, Promise<unknown>>();

export function serialised<T>(store: Store, key: string, work: () => Promise<T>): Promise<T> {
  const scope = turnScopeOf(store);
  const guarded = scope.shared ? () => scope.run(`record:${key}`, work) : work;
  const before = chains.get(key) ?? Promise.resolve();
  const run = before.then(guarded, guarded);
  const settled = run.catch(() => undefined);
  chains.set(key, settled);
  void settled.then(() => {
    if (chains.get(key) === settled) chains.delete(key);
  });
  return run;
}
