/** What the plan flow says: the questions of a change waiting for yes/no, a review and a typed goal. */
import { text, type QuestionReply, type TextReply } from '../src/domain/messages.js';
import { t } from '../src/i18n/t.js';

export const CONFIRM_Q = 'plan:confirm';
/** After "I'll type my own": the next thing typed is the goal. */
export const GOAL_TYPED_Q = 'plan:goal-typed';
export const REVIEW_Q = 'plan:review';

export const confirm = (preview: string): QuestionReply => ({
  kind: 'question',
  questionId: CONFIRM_Q,
  text: t('plan.flow.confirm', { preview }),
  choices: [
    { id: 'yes', label: t('plan.flow.confirmYes') },
    { id: 'no', label: t('plan.flow.confirmNo') },
  ],
});

export const declined = (): TextReply => text(t('plan.flow.declined'));

export const proposalUndone = (): TextReply => text(t('plan.flow.proposalUndone'));

export const reviewQuestion = (first: boolean): QuestionReply => ({
  kind: 'question',
  questionId: REVIEW_Q,
  // Asked so that "yes" and "no" mean the buttons: "no" to "anything else?" would mean done.
  text: t(first ? 'plan.flow.reviewFirst' : 'plan.flow.reviewAgain'),
  choices: [
    { id: 'yes', label: t(first ? 'plan.flow.reviewFirstYes' : 'plan.flow.reviewAgainYes') },
    { id: 'no', label: t(first ? 'plan.flow.reviewFirstNo' : 'plan.flow.reviewAgainNo') },
  ],
});

export const askForChange = (): TextReply => text(t('plan.flow.askForChange'));

export const typeGoal = (): QuestionReply => ({
  kind: 'question',
  questionId: GOAL_TYPED_Q,
  text: t('plan.flow.typeGoal'),
  choices: [{ id: 'later', label: t('plan.say.decideLater') }],
});

export const goalLater = (): TextReply => text(t('plan.flow.goalLater'));
