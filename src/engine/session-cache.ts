import type { Session } from './session.js';

/**
 * The sessions of recently active conversations, kept parsed in memory. Only the engine writes
 * sessions, and it applies one conversation's turns one at a time, so within one process the copy
 * here is always the stored one: a student answering question after question is not read back from
 * disk each turn. A turn works on a copy and the cache takes the new session only after the store
 * has written it, so a failed turn leaves the cache as the store is. Bounded (least recently used
 * goes first) so memory does not grow with the number of students.
 */
export class SessionCache {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly limit = 2000) {}

  /** A copy the turn may change freely. */
  get(userKey: string): Session | undefined {
    const s = this.sessions.get(userKey);
    if (!s) return undefined;
    this.sessions.delete(userKey);
    this.sessions.set(userKey, s);
    return structuredCloneSession(s);
  }

  /** Call after the store has written `session`; the cache keeps it as it was written. */
  written(session: Session): void {
    this.sessions.delete(session.userKey);
    this.sessions.set(session.userKey, session);
    if (this.sessions.size > this.limit) this.sessions.delete(this.sessions.keys().next().value as string);
  }

  forget(userKey: string): void {
    this.sessions.delete(userKey);
  }
}

/**
 * A session's top level copied, with a fresh `recent` list: the engine replaces (never edits in
 * place) `active`, `pending`, `flowQuestion` and the entries of `recent`, so the stored objects
 * under them can be shared.
 */
function structuredCloneSession(s: Session): Session {
  return { ...s, recent: [...s.recent] };
}
