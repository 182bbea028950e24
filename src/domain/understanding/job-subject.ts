/** The job a question is about: "how much do vets make" -> "vets". Pure. */
import { z } from 'zod';

export const jobQuestionWordsSchema = z.object({ about: z.string().optional(), frame: z.array(z.string().min(1)).min(1), notJobNames: z.array(z.string().min(1)).default([]), interestLeads: z.array(z.string().min(1)).default([]) });

/** Compiles the frame words once. */
export function frameWords(file: z.infer<typeof jobQuestionWordsSchema>): ReadonlySet<string> {
  return new Set(file.frame.map((w) => w.toLowerCase()));
}

/** The words left when the question's frame is taken out; empty when nothing is left. */
export function jobSubject(text: string, frame: ReadonlySet<string>): string {
  return text
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((w) => w && !frame.has(w))
    .join(' ');
}
