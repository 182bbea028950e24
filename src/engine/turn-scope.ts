/**
 * How a turn is scoped among the processes sharing a store. The engine runs each turn through
 * `run(userKey, work)`; the reply outbox claims through `run('reply-outbox:…')`; the scheduler runs
 * a sweep through `alone(name, work)`.
 *
 * One process on a lowdb folder (or memory): nothing to do, the engine's ConversationQueue already
 * applies one user's turns one at a time. A PostgreSQL store shared by several replicas
 * (src/store/postgres-transactions.ts): each run is one transaction holding the key's lock, so one
 * user's turns are applied one at a time, in order, whichever replica receives them, and a replica
 * that dies mid-turn leaves nothing half applied.
 */
import type { Store } from '../store/store.js';

export interface TurnScope {
  /** Other processes write the same store: nothing read from it may be kept in memory between turns. */
  readonly shared: boolean;
  /** Runs work on one key (a user's turn): one at a time per key across every process, all or nothing. */
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
  /** Runs work unless another process is running the job `name` right now; false when it did not run. */
  alone(name: string, work: () => Promise<void>): Promise<boolean>;
}

/** One process owns the store: work runs as it is. */
export const IN_PROCESS: TurnScope = {
  shared: false,
  run: (_key, work) => work(),
  alone: async (_name, work) => {
    await work();
    return true;
  },
};

type Offering = { turnScope?: () => TurnScope; inner?: Offering };

/** The scope a store offers (PostgreSQL, also under the facts index), else IN_PROCESS. */
export function turnScopeOf(store: Store): TurnScope {
  const s = store as Offering;
  return s.turnScope?.() ?? s.inner?.turnScope?.() ?? IN_PROCESS;
}
