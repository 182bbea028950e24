/**
 * Matching what a family member types ("wil choosing a cluser box my kid in?") to one of the
 * common family questions. MiniSearch does the fuzzy and prefix search over each question's
 * trigger phrases; a match must cover most of the words that carry meaning on both sides, so a
 * job name or a stray word never pulls up an answer.
 */
import MiniSearch from 'minisearch';
import { normalizeWords } from '../match-choice.js';
import type { FamilyQuestion } from './family-questions.js';

/** Words that carry no meaning for telling the questions apart (after apostrophes and accents are dropped), English and Spanish. */
const STOP_WORDS = new Set(
  `a an the and or but of to in on at for with by from as into about so if that this these those there then than
  i im ive id me my mine you your we our us they them their theyre it its he she him her his hes shes
  is am are was were be been being do does did doing done have has had can could would should will shall may might must
  isnt doesnt dont didnt wont cant arent wasnt havent not no
  what whats how when where who which whos
  child childs children kid kids son sons daughter daughters teen teens teenager student students
  just really very also too some any all now yet already still ever
  please thanks thank ok okay hi hey hello
  get go going want wants wanted like likes think know grade grader one job jobs
  de del la las el los lo le les un una unos unas y o pero que como cuando donde quien cual cuanto
  por para con sin en es son esta estan ser estar soy sea mi mis tu tus su sus yo usted ustedes ella ellos
  se te nos hay muy ya tambien todavia hijo hija hijos hijas nino nina ninos ninas chico chica joven
  estudiante quiero quiere puedo puede pueden debe deben tiene tienen tengo hola gracias favor porque si
  grado trabajo trabajos`
    .split(/\s+/)
    .filter(Boolean),
);

/** Folds plurals and -ing/-ed endings so "choosing" meets "choose" and "boxed" meets "box". */
export function foldWord(w: string): string {
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && /(s|x|z|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/** A word as the index and the query see it, or null when it carries no meaning here. */
function processTerm(word: string): string | null {
  const w = word.toLowerCase();
  if (!w || STOP_WORDS.has(w) || /^\d+(st|nd|rd|th)?$/.test(w)) return null;
  return foldWord(w);
}

const tokenize = (text: string): string[] => normalizeWords(text).split(' ').filter(Boolean);

/** The meaningful, folded words of a text, without repeats. */
export function meaningfulTerms(text: string): string[] {
  return [...new Set(tokenize(text).map(processTerm).filter((t): t is string => t !== null))];
}

interface TriggerDoc {
  id: string;
  questionId: string;
  text: string;
}

/** How much of the typed words, and of the trigger's words, must match. */
export const MIN_TYPED_COVERAGE = 0.6;
export const MIN_TRIGGER_COVERAGE = 0.5;

export class FamilyQuestionMatcher {
  private readonly search: MiniSearch<TriggerDoc>;
  private readonly triggerTerms = new Map<string, number>();
  private readonly byId: Map<string, FamilyQuestion>;

  constructor(readonly questions: readonly FamilyQuestion[]) {
    this.byId = new Map(questions.map((q) => [q.id, q]));
    this.search = new MiniSearch<TriggerDoc>({
      fields: ['text'],
      storeFields: ['questionId'],
      tokenize,
      processTerm,
      searchOptions: {
        combineWith: 'OR',
        fuzzy: (term) => (term.length >= 5 ? 2 : term.length >= 4 ? 1 : false),
        prefix: (term) => term.length >= 5,
      },
    });
    const docs: TriggerDoc[] = [];
    for (const q of questions) {
      [q.question, ...q.triggers].forEach((t, i) => {
        const id = `${q.id}#${i}`;
        const count = meaningfulTerms(t).length;
        if (count === 0) return;
        this.triggerTerms.set(id, count);
        docs.push({ id, questionId: q.id, text: t });
      });
    }
    this.search.addAll(docs);
  }

  question(id: string): FamilyQuestion | undefined {
    return this.byId.get(id);
  }

  /** The question the text asks, or undefined when it is not clearly one of them. */
  match(text: string): FamilyQuestion | undefined {
    const typed = meaningfulTerms(text);
    if (typed.length === 0 || typed.length > 14) return undefined;
    let best: { questionId: string; rank: number; score: number } | undefined;
    for (const r of this.search.search(text)) {
      const typedCoverage = new Set(r.queryTerms).size / typed.length;
      const triggerCoverage = Math.min(1, new Set(r.terms).size / (this.triggerTerms.get(String(r.id)) ?? 1));
      if (typedCoverage < MIN_TYPED_COVERAGE || triggerCoverage < MIN_TRIGGER_COVERAGE) continue;
      // One word alone ("college") names a question only when it is all of a trigger ("fafsa").
      if (typed.length === 1 && triggerCoverage < 1) continue;
      const rank = typedCoverage + triggerCoverage;
      if (!best || rank > best.rank || (rank === best.rank && r.score > best.score)) {
        best = { questionId: String(r['questionId']), rank, score: r.score };
      }
    }
    return best ? this.byId.get(best.questionId) : undefined;
  }
}

/** `matchFamilyQuestion(text)` over the given questions. */
export function familyQuestionMatcher(questions: readonly FamilyQuestion[]): (text: string) => FamilyQuestion | undefined {
  const matcher = new FamilyQuestionMatcher(questions);
  return (text) => matcher.match(text);
}
