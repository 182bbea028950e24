/**
 * The ways people answer a waiting question ("ya i guess", "nah", "idk", "skip", "decide later",
 * "the animal one"), compiled from data/understanding/answer-words-<lang>.json. Pure.
 */
import { z } from 'zod';
import { normalizeWords } from './normalize-words.js';

export const ANSWER_KINDS = ['yes', 'no', 'maybe', 'skip', 'later'] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

const phrases = z.array(z.string().min(1)).min(1);
export const answerWordsSchema = z.object({
  about: z.string().optional(),
  kinds: z.object(
    Object.fromEntries(ANSWER_KINDS.map((k) => [k, z.object({ choiceIds: phrases, words: phrases })])) as Record<
      AnswerKind,
      z.ZodObject<{ choiceIds: typeof phrases; words: typeof phrases }>
    >,
  ),
  lead: z.array(z.string().min(1)),
  tail: z.array(z.string().min(1)),
  pointerLead: z.array(z.string().min(1)),
  pointerTail: z.array(z.string().min(1)),
});
export type AnswerWordsFile = z.infer<typeof answerWordsSchema>;

/** Compiled answer words: phrase -> kind, and the words that may frame an answer. */
export interface AnswerWords {
  kindOf: ReadonlyMap<string, AnswerKind>;
  choiceIds: Readonly<Record<AnswerKind, readonly string[]>>;
  lead: readonly string[];
  tail: readonly string[];
  pointerLead: readonly string[];
  pointerTail: readonly string[];
}

/** Lower case, accents folded ("sí" -> "si"), letters and digits only. */
const norm = normalizeWords;
/** Longest first, so "i want the" is taken before "i want". */
const longestFirst = (list: readonly string[]) => [...new Set(list.map(norm))].filter(Boolean).sort((a, b) => b.length - a.length);

export function compileAnswerWords(file: AnswerWordsFile): AnswerWords {
  const kindOf = new Map<string, AnswerKind>();
  for (const kind of ANSWER_KINDS) for (const w of file.kinds[kind].words) if (!kindOf.has(norm(w))) kindOf.set(norm(w), kind);
  const choiceIds = Object.fromEntries(ANSWER_KINDS.map((k) => [k, file.kinds[k].choiceIds])) as Record<AnswerKind, string[]>;
  return {
    kindOf,
    choiceIds,
    lead: longestFirst(file.lead),
    tail: longestFirst(file.tail),
    pointerLead: longestFirst(file.pointerLead),
    pointerTail: longestFirst(file.pointerTail),
  };
}

/** The words without any of `lead` in front and `tail` behind, each removal tried in turn (all forms, longest first). */
function framedForms(t: string, lead: readonly string[], tail: readonly string[]): string[] {
  const forms = [t];
  for (let i = 0; i < forms.length && forms.length < 12; i++) {
    const f = forms[i]!;
    const l = lead.find((w) => f.startsWith(`${w} `));
    if (l) forms.push(f.slice(l.length + 1));
    const r = tail.find((w) => f.endsWith(` ${w}`));
    if (r) forms.push(f.slice(0, -(r.length + 1)));
  }
  return forms;
}

/** "ya i guess" -> 'yes', "nah not really lol" -> 'no', "skip this one" -> 'skip'; undefined otherwise. */
export function answerKind(words: string, aw: AnswerWords): AnswerKind | undefined {
  for (const form of framedForms(norm(words), aw.lead, aw.tail)) {
    const kind = aw.kindOf.get(form);
    if (kind) return kind;
  }
  return undefined;
}

/** "the animal one" -> "animal", "i pick the website one" -> "website"; undefined when nothing frames the words. */
export function pointedWords(words: string, aw: AnswerWords): string | undefined {
  const forms = framedForms(words, aw.pointerLead, aw.pointerTail);
  const core = forms.filter((f) => f !== words && f.length >= 3).sort((a, b) => a.length - b.length)[0];
  return core;
}
