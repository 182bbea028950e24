import type { SessionLanguage } from '../domain/language-choice.js';
import type { QuestionReply, Reply } from '../domain/messages.js';
import type { ActiveFlow } from './flow-runner.js';

/** How many handled message ids a session remembers, to answer platform redeliveries. */
export const RECENT_TURNS = 40;
/** How many of those keep their replies too (redeliveries come within seconds; a session stays small). */
export const RECENT_REPLIES = 3;

/**
 * One user's conversation state. Collection "sessions", id = user key. Written once per turn,
 * together with the id of the message it answered, so a turn is applied exactly once.
 */
export interface Session {
  userKey: string;
  active?: ActiveFlow;
  /** The last question asked, for matching typed answers and asking again. */
  pending?: QuestionReply;
  /** The last question the active flow asked (to come back to it after a side trip). */
  flowQuestion?: QuestionReply;
  /** A flow waiting while a side flow runs (the interest questions while a plan change is confirmed). */
  aside?: { active: ActiveFlow; flowQuestion?: QuestionReply };
  /** The job the conversation was last about, so "how much do they make?" has its subject. */
  topic?: { occupationId: string; at: string };
  /** Unclear answers in a row: at two, the bot mentions help/back/restart/stop. */
  unclear: number;
  /** The language spoken while the person has not chosen one (src/domain/language-choice.ts). */
  language?: SessionLanguage;
  /** Newest last; only the last few keep their replies. */
  recent: { messageId: string; replies?: Reply[] }[];
  updatedAt: string;
}

export function newSession(userKey: string, now: string): Session {
  return { userKey, unclear: 0, recent: [], updatedAt: now };
}

/** Adds a handled message to the record of recent ones, dropping old replies and old ids. */
export function remember(recent: Session['recent'], messageId: string, replies: Reply[]): Session['recent'] {
  const all = [...recent, { messageId, replies }].slice(-RECENT_TURNS);
  return all.map((r, i) => (i < all.length - RECENT_REPLIES && r.replies ? { messageId: r.messageId } : r));
}
