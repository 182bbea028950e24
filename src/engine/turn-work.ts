import type { Reply, Turn } from '../domain/messages.js';
import type { Profile } from '../domain/profile.js';
import type { Records } from '../store/records.js';
import type { TurnContext } from './command.js';
import type { Session } from './session.js';

/** Everything one turn changes, gathered before the single session write. */
export interface TurnWork {
  ctx: TurnContext;
  session: Session;
  replies: Reply[];
  profile?: Profile;
  pendingCommands: string[];
  /** A press on a question that is no longer waiting was skipped. */
  stale?: boolean;
}

/** What the context's flow and command calls go back to (the engine). */
export interface TurnDriver {
  startFlow(work: TurnWork, flowId: string, input: unknown): Promise<void>;
  runCommand(work: TurnWork, commandId: string): Promise<void>;
}

/** A turn's work and the context that commands and effect handlers see of it. */
export function beginTurn(
  turn: Turn,
  at: { userKey: string; now: Date; records: Records; session: Session; profile: Profile | undefined },
  driver: TurnDriver,
): TurnWork {
  const { session, records } = at;
  const work = { session, replies: [] as Reply[], profile: at.profile, pendingCommands: [] as string[] } as TurnWork;
  work.ctx = {
    turn,
    userKey: at.userKey,
    now: at.now,
    records,
    profile: () => work.profile,
    setProfile: async (p) => {
      work.profile = p;
      await records.saveProfile(p);
    },
    say: (...r) => work.replies.push(...r),
    startFlow: (id, input) => driver.startFlow(work, id, input),
    runCommand: (id) => driver.runCommand(work, id),
    activeFlow: () => work.session.active?.flow,
    resumeFlow: () => {
      const q = work.session.flowQuestion;
      if (!work.session.active || !q) return false;
      work.replies.push(q);
      return true;
    },
    endFlow: () => {
      work.session.active = undefined;
      work.session.flowQuestion = undefined;
      work.session.pending = undefined;
    },
    hasPendingQuestion: () => work.session.pending !== undefined,
    pendingQuestionId: () => work.session.pending?.questionId,
    flowQuestionId: () => (work.session.active ? work.session.flowQuestion?.questionId : undefined),
  };
  return work;
}
