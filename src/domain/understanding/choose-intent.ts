/**
 * Which intent a message means, from the classifier's scores and the commands whose own words
 * matched it. Several may fit ("wait can i be a vet" reads as an interest and as a job question);
 * the one with the higher priority in data/understanding/intents.json wins, never the first of a
 * list. Pure.
 */
import { NO_INTENT, type CommandWords, type IntentDef, type IntentGuess, type Understanding } from './intent-types.js';

/** The classifier's best guess must reach this score for the message to count as understood. */
export const CONFIDENT = 0.5;
/** Other guesses at or above this score, and this share of the best one, compete with it by priority. */
export const CANDIDATE = 0.3;
export const CANDIDATE_SHARE = 0.6;
/** Safety first: a distress reading this strong wins even when another reading is stronger. */
export const DISTRESS_FLOOR = 0.5;
export const DISTRESS = 'distress';

export function chooseIntent(
  guesses: readonly IntentGuess[],
  commandWords: readonly CommandWords[],
  intents: ReadonlyMap<string, IntentDef>,
): Understanding | undefined {
  const priority = (id: string) => intents.get(id)?.priority ?? 0;
  if (commandWords.length > 0) {
    const best = [...commandWords].sort((a, b) => priority(b.intent ?? '') - priority(a.intent ?? ''))[0]!;
    return { intent: best.intent ?? `command:${best.command}`, command: best.command, score: 1, by: 'command-words' };
  }
  // A command's own words ("about", "plan") are exact phrases: they never mean danger, whatever a model guesses for one word.
  const distress = guesses.find((g) => g.intent === DISTRESS);
  if (distress && distress.score >= DISTRESS_FLOOR) return { intent: DISTRESS, score: distress.score, by: 'classifier' };
  // A close call between danger and anything else ("i feel really bad and dont want to go on" read
  // almost as much as rudeness) is answered with care: a kind answer to the wrong reading costs little.
  const best = guesses[0];
  if (distress && best && distress.score >= CANDIDATE && distress.score >= best.score * CANDIDATE_SHARE) return { intent: DISTRESS, score: distress.score, by: 'classifier' };
  const top = guesses[0];
  // Nothing clear, or clearly none of ours ("pizza", "asdf"): not understood.
  if (!top || top.score < CONFIDENT || top.intent === NO_INTENT) return undefined;
  let chosen = top;
  const floor = Math.max(CANDIDATE, top.score * CANDIDATE_SHARE);
  for (const g of guesses) {
    if (g.score >= floor && g.intent !== NO_INTENT && priority(g.intent) > priority(chosen.intent)) chosen = g;
  }
  return { intent: chosen.intent, score: chosen.score, by: 'classifier' };
}
