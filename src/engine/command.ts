import type { Reply, Turn } from '../domain/messages.js';
import type { Profile, Role } from '../domain/profile.js';
import type { Records } from '../store/records.js';
import type { FlowEvent } from '../../flows/flow-protocol.js';

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
  /**
   * Starts a flow in place of the current one; its first question is said this turn. With
   * `keepCurrent`, the current flow waits and comes back (its question asked again) when this one ends.
   */
  startFlow(flowId: string, input: unknown, options?: { keepCurrent?: boolean }): Promise<void>;
  /** Sends an event to the active flow; true when the flow answered it (said or did something, or ended). */
  sendToFlow(event: FlowEvent): Promise<boolean>;
  /** Runs another command by id (e.g. a menu choice). */
  runCommand(commandId: string): Promise<void>;
  /** Id of the flow the user is in, if any. */
  activeFlow(): string | undefined;
  /** Asks the active flow's last question again (after a side trip); false when there is none. */
  resumeFlow(): boolean;
  /** Ends the active flow without its last question (what it was asking has been settled another way). */
  endFlow(): void;
  /** Says the menu of what this person can do, after a greeting line ("Hi again!"). */
  showMenu(greeting: string): Promise<void>;
  /** This turn does not ask the waiting question again at its end (a goodbye, a safety answer). */
  leaveQuestion(): void;
  /** The job the conversation was last about (within the last few minutes), for "how much do they make?". */
  topic(): string | undefined;
  setTopic(occupationId: string): void;
  /** Whether a question is waiting for an answer. */
  hasPendingQuestion(): boolean;
  /** Id of the question waiting for an answer (the last one asked), if any. */
  pendingQuestionId(): string | undefined;
  /** Id of the question the active flow last asked (what resumeFlow would ask again), if any. */
  flowQuestionId(): string | undefined;
  /** "question 7": where the active flow's last question is in its list, if it has a place. */
  flowQuestionNumber(): number | undefined;
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
  /** Whether typed text (lower-cased, trimmed, punctuation removed) asks for this command in its own words. */
  matches(text: string): boolean;
  /**
   * The intents (data/understanding/intents.json) this command answers: the understanding step
   * routes a message here when it means one of them. The first is also what the command's own
   * words mean when they match.
   */
  intents?: string[];
  /** What the command's own words mean, when it is not the first of `intents` ("what is a career cluster?" is a glossary question). */
  intentOf?(words: string): string | undefined;
  /**
   * Whether this message, read as one of `intents`, has what the command needs (a job question
   * that names a job). When false, the message goes on to the fallbacks as if not understood.
   */
  accepts?(text: string, intent: string, ctx: TurnContext): boolean;
  /**
   * Also read on someone's very first message, before the greeting (a family member whose first
   * message is the code their student gave them). Other first messages get the greeting.
   */
  onFirstContact?: boolean;
  /** Button question ids this command answers when pressed outside the current question. */
  questionIds?: string[];
  run(ctx: TurnContext, input: CommandInput): Promise<void>;
}

/** What a command is run with: the typed text and what it was understood to mean, or a pressed button. */
export interface CommandInput {
  text?: string;
  choiceId?: string;
  questionId?: string;
  /** The intent the understanding step read in the text, when it routed the message here. */
  intent?: string;
}

/** A last resort for free text that is neither an answer nor a command (e.g. "I want to be a vet"). Returns true when it answered. */
export type TextFallback = (ctx: TurnContext, text: string) => Promise<boolean>;
