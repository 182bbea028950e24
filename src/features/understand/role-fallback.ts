/**
 * When nothing understood a message and no question is waiting: one short line and three things
 * this person can say (CONVERSATION.md). Families and counselors never get job suggestions they
 * did not ask for; after two in a row, the way out is named too.
 */
import { text, type Reply } from '../../domain/messages.js';
import type { Role } from '../../domain/profile.js';
import type { TurnContext } from '../../engine/command.js';
import { t } from '../../i18n/t.js';

/** Three things this role can say, in the turn's language, used wherever Waypoint shows the way on. */
export function roleExamples(role: Role | 'none'): [string, string, string] {
  return [t(`understand.examples.${role}.a`), t(`understand.examples.${role}.b`), t(`understand.examples.${role}.c`)];
}

export function roleFallback(ctx: TurnContext): Reply[] {
  const role = ctx.profile()?.role ?? 'none';
  const [a, b, c] = roleExamples(role);
  return [text(t(role === 'student' || role === 'none' ? 'understand.notCaughtStudent' : 'understand.notCaught', { a, b, c }))];
}
