/** What the engine is built from: records, flows, commands, effects and the understanding step. */
import type { Logger } from 'pino';
import type { Reply } from '../domain/messages.js';
import type { AnswerWords } from '../domain/answer-words.js';
import type { MessageUnderstanding } from '../domain/understanding/understand-message.js';
import type { Effect } from '../../flows/flow-protocol.js';
import type { Records } from '../store/records.js';
import type { Command, TextFallback, TurnContext } from './command.js';
import type { FlowDefinition } from './flow-runner.js';
import type { LanguageDeps } from './turn-language.js';
import type { TurnScope } from './turn-scope.js';

export type EffectHandler = (ctx: TurnContext, effect: Effect) => Promise<void>;

export interface EngineDeps {
  records: Records;
  flows: FlowDefinition[];
  commands: Command[];
  effects: Partial<Record<Effect['kind'], EffectHandler>>;
  fallbacks?: TextFallback[];
  /**
   * Readers of text a conversation is waiting for outside a flow (a typed goal, "done" in a plan
   * review, a plan change): tried after a safety check and before intents.
   */
  textReaders?: TextFallback[];
  /**
   * The understanding step: the ways people answer a waiting question, and the trained intent
   * classifier. Without it only commands' own words and the fallbacks read typed text.
   */
  understanding?: { answerWords: AnswerWords; messages: MessageUnderstanding };
  /** Said when nothing understood the text and no question is waiting: one line, three examples for this role. */
  notUnderstood?: (ctx: TurnContext) => Reply[];
  /** Choosing the language of each turn; without it every turn is English. */
  language?: LanguageDeps;
  now?: () => Date;
  logger?: Logger;
  /** How each turn is applied among processes sharing the store; default: what the records' store offers (turn-scope.ts). */
  turns?: TurnScope;
}
