/** What the Slack and Teams benches share: who takes part, how many rounds, in which order. */
import type { TurnHandler } from '../src/engine/turn-handler.js';

/** Students in the run; each gets 1 + ROUNDS x count / USERS answers and stays inside the interest questions. */
export const USERS = 400;
export const ROUNDS = 8;
/** Waypoint with its real engine should handle at least this share of the bare app's rate. */
export const TARGET = 0.8;
/**
 * Run order of the four apps per round (a Williams square): each app runs in each place once, and
 * right after each other app once, so none keeps paying for the garbage of the one before it.
 */
export const ORDERS = [
  [0, 1, 3, 2],
  [1, 2, 0, 3],
  [2, 3, 1, 0],
  [3, 0, 2, 1],
];

/** Brings every bench student to the first interest question, as a real chat would have. */
export async function seedStudents(
  engine: TurnHandler,
  channel: string,
  idsOf: (u: number) => { userId: string; conversationId: string },
): Promise<void> {
  for (let u = 0; u < USERS; u++) {
    const { userId, conversationId } = idsOf(u);
    for (const [k, text] of ['hi', 'student', '9'].entries()) {
      await engine.handle({ channel, userId, conversationId, messageId: `seed-${u}-${k}`, text, receivedAt: new Date().toISOString() });
    }
  }
}
