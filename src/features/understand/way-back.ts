/**
 * A job answer in the middle of the interest questions keeps its buttons, and its "Take the
 * interest questions" says where it goes: "Back to question 7" (it goes on where they were).
 */
import type { Reply } from '../../domain/messages.js';
import { FREE_TEXT_OFFER } from '../../domain/occupations/free-text-replies.js';
import type { TurnContext } from '../../engine/command.js';
import { t } from '../../i18n/t.js';

export function withWayBack(ctx: TurnContext, replies: Reply[]): Reply[] {
  if (ctx.activeFlow() !== 'explore' || !ctx.flowQuestionId()?.startsWith('interest:')) return replies;
  const n = ctx.flowQuestionNumber();
  const label = n !== undefined ? t('understand.backToQuestion', { n }) : t('understand.backToQuestions');
  return replies.map((r) =>
    r.kind === 'question' && r.questionId === FREE_TEXT_OFFER
      ? { ...r, choices: r.choices.map((c) => (c.id === 'take-quiz' ? { ...c, label } : c)) }
      : r,
  );
}
