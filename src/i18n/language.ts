/**
 * The language of the turn being handled. Set once per turn by the engine (the person's choice,
 * or what their first messages were written in) and per recipient by whoever sends a reminder or
 * a notice, so every word said in that turn comes from that language's catalog without each
 * builder being handed it. AsyncLocalStorage keeps two people's turns running at once apart.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

const current = new AsyncLocalStorage<Language>();

/** Runs `work` with every `t()` inside it (awaited or not) speaking `language`. */
export function withLanguage<T>(language: Language, work: () => T): T {
  return current.run(language, work);
}

/** The language of the turn being handled; English outside any turn. */
export function currentLanguage(): Language {
  return current.getStore() ?? DEFAULT_LANGUAGE;
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
