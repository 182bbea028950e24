/**
 * What a student types while a plan review or a typed goal is waiting: "done" / "that's all"
 * finishes a review; anything else that is not another kind of plan change is the goal itself.
 */
import { cleanText, MAX_GOAL_LENGTH } from './clean-text.js';
import { parsePlanChange } from './parse-plan-change.js';

/** Lower-case words only: "That's all!" -> "thats all". */
function words(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** "I'm finished" while a review waits for changes ("done", "that's all", "looks good"). */
const DONE_WORDS =
  /^(ok(ay)? )?(done|im done|i am done|all done|im finished|finished|finish|thats all|thats it|nothing else|no more( changes)?|looks good|all good|its good|its right|good now)( now)?$/;

/** The same in Spanish: "listo", "ya terminé", "eso es todo", "ya está bien". */
const DONE_WORDS_ES = /^(ya )?(listo|lista|termin[eé]|ya termin[eé]|eso es todo|es todo|nada m[aá]s|ningun otro cambio|ning[uú]n otro cambio|est[aá] bien|as[ií] est[aá] bien)( ya)?$/;

export function isReviewDoneWords(text: string): boolean {
  const w = words(text);
  return DONE_WORDS.test(w) || DONE_WORDS_ES.test(w);
}

/**
 * The goal in what was typed after "I'll type my own" ("welding certificate at the career center",
 * "my goal is nursing"); undefined when the text is another plan change ("move Chemistry to 11th").
 */
export function typedGoal(text: string): string | undefined {
  const parsed = parsePlanChange(text);
  if (parsed && parsed.kind !== 'set-goal') return undefined;
  const goal = parsed?.kind === 'set-goal' ? parsed.goal : cleanText(text, MAX_GOAL_LENGTH).replace(/[.!]+$/, '');
  return goal || undefined;
}
