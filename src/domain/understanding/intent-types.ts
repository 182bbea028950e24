import type { Role } from '../profile.js';

/** Who is talking: a role, or 'none' for someone who has not said who they are yet. */
export type Speaker = Role | 'none';

/** One thing people may mean (data/understanding/intents.json). */
export interface IntentDef {
  id: string;
  /** When several intents fit a message, the higher priority wins (not the order of a list). */
  priority: number;
  /** Who the intent is for. */
  roles: Speaker[];
  /** A question with a plain answer, answered even in a first message, before we know who is asking. */
  beforeWeMeet?: boolean;
}

/** Utterances per intent id (data/understanding/corpus-<lang>.json). */
export type IntentCorpus = Record<string, string[]>;

/** A classifier's or a command's reading of a message. */
export interface IntentGuess {
  intent: string;
  score: number;
}

/** What the understanding step decided a message means. */
export interface Understanding {
  intent: string;
  score: number;
  /** Where the reading came from: a command's own words, the trained classifier, or a phrase that means danger. */
  by: 'command-words' | 'classifier' | 'danger-phrase';
  /** When a command's own words matched: that command. */
  command?: string;
}

/** A command whose own words matched the message, and the intent it answers (for its priority). */
export interface CommandWords {
  command: string;
  intent?: string;
}

/** The id of the intent that means "none of the others". */
export const NO_INTENT = 'none';
