/** School and framework words ("whats FBLA", "what is dual credit"): find the term asked about. Pure. */
import { z } from 'zod';

export const glossarySchema = z.object({
  about: z.string().optional(),
  terms: z
    .array(z.object({ id: z.string().min(1), names: z.array(z.string().min(1)).min(1), answer: z.string().min(1).max(400) }))
    .min(1),
});
export type Glossary = z.infer<typeof glossarySchema>;
export type GlossaryTerm = Glossary['terms'][number];

const norm = (s: string) => s.toLowerCase().replace(/['’]/g, '').replace(/\+/g, ' plus').replace(/[^a-z0-9]+/g, ' ').trim();

/** An index of the glossary's names, longest first, so "career cluster" wins over "cluster". */
export function glossaryIndex(glossary: Glossary): { name: string; term: GlossaryTerm }[] {
  return glossary.terms
    .flatMap((term) => term.names.map((n) => ({ name: norm(n), term })))
    .sort((a, b) => b.name.length - a.name.length);
}

/** The term whose name is in the message as whole words, if any. */
export function findTerm(text: string, index: readonly { name: string; term: GlossaryTerm }[]): GlossaryTerm | undefined {
  const t = ` ${norm(text)} `;
  return index.find((e) => t.includes(` ${e.name} `))?.term;
}
