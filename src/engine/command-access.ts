import type { Role } from '../domain/profile.js';
import type { Command, TextFallback } from './command.js';
import { say } from './engine-words.js';
import { commandWords } from './read-input.js';

/**
 * Which commands someone may use, see in help and see in the menu, by their role (undefined before
 * they have a profile). One place, so help, the menu and typed commands always agree.
 */
export function mayUse(role: Role | undefined, c: Command): boolean {
  if (!c.roles) return true;
  return role === undefined ? c.beforeProfile === true : c.roles.includes(role);
}

/** The help lines for this person: commands they may use, less those meant for other roles. */
export function helpLines(commands: readonly Command[], role: Role | undefined): string[] {
  const shown = (c: Command) => !c.helpFor || (role !== undefined && c.helpFor.includes(role));
  return commands.filter((c) => c.help && mayUse(role, c) && shown(c)).map((c) => c.help!);
}

/** The menu's choices for this person. */
export function menuChoices(commands: readonly Command[], role: Role | undefined): { id: string; label: string }[] {
  return commands.filter((c) => c.menuLabel && mayUse(role, c)).map((c) => ({ id: c.id, label: c.menuLabel! }));
}

/**
 * A fallback for words that name a command meant for other roles ("caseload" from a student):
 * says who it is for, instead of reading the words as a job. Put it after the fallbacks that
 * answer such words for this role (a family question) and before the job matcher.
 */
export function forOtherRoles(commands: readonly Command[]): TextFallback {
  return async (ctx, typed) => {
    const role = ctx.profile()?.role;
    if (role === undefined) return false;
    const words = commandWords(typed);
    const other = commands.find((c) => c.roles && !mayUse(role, c) && c.matches(words));
    if (!other) return false;
    ctx.say(say.forOthers(other.roles!));
    return true;
  };
}
