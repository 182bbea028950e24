import type { types as S } from '@slack/bolt';
import { type CardField, type CardReply, type Choice, type PlanTableReply, type QuestionProgress, type QuestionReply } from '../../domain/messages.js';
import { t } from '../../i18n/t.js';
import { encodeActionId } from './slack-action-id.js';
import { buttonLabels } from './slack-choices.js';
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
  actionId: 255,
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

/**
 * Buttons for a question's choices: actions blocks of at most 25 buttons. Every button has an action
 * id of its own (a choice id given twice, or none, still makes one) and words to show (buttonLabels).
 */
export function choiceButtons(questionId: string, choices: Choice[]): S.ActionsBlock[] {
  const labels = buttonLabels(choices);
  const used = new Set<string>();
  const buttons: S.Button[] = choices.map((choice, index) => {
    let actionId = encodeActionId(questionId, choice.id === '' ? `#${index}` : choice.id, index);
    // A second button with the same id: the position makes its action id unique; its value still says which choice.
    if (used.has(actionId)) actionId = `${actionId.slice(0, LIMITS.actionId - 8)}|${index}`;
    used.add(actionId);
    return {
      type: 'button',
      action_id: actionId,
      ...(choice.id === '' ? {} : { value: clip(choice.id, LIMITS.buttonValue) }),
      text: { type: 'plain_text', text: clip(escapeSlackText(labels[index]!), LIMITS.buttonText), emoji: true },
    };
  });
  const blocks: S.ActionsBlock[] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.elementsPerActions) {
    blocks.push({ type: 'actions', elements: buttons.slice(i, i + LIMITS.elementsPerActions) });
  }
  return blocks;
}

/** "Question 3 of up to 24" / "Pregunta 3 de hasta 24", in the turn's language. */
export function progressWords(p: QuestionProgress): string {
  return t(p.atMost ? 'slack.progressAtMost' : 'slack.progress', { index: p.index, total: p.total });
}

export function questionBlocks(q: QuestionReply): S.KnownBlock[] {
  const blocks: S.KnownBlock[] = [...textSections(escapeSlackText(q.text))];
  if (q.progress) blocks.push(contextLine(escapeSlackText(progressWords(q.progress))));
  blocks.push(...choiceButtons(q.questionId, q.choices));
  return blocks;
}

/** The plain text of a question: its words, then its choices numbered (they can be typed too). */
export function questionFallback(q: QuestionReply): string {
  const lines = buttonLabels(q.choices).map((label, i) => `${i + 1}. ${label}`);
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
 * Which grade column is this school year: the column the plan marks, or the grade named by a
 * "This year" / "Current grade" / "Grade" field; -1 when none is (a table of another year, such as
 * "show 10th grade" for a 9th grader, labels no column "this year").
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
  return -1;
}

/** One grade column as text: "*10th* (this year)" then one line per subject with something in it. */
function gradeText(plan: PlanTableReply, column: number, isThisYear: boolean): string {
  const heading = `*${escapeSlackText(plan.grades[column] ?? '')}*${isThisYear ? ` ${escapeSlackText(t('slack.thisYear'))}` : ''}`;
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
  if (current >= 0) blocks.push(...textSections(gradeText(plan, current, true)));
  const others = plan.grades.map((_, i) => i).filter((i) => i !== current);
  if (current >= 0 && others.length > 0) blocks.push({ type: 'divider' });
  for (const i of others) blocks.push(...textSections(gradeText(plan, i, false)));
  return blocks;
}
