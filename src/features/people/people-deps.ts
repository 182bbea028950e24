/** What the people features (links, codes, access) need from the wiring. */
import type { RandomInt } from '../../domain/codes.js';
import type { ProactiveSender } from '../../domain/messages.js';
import type { DenialLogger } from './links.js';

export interface PeopleDeps {
  /** crypto.randomInt in the app; a fixed sequence in tests. */
  randomInt: RandomInt;
  /** Proactive senders of the channels in this process (to tell a student about a new link). */
  senders: readonly ProactiveSender[];
  logger?: DenialLogger & { info(obj: object, msg: string): void };
}
