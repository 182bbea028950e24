import type { Role } from '../domain/profile.js';
import type { Command } from './command.js';

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
