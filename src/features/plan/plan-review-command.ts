/**
 * "review my plan" (or the reminder's "Start my review" button): walks through this year and next,
 * then the plan flow asks whether anything should change and records the review (date, who, what
 * changed since the last one) when the student says it's right. Changes made during the review are
 * confirmed one by one as usual; "finish review" records it.
 */
import { REVIEW_REMINDER_QUESTION } from '../../domain/reminders/reminder-messages.js';
import { reviewReplies } from '../../domain/plan/index.js';
import type { Command, TurnContext } from '../../engine/command.js';
import { commandWords } from '../../engine/read-input.js';
import type { PlanFlowInput } from '../../../flows/plan.js';
import { t } from '../../i18n/t.js';
import { loadPlan, withPlanHistory } from './plan-records.js';
import { PLAN_FLOW, say } from './plan-replies.js';
import { headerFor, markThisYear, studentGrade, type PlanDeps } from './plan-show.js';
import { isFinishReviewWords, isReviewWords } from './plan-words.js';

async function startReview(ctx: TurnContext, deps: PlanDeps): Promise<void> {
  const plan = await loadPlan(ctx.records.store, ctx.userKey);
  if (!plan) return ctx.runCommand('plan');
  const grade = studentGrade(ctx);
  const header = await headerFor(ctx, deps, plan);
  // What changed since the last review compares with that review's version, which may be archived.
  const replies = await withPlanHistory(ctx.records.store, ctx.userKey, plan, (p) => reviewReplies(p, header, grade !== undefined ? { studentGrade: grade } : {}));
  ctx.say(...markThisYear(replies, plan, grade));
  const input: PlanFlowInput = { start: 'review' };
  await ctx.startFlow(PLAN_FLOW, input, { keepCurrent: true });
}

export function planReviewCommand(deps: PlanDeps): Command {
  return {
    id: 'plan-review',
    intents: ['plan-review'],
    // A getter: read when help is shown, in that turn's language.
    get help() {
      return t('plan.commands.helpReview');
    },
    roles: ['student'],
    matches: (w) => isReviewWords(w) || isFinishReviewWords(w),
    questionIds: [REVIEW_REMINDER_QUESTION],
    run: async (ctx, { text }) => {
      if (text !== undefined && isFinishReviewWords(commandWords(text))) {
        const finished = ctx.activeFlow() === PLAN_FLOW && (await ctx.sendToFlow({ type: 'FINISH' }));
        if (!finished) ctx.say(say.noReviewWaiting());
        return;
      }
      await startReview(ctx, deps);
    },
  };
}
