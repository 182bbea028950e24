/**
 * What an Action.Submit button carries, and reading it back. Teams delivers a press as a message
 * activity whose `value` is the button's data merged with the card's inputs (the choice list, when
 * a question has more options than fit as buttons, is an input named `choiceId`).
 */
import { z } from 'zod';
import { limit } from './teams-text.js';

export const SUBMIT_MARK = 'waypoint-choice';

export interface ChoiceSubmitData {
  kind: typeof SUBMIT_MARK;
  questionId: string;
  /** Absent on a list question: the `choiceId` input fills it in. */
  choiceId?: string;
  /** Button label, shown on the answered card. */
  label?: string;
  /** Option labels of a list question, by id. */
  labels?: Record<string, string>;
  /** The question, shown again on the answered card. */
  prompt: string;
}

export interface ChoiceSubmit {
  questionId: string;
  choiceId: string;
  label: string;
  prompt: string;
}

const submitSchema = z.object({
  kind: z.literal(SUBMIT_MARK),
  questionId: z.string().min(1).max(200),
  choiceId: z.string().min(1).max(200),
  label: z.string().max(300).optional(),
  labels: z.record(z.string().max(300)).optional(),
  prompt: z.string().max(1000).default(''),
});

/** The press in an activity's `value`, or undefined when it is not one of our buttons. */
export function readChoiceSubmit(value: unknown): ChoiceSubmit | undefined {
  const parsed = submitSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const d = parsed.data;
  const label = d.label ?? d.labels?.[d.choiceId] ?? d.choiceId;
  return { questionId: d.questionId, choiceId: d.choiceId, label, prompt: d.prompt };
}

export function choiceData(questionId: string, prompt: string, choice?: { id: string; label: string }): ChoiceSubmitData {
  const data: ChoiceSubmitData = { kind: SUBMIT_MARK, questionId, prompt: limit(prompt, 600) };
  if (choice) {
    data.choiceId = choice.id;
    data.label = choice.label;
  }
  return data;
}
