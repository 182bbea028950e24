/**
 * School and framework words ("whats FBLA", "what is dual credit", "que es credito dual"): find
 * the term asked about. A term may carry its answer in other languages too (a Spanish glossary
 * merged in by id). Pure.
 */
import { z } from 'zod';
import type { Language } from '../../i18n/language.js';

export const glossarySchema = z.object({
  about: z.string().optional(),
  terms: z
    .array(z.object({ id: z.string().min(1), names: z.array(z.string().min(1)).min(1), answer: z.string().min(1).max(400) }))
    .min(1),
});
export type Glossary = z.infer<typeof glossarySchema>;
export type GlossaryTerm = Glossary['terms'][number] & {
  /** The answer in other languages, by language (the English one is `answer`). */
  answers?: Partial<Record<Language, string>>;
};

/** Lower case, accents folded ("crédito" -> "credito"), letters and digits only. */
const norm = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
    .replace(/\+/g, ' plus')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * An index of the glossary's names, longest first, so "career cluster" wins over "cluster".
 * `others` are the same glossary in other languages: their answers join the term of the same id,
 * and their names find it too (a term only they have is left out: the English answer is the fallback).
 */
export function glossaryIndex(glossary: Glossary, others: Partial<Record<Language, Glossary>> = {}): { name: string; term: GlossaryTerm }[] {
  const terms: GlossaryTerm[] = glossary.terms.map((term) => ({ ...term }));
  const byId = new Map(terms.map((term) => [term.id, term]));
  const names = terms.flatMap((term) => term.names.map((n) => ({ name: norm(n), term })));
  for (const [lang, other] of Object.entries(others) as [Language, Glossary | undefined][]) {
    for (const o of other?.terms ?? []) {
      const term = byId.get(o.id);
      if (!term) continue;
      term.answers = { ...term.answers, [lang]: o.answer };
      for (const n of o.names) if (!names.some((e) => e.name === norm(n))) names.push({ name: norm(n), term });
    }
  }
  return names.sort((a, b) => b.name.length - a.name.length);
}

/** The term whose name is in the message as whole words, if any. */
export function findTerm(text: string, index: readonly { name: string; term: GlossaryTerm }[]): GlossaryTerm | undefined {
  const t = ` ${norm(text)} `;
  return index.find((e) => t.includes(` ${e.name} `))?.term;
}
