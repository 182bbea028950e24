import type { Reply, Turn } from '../domain/messages.js';
import type { Profile, Role } from '../domain/profile.js';
import type { Records } from '../store/records.js';

/** What a command (or an effect handler) can see and do during one turn. */
export interface TurnContext {
  turn: Turn;
  userKey: string;
  now: Date;
  records: Records;
  /** The user's profile, as of now (effects may have updated it this turn). */
  profile(): Profile | undefined;
  setProfile(p: Profile): Promise<void>;
  say(...replies: Reply[]): void;
  /** Starts a flow in place of the current one; its first question is said this turn. */
  startFlow(flowId: string, input: unknown): Promise<void>;
  /** Runs another command by id (e.g. a menu choice). */
  runCommand(commandId: string): Promise<void>;
  /** Id of the flow the user is in, if any. */
  activeFlow(): string | undefined;
  /** Asks the active flow's last question again (after a side trip); false when there is none. */
  resumeFlow(): boolean;
  /** Ends the active flow without its last question (what it was asking has been settled another way). */
  endFlow(): void;
  /** Whether a question is waiting for an answer. */
  hasPendingQuestion(): boolean;
  /** Id of the question waiting for an answer (the last one asked), if any. */
  pendingQuestionId(): string | undefined;
  /** Id of the question the active flow last asked (what resumeFlow would ask again), if any. */
  flowQuestionId(): string | undefined;
}

/**
 * A one-step thing someone can ask for anywhere ("explore", "show my plan", "what's due"). Commands
 * may answer directly or start a flow. Features register their commands at wiring time.
 */
export interface Command {
  id: string;
  /** Label in the menu; omitted = not in the menu. */
  menuLabel?: string;
  /** One line for help. */
  help?: string;
  /** Who sees the help line, when fewer than can use the command (default: everyone who can). */
  helpFor?: Role[];
  /** Roles that may use it; omitted = everyone with a profile. */
  roles?: Role[];
  /** With `roles`: also usable by someone who has not said who they are yet (in the middle of onboarding). */
  beforeProfile?: boolean;
  /** Whether typed text (lower-cased, trimmed, punctuation removed) asks for this command. */
  matches(text: string): boolean;
  /**
   * Also read on someone's very first message, before the greeting (a family member whose first
   * message is the code their student gave them). Other first messages get the greeting.
   */
  onFirstContact?: boolean;
  /** Button question ids this command answers when pressed outside the current question. */
  questionIds?: string[];
  run(ctx: TurnContext, input: { text?: string; choiceId?: string; questionId?: string }): Promise<void>;
}

/** A last resort for free text that is neither an answer nor a command (e.g. "I want to be a vet"). Returns true when it answered. */
export type TextFallback = (ctx: TurnContext, text: string) => Promise<boolean>;
