/**
 * Questions families often ask, with short answers in our words (data/family-questions.json).
 * Pure: parse JSON you read elsewhere with parseFamilyQuestions.
 */
import { z } from 'zod';
import { DataFileError, jsonPath } from '../data-file-error.js';

export interface FamilyQuestion {
  /** "why-early": also the button's choice id. */
  id: string;
  /** Short button text (at most 60 characters). */
  label: string;
  /** The question as a parent might ask it. */
  question: string;
  /** 2-4 short sentences. */
  answer: string;
  /** Ways people ask it; free text is matched against these (fuzzy). */
  triggers: string[];
}

export const MAX_LABEL_CHARS = 60;
/** Four short sentences; Spanish runs about a fifth longer than English. */
export const MAX_ANSWER_CHARS = 560;

const idText = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by "-"');
const plain = z.string().trim().min(1, 'must not be empty');

/** Sentences in an answer: ends of sentences followed by a space or the end. */
export function sentenceCount(s: string): number {
  return s.trim().split(/(?<=[.!?])\s+(?=[\p{Lu}"(¿¡])/u).filter((x) => x.trim()).length;
}

const questionSchema = z
  .object({
    id: idText,
    label: plain.max(MAX_LABEL_CHARS, `must be at most ${MAX_LABEL_CHARS} characters`),
    question: plain,
    answer: plain
      .max(MAX_ANSWER_CHARS, `must be at most ${MAX_ANSWER_CHARS} characters`)
      .refine((a) => sentenceCount(a) >= 2 && sentenceCount(a) <= 4, 'must be 2 to 4 sentences'),
    triggers: z.array(plain.max(120, 'must be at most 120 characters')).min(2, 'must have at least 2 triggers'),
  })
  .strict();

const schema = z.object({ about: z.string().optional(), questions: z.array(questionSchema).min(1) }).strict();

/** Checks the family questions file. Problems become a DataFileError naming the file and JSON path. */
export function parseFamilyQuestions(data: unknown, file: string): FamilyQuestion[] {
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new DataFileError(file, `${jsonPath(issue.path)} ${issue.message}`);
  }
  const seen = new Set<string>();
  result.data.questions.forEach((q, i) => {
    if (seen.has(q.id)) throw new DataFileError(file, `${jsonPath(['questions', i, 'id'])} repeats the id "${q.id}"`);
    seen.add(q.id);
  });
  return result.data.questions;
}
