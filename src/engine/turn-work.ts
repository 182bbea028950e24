import type { Reply, Turn } from '../domain/messages.js';
import type { Profile } from '../domain/profile.js';
import type { Records } from '../store/records.js';
import type { TurnContext } from './command.js';
import type { Session } from './session.js';
import type { FlowEvent } from '../../flows/flow-protocol.js';

/** Everything one turn changes, gathered before the single session write. */
export interface TurnWork {
  ctx: TurnContext;
  session: Session;
  replies: Reply[];
  profile?: Profile;
  pendingCommands: string[];
  /** A press on a question that is no longer waiting was skipped. */
  stale?: boolean;
  /** The waiting question is not asked again at the end of this turn. */
  leaveQuestion?: boolean;
}

/** What the context's flow and command calls go back to (the engine). */
export interface TurnDriver {
  startFlow(work: TurnWork, flowId: string, input: unknown, keepCurrent: boolean): Promise<void>;
  sendToFlow(work: TurnWork, event: FlowEvent): Promise<boolean>;
  runCommand(work: TurnWork, commandId: string): Promise<void>;
  showMenu(work: TurnWork, greeting: string): void;
}

/** How long "they" in a question still means the job talked about last. */
const TOPIC_MINUTES = 30;

/** A turn's work and the context that commands and effect handlers see of it. */
export function beginTurn(
  turn: Turn,
  at: { userKey: string; now: Date; records: Records; session: Session; profile: Profile | undefined },
  driver: TurnDriver,
): TurnWork {
  const work = { session: at.session, replies: [] as Reply[], profile: at.profile, pendingCommands: [] as string[] } as TurnWork;
  work.ctx = new WorkContext(turn, at.userKey, at.now, at.records, work, driver);
  return work;
}

/** The TurnContext over one turn's work (methods, not per-turn closures: one object per turn). */
class WorkContext implements TurnContext {
  constructor(
    readonly turn: Turn,
    readonly userKey: string,
    readonly now: Date,
    readonly records: Records,
    private readonly work: TurnWork,
    private readonly driver: TurnDriver,
  ) {}

  profile(): Profile | undefined {
    return this.work.profile;
  }

  async setProfile(p: Profile): Promise<void> {
    this.work.profile = p;
    await this.records.saveProfile(p);
  }

  say(...replies: Reply[]): void {
    this.work.replies.push(...replies);
  }

  startFlow(flowId: string, input: unknown, options?: { keepCurrent?: boolean }): Promise<void> {
    return this.driver.startFlow(this.work, flowId, input, options?.keepCurrent ?? false);
  }

  sendToFlow(event: FlowEvent): Promise<boolean> {
    return this.driver.sendToFlow(this.work, event);
  }

  runCommand(commandId: string): Promise<void> {
    return this.driver.runCommand(this.work, commandId);
  }

  async showMenu(greeting: string): Promise<void> {
    this.driver.showMenu(this.work, greeting);
  }

  topic(): string | undefined {
    const t = this.work.session.topic;
    return t && this.now.getTime() - Date.parse(t.at) < TOPIC_MINUTES * 60_000 ? t.occupationId : undefined;
  }

  setTopic(occupationId: string): void {
    this.work.session.topic = { occupationId, at: this.now.toISOString() };
  }

  leaveQuestion(): void {
    this.work.leaveQuestion = true;
  }

  activeFlow(): string | undefined {
    return this.work.session.active?.flow;
  }

  resumeFlow(): boolean {
    const q = this.work.session.flowQuestion;
    if (!this.work.session.active || !q) return false;
    this.work.replies.push(q);
    return true;
  }

  endFlow(): void {
    const { session } = this.work;
    session.active = undefined;
    session.flowQuestion = undefined;
    session.pending = undefined;
    session.aside = undefined;
  }

  hasPendingQuestion(): boolean {
    return this.work.session.pending !== undefined;
  }

  pendingQuestionId(): string | undefined {
    return this.work.session.pending?.questionId;
  }

  flowQuestionNumber(): number | undefined {
    return this.work.session.active ? this.work.session.flowQuestion?.progress?.index : undefined;
  }

  flowQuestionId(): string | undefined {
    return this.work.session.active ? this.work.session.flowQuestion?.questionId : undefined;
  }
}
