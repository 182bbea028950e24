/**
 * The pieces of the understanding step that read commands and flows, shared by the engine and the
 * understanding eval so both read a message the same way.
 */
import type { Role } from '../domain/profile.js';
import type { CommandWords } from '../domain/understanding/intent-types.js';
import type { Command } from './command.js';
import { mayUse } from './command-access.js';
import type { ActiveFlow } from './flow-runner.js';

/** The commands this person may use whose own words the message is, with what those words mean. */
export function commandWordsOf(commands: readonly Command[], role: Role | undefined, words: string): CommandWords[] {
  const out: CommandWords[] = [];
  for (const c of commands) {
    if (!mayUse(role, c) || !c.matches(words)) continue;
    const intent = c.intentOf?.(words) ?? c.intents?.[0];
    out.push({ command: c.id, ...(intent ? { intent } : {}) });
  }
  return out;
}

/** The commands that answer an intent for this person, in order (the first that accepts the message answers it). */
export function commandsForIntent(commands: readonly Command[], role: Role | undefined, intent: string): Command[] {
  return commands.filter((c) => mayUse(role, c) && c.intents?.includes(intent));
}

/** Whether a flow is still in the same state after a step (it did not take the text as an answer). */
export function stayedPut(before: ActiveFlow | undefined, after: ActiveFlow | undefined): boolean {
  if (!before || !after || before.flow !== after.flow) return false;
  const value = (a: ActiveFlow) => JSON.stringify((a.snapshot as { value?: unknown } | undefined)?.value ?? null);
  return value(before) === value(after);
}
