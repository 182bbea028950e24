/** The Personal Plan of Study in the chat: its commands, its flow, its effects and its free-text reader, for createEngine. */
import type { Command, TextFallback } from '../../engine/command.js';
import type { FlowDefinition } from '../../engine/flow-runner.js';
import { t } from '../../i18n/t.js';
import { CONFIRM_Q, GOAL_TYPED_Q, REVIEW_Q } from '../../../flows/plan-replies.js';
import { planMachine, PLAN_FLOW_VERSION } from '../../../flows/plan.js';
import { planChangeFallback, planLateAnswerCommand, planUndoCommand } from './plan-change.js';
import { planCheckCommand } from './plan-check-command.js';
import { planCommand } from './plan-command.js';
import { planExportCommand } from './plan-export-command.js';
import { planGradeCommand } from './plan-grade-command.js';
import { PLAN_FLOW } from './plan-replies.js';
import { planReviewCommand } from './plan-review-command.js';
import type { PlanDeps } from './plan-show.js';

export type { PlanDeps } from './plan-show.js';
export { planEffects } from './plan-effects.js';

export function planCommands(deps: PlanDeps): Command[] {
  return [
    planCommand(deps),
    planGradeCommand(deps),
    planCheckCommand(deps),
    planReviewCommand(deps),
    planExportCommand(deps),
    planUndoCommand(deps),
    planLateAnswerCommand(),
  ];
}

/** Plan conversations of more than one step: a change to confirm, a review, a typed goal. */
export const planFlow: FlowDefinition = {
  id: PLAN_FLOW,
  version: PLAN_FLOW_VERSION,
  machine: planMachine,
  // A getter: read when help is shown, in that turn's language.
  get doing() {
    return t('plan.commands.doing');
  },
  questionIds: [CONFIRM_Q, REVIEW_Q, GOAL_TYPED_Q],
};

/** Plan changes typed in the student's own words ("move Chemistry to 11th"). */
export function planFallback(deps: PlanDeps): TextFallback {
  return planChangeFallback(deps);
}
