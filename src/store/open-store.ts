/**
 * The one place that picks the store: PostgreSQL when WAYPOINT_DATABASE_URL is set (migrations
 * applied first), else the lowdb folder WAYPOINT_DATA_DIR (no server needed). Either way wrapped
 * in the facts index, as every process that writes the data must be. The caller still opens it
 * (`store.open(...)`), and closes it with closeStore when done.
 */
import type { Config } from '../config.js';
import type { FactsLogLogger } from './facts-log.js';
import { IndexedStore } from './indexed-store.js';
import { LowdbStore } from './lowdb-store.js';
import type { Store } from './store.js';

export async function openStore(config: Pick<Config, 'WAYPOINT_DATABASE_URL' | 'dataDir'>, logger: FactsLogLogger): Promise<IndexedStore> {
  if (!config.WAYPOINT_DATABASE_URL) return new IndexedStore(new LowdbStore(config.dataDir), { logger });
  // Loaded only here: a lowdb deployment never loads the database client.
  const { PostgresStore } = await import('./postgres-store.js');
  return new IndexedStore(await PostgresStore.connect(config.WAYPOINT_DATABASE_URL, { logger }), { logger });
}

type Closable = Store & { close?: () => Promise<void>; inner?: Store };

/** Closes the store's database connections, when it has any (lowdb has none). */
export async function closeStore(store: Store): Promise<void> {
  const inner = (store as Closable).inner ?? store;
  await (inner as Closable).close?.();
}

/**
 * For servers (which stop when killed): on SIGINT or SIGTERM, close the database connections, then
 * exit as the signal would have. Nothing is registered for a store without connections.
 */
export function closeStoreOnSignals(store: Store): void {
  const inner = (store as Closable).inner ?? store;
  if (typeof (inner as Closable).close !== 'function') return;
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      void closeStore(store)
        .catch(() => undefined)
        .finally(() => process.exit(code));
    });
  }
}
