/**
 * What answers an intent for this person: help, the command whose own words the message was, or
 * the first command that answers the intent and accepts the message. Another role's intent
 * ("remind ava" from a student) is told whose it is, instead of guessing a job.
 */
import type { Understanding } from '../domain/understanding/intent-types.js';
import type { Command, CommandInput } from './command.js';
import { mayUse } from './command-access.js';
import type { EngineDeps } from './engine-deps.js';
import { say } from './engine-words.js';
import { commandsForIntent } from './intent-routing.js';
import type { TurnWork } from './turn-work.js';

export interface IntentRunners {
  commands: readonly Command[];
  understanding: EngineDeps['understanding'];
  help(work: TurnWork): Promise<void>;
  runCommand(work: TurnWork, id: string, input: CommandInput): Promise<void>;
}

/** Runs what answers this intent for this person; false when nothing here answers it. */
export async function answerIntent(work: TurnWork, meant: Understanding, text: string, r: IntentRunners): Promise<boolean> {
  if (meant.intent === 'help') {
    await r.help(work);
    return true;
  }
  // A command's own words ran it as such ("what is a career cluster?"); an intent goes to the command that answers it.
  if (meant.command !== undefined) {
    await r.runCommand(work, meant.command, { text });
    return true;
  }
  // The commands that answer this intent for this person, in turn: the first that accepts the message answers it.
  const answering = commandsForIntent(r.commands, work.profile?.role, meant.intent);
  const handler = answering.find((c) => !c.accepts || c.accepts(text, meant.intent, work.ctx));
  if (handler) {
    await r.runCommand(work, handler.id, { text, intent: meant.intent });
    return true;
  }
  if (answering.length > 0) return false;
  const def = r.understanding?.messages.intent(meant.intent);
  const theirs = work.profile && def ? def.roles.includes(work.profile.role) : true;
  const forOthers = theirs ? undefined : r.commands.find((c) => c.roles && c.intents?.includes(meant.intent) && !mayUse(work.profile?.role, c));
  if (!forOthers) return false;
  work.replies.push(say.forOthers(forOthers.roles!));
  if (work.session.pending) work.replies.push(work.session.pending);
  return true;
}
