/**
 * When nothing understood a message and no question is waiting: one short line and three things
 * this person can say (CONVERSATION.md). Families and counselors never get job suggestions they
 * did not ask for; after two in a row, the way out is named too.
 */
import { text, type Reply } from '../../domain/messages.js';
import type { TurnContext } from '../../engine/command.js';

/** Three things each role can say, used wherever Waypoint shows the way on. */
export const ROLE_EXAMPLES = {
  student: ['explore', 'how much do nurses make?', 'show my plan'],
  family: ["what's due this year", 'show the plan', 'what is FAFSA?'],
  counselor: ['caseload', 'who is overdue', 'new class code'],
  none: ['hi', 'help', 'about'],
} as const;

export function roleFallback(ctx: TurnContext): Reply[] {
  const role = ctx.profile()?.role ?? 'none';
  const [a, b, c] = ROLE_EXAMPLES[role];
  return [text(`Sorry, I didn't catch that. You can say things like "${a}", "${b}" or "${c}". Type help for everything I can do.`)];
}
