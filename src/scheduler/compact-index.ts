/**
 * Upkeep of the facts index between sweeps: compacts it when due (about once a day, when the log
 * is long, or when a crash left a sealed segment). Separate from the sweep so a compaction never
 * delays reminders; the scheduler runs it right after a sweep, in the same turn.
 */
import { factsIndexOf } from '../store/indexed-store.js';
import type { Store } from '../store/store.js';

export interface CompactLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

/** True when a compaction ran. Never throws: a failure is logged and tried again next time. */
export async function compactIndexIfDue(store: Store, log?: CompactLogger): Promise<boolean> {
  const indexed = factsIndexOf(store);
  if (!indexed) return false;
  try {
    const done = await indexed.log.compactIfDue();
    if (done) log?.info({ stream: indexed.log.stream }, 'facts index compacted');
    return done;
  } catch (err) {
    log?.warn({ error: err instanceof Error ? err.name : 'Error' }, 'facts index compaction failed; the log is kept and tried again later');
    return false;
  }
}
