import type { Reply, Turn } from '../domain/messages.js';
import type { Language } from '../i18n/language.js';

export interface TurnResult {
  replies: Reply[];
  /**
   * True when this messageId was already handled: `replies` are the recorded ones and nothing was
   * applied again. A channel that already delivered them (platform redelivery) sends nothing.
   */
  duplicate: boolean;
  /**
   * True when the turn was a button press on a question the conversation has moved past: it was
   * skipped, not taken as an answer (a channel closes that question without claiming the choice).
   */
  stale?: boolean;
  /** The language the turn was answered in ("es"), so a channel's own words around the replies match. */
  language?: Language;
}

/**
 * What a channel talks to: one Turn in, the Replies to show out. The engine implements it; turns of
 * one conversation are applied one at a time, in order, and a repeated messageId is answered from
 * the record without being applied again.
 */
export interface TurnHandler {
  handle(turn: Turn): Promise<TurnResult>;
}
