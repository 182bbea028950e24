/**
 * The words that ask for each plan command. Each gets the engine's command words: lower case, no
 * punctuation ("Show my plan!" -> "show my plan").
 */
import { parseGrade } from '../../domain/plan/index.js';

const PLAN = /^(plan|plans|my plan|the plan|my plan of study|plan of study|personal plan of study|(make|draft|build|create|start|write|do) (me )?(a |my )?(plan|plan of study|personal plan of study)|(show|see|view|open|display) (me )?(my |the )?(whole |full )?(plan|plan of study)|whats in my plan|what is in my plan)$/;
const CHECK = /^(check|check (my |the )?(plan|plan of study)|is my plan (ok|okay|good|right|complete)|am i on track( to graduate)?|will i graduate|can i graduate|graduation check|check (my )?graduation)$/;
const REVIEW = /^(review|review (my |the )?(plan|plan of study)|(start|do|begin) (my |a )?(plan )?review|plan review|my review|check in on my plan)$/;
// "terminar revisión" / "guardar la revisión": the Spanish words for finishing a review.
const FINISH_REVIEW = /^(finish|end|done|complete|save) (my |the )?review|^(im |i am )?done reviewing$|^finish reviewing$|^(terminar|termina|guardar|guarda) (la |mi )?revisi[oó]n$/;
const EXPORT = /^((export|download|print|save|send|email|get)( me)? (my |the |a )?(plan|plan of study|pdf|csv|copy of my plan)( as (a )?(pdf|csv|file|spreadsheet))?|export|download|pdf( of my plan)?|print my plan)$/;
// "deshacer" / "deshaz eso": the Spanish words for undo (command words keep accents).
const UNDO = /^(undo|undo (that|it|the last change|my last change)|take (that|it) back|deshacer|deshaz|desh[aá]zlo|deshaz eso|deshacer (eso|el [uú]ltimo cambio|mi [uú]ltimo cambio))$/;
const SHOW_GRADE_LEAD = /^(show|see|view|open)( me)?( my| the)?\s+(.+)$/;

export const isPlanWords = (w: string) => PLAN.test(w);
export const isCheckWords = (w: string) => CHECK.test(w);
export const isReviewWords = (w: string) => REVIEW.test(w);
export const isFinishReviewWords = (w: string) => FINISH_REVIEW.test(w);
export const isExportWords = (w: string) => EXPORT.test(w);
export const isUndoWords = (w: string) => UNDO.test(w);

/** "after high school", "college", "my college years": both years after high school, not one. */
const AFTER_HIGH_SCHOOL = /^(my |the )?(years? )?(after high school|after hs|post ?secondary|out of high school|college( years)?)( years?)?$/;

/**
 * The years asked for: [10] for "show 10th grade", [13, 14] for "show after high school" or
 * "what am i taking in college"; undefined when the words are not that.
 */
export function gradesAskedFor(words: string): number[] | undefined {
  const one = gradeAskedFor(words);
  if (one !== undefined) return [one];
  const rest = askedRest(words);
  return rest !== undefined && AFTER_HIGH_SCHOOL.test(rest) ? [13, 14] : undefined;
}

/**
 * The grade asked for by "show 10th grade", "show me my junior year", "show grade 9", "what am i
 * taking in 11th grade", "10th grade plan"; undefined when the words are not that.
 */
export function gradeAskedFor(words: string): number | undefined {
  const rest = askedRest(words);
  if (rest === undefined) return undefined;
  const looksLikeGrade =
    /^(my |the )?((grade )?\d{1,2}(st|nd|rd|th)?|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|freshman|sophomore|junior|senior)( grade| year)?$/.test(rest) ||
    /^(the )?(first|1st|second|2nd) year (after|out of) high school$/.test(rest);
  return looksLikeGrade ? parseGrade(rest) : undefined;
}

/** What comes after "show", "what am i taking in" or before "plan": "10th grade", "after high school". */
function askedRest(words: string): string | undefined {
  let rest: string | undefined;
  const lead = words.match(SHOW_GRADE_LEAD);
  if (lead) rest = lead[4];
  const taking = words.match(/^what (am i|will i be|do i) (taking|take|doing|do)( in| after)? (.+)$/);
  if (taking) rest = taking[3] === ' after' ? `after ${taking[4]}` : taking[4];
  const plan = words.match(/^(my )?(.+?) (plan|classes|courses)$/);
  if (!rest && plan) rest = plan[2];
  if (!rest) return undefined;
  return rest.replace(/\s+(plan|classes|courses)$/, '').replace(/^(in|for)\s+/, '').trim();
}
