import type { types as S } from '@slack/bolt';
import { progressLabel, type CardField, type CardReply, type Choice, type PlanTableReply, type QuestionReply } from '../../domain/messages.js';
import { encodeActionId } from './slack-action-id.js';
import { clip, escapeSlackText, splitText } from './slack-escape.js';

/**
 * Block Kit pieces for each kind of Reply (pure). Every text that reaches Slack goes through
 * escapeSlackText here, and every piece keeps inside Block Kit's limits.
 */
export const LIMITS = {
  blocksPerMessage: 50,
  blocksPerHomeView: 100,
  sectionText: 3000,
  fieldsPerSection: 10,
  fieldText: 2000,
  buttonText: 75,
  buttonValue: 2000,
  elementsPerActions: 25,
  contextText: 2000,
  /** Notification / screen-reader text; Slack accepts more, but nobody reads more on a phone. */
  fallbackText: 3000,
} as const;

export const mrkdwn = (text: string): S.MrkdwnElement => ({ type: 'mrkdwn', text, verbatim: true });

/** One or more sections holding an escaped text, each under the section text limit. */
export function textSections(escaped: string): S.SectionBlock[] {
  return splitText(escaped, LIMITS.sectionText).map((piece) => ({ type: 'section', text: mrkdwn(piece === '' ? ' ' : piece) }));
}

export function contextLine(escaped: string): S.ContextBlock {
  return { type: 'context', elements: [mrkdwn(clip(escaped, LIMITS.contextText))] };
}

/** Buttons for a question's choices: actions blocks of at most 25 buttons. */
export function choiceButtons(questionId: string, choices: Choice[]): S.ActionsBlock[] {
  const buttons: S.Button[] = choices.map((choice, index) => ({
    type: 'button',
    action_id: encodeActionId(questionId, choice.id, index),
    value: clip(choice.id, LIMITS.buttonValue),
    text: { type: 'plain_text', text: clip(escapeSlackText(choice.label), LIMITS.buttonText), emoji: true },
  }));
  const blocks: S.ActionsBlock[] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.elementsPerActions) {
    blocks.push({ type: 'actions', elements: buttons.slice(i, i + LIMITS.elementsPerActions) });
  }
  return blocks;
}

export function questionBlocks(q: QuestionReply): S.KnownBlock[] {
  const blocks: S.KnownBlock[] = [...textSections(escapeSlackText(q.text))];
  if (q.progress) blocks.push(contextLine(`Question ${progressLabel(q.progress)}`));
  blocks.push(...choiceButtons(q.questionId, q.choices));
  return blocks;
}

/** The plain text of a question: its words, then its choices numbered (they can be typed too). */
export function questionFallback(q: QuestionReply): string {
  const lines = q.choices.map((c, i) => `${i + 1}. ${c.label}`);
  return clip(escapeSlackText([q.text, ...lines].join('\n')), LIMITS.fallbackText);
}

/** Fields as sections of at most 10 fields each. */
export function fieldSections(fields: CardField[]): S.SectionBlock[] {
  const texts = fields.map((f) =>
    mrkdwn(clip(`*${escapeSlackText(f.label)}*\n${f.value.trim() === '' ? '-' : escapeSlackText(f.value)}`, LIMITS.fieldText)),
  );
  const sections: S.SectionBlock[] = [];
  for (let i = 0; i < texts.length; i += LIMITS.fieldsPerSection) {
    sections.push({ type: 'section', fields: texts.slice(i, i + LIMITS.fieldsPerSection) });
  }
  return sections;
}

export function titleSection(title: string): S.SectionBlock {
  return { type: 'section', text: mrkdwn(`*${clip(escapeSlackText(title), LIMITS.sectionText - 2)}*`) };
}

export function cardBlocks(card: CardReply): S.KnownBlock[] {
  const blocks: S.KnownBlock[] = [titleSection(card.title), ...fieldSections(card.fields)];
  if (card.questionId && card.actions && card.actions.length > 0) blocks.push(...choiceButtons(card.questionId, card.actions));
  return blocks;
}

/**
 * Which grade column is this school year: the grade named by a "This year" / "Current grade" /
 * "Grade" field when there is one, otherwise the first column (plans start at the current grade).
 */
export function thisYearIndex(plan: PlanTableReply): number {
  const marked = plan.thisYearIndex;
  if (marked !== undefined && marked >= 0 && marked < plan.grades.length) return marked;
  const field = plan.fields.find((f) => /^(this year|current grade|grade( now)?|school year)$/i.test(f.label.trim()));
  if (field) {
    const v = field.value.trim().toLowerCase();
    const exact = plan.grades.findIndex((g) => g.trim().toLowerCase() === v);
    if (exact >= 0) return exact;
    const partial = plan.grades.findIndex((g) => v.includes(g.trim().toLowerCase()) || g.trim().toLowerCase().includes(v));
    if (partial >= 0 && v !== '') return partial;
  }
  return 0;
}

/** One grade column as text: "*10th* (this year)" then one line per subject with something in it. */
function gradeText(plan: PlanTableReply, column: number, isThisYear: boolean): string {
  const heading = `*${escapeSlackText(plan.grades[column] ?? '')}*${isThisYear ? ' (this year)' : ''}`;
  const lines = plan.rows
    .map((row) => ({ label: row.label, cell: (row.cells[column] ?? '').trim() }))
    .filter((r) => r.cell !== '')
    .map((r) => `*${escapeSlackText(r.label)}:* ${escapeSlackText(r.cell)}`);
  return [heading, ...(lines.length > 0 ? lines : ['-'])].join('\n');
}

/** A plan: title, header facts, this year first, a divider, then every other grade in order. */
export function planBlocks(plan: PlanTableReply): S.KnownBlock[] {
  const blocks: S.KnownBlock[] = [titleSection(plan.title), ...fieldSections(plan.fields)];
  if (plan.grades.length === 0) return blocks;
  const current = thisYearIndex(plan);
  blocks.push(...textSections(gradeText(plan, current, true)));
  const others = plan.grades.map((_, i) => i).filter((i) => i !== current);
  if (others.length > 0) blocks.push({ type: 'divider' });
  for (const i of others) blocks.push(...textSections(gradeText(plan, i, false)));
  return blocks;
}
