/** What the Slack and Teams benches share: who takes part, how many rounds, in which order. */
import type { QuestionReply } from '../src/domain/messages.js';
import type { TurnHandler } from '../src/engine/turn-handler.js';

/** Students in the run; each gets WARM_UP_PASSES + ROUNDS x count / USERS answers and stays inside the interest questions. */
export const USERS = 400;
/**
 * Passes over every student before measuring, for each app: a server runs for hours, so the JIT
 * and the heap are measured settled, not still warming up. Each pass is one more answer per
 * student; with ROUNDS below they stay inside the interest questions.
 */
export const WARM_UP_PASSES = 3;
/** The Slack bench's five apps in balanced orders take ten rounds (see ORDERS); the Teams bench runs six apps (its own orders and rounds). */
export const ROUNDS = 10;
/** Waypoint with its real engine should handle at least this share of the bare app's rate. */
export const TARGET = 0.8;

/**
 * Run orders for `n` apps, one per round (a Williams design): each app runs in each place equally
 * often and right after each other app equally often, so none keeps paying for the garbage of the
 * one before it. An odd `n` needs 2n rows, an even one n.
 */
export function balancedOrders(n: number): number[][] {
  const first: number[] = [];
  for (let i = 0, lo = 0, hi = n - 1; i < n; i++) first.push(i % 2 === 0 ? lo++ : hi--);
  const rows = Array.from({ length: n }, (_, r) => first.map((a) => (a + r) % n));
  return n % 2 === 0 ? rows : [...rows, ...rows.map((row) => [...row].reverse())];
}

/** Orders of the Slack bench's five apps. */
export const ORDERS = balancedOrders(5);

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

/** The kind of question the engine sends mid-way through the interest questions, for the stand-ins. */
export const BENCH_QUESTION: QuestionReply = {
  kind: 'question',
  questionId: 'interest:fix-engines',
  text: 'Would you like to fix car or truck engines?',
  choices: [
    { id: 'yes', label: 'Yes' },
    { id: 'maybe', label: 'Maybe' },
    { id: 'no', label: 'No' },
  ],
  progress: { index: 7, total: 15 },
};
