/**
 * "review my plan" (or the reminder's "Start my review" button): walks through this year and next,
 * asks whether anything should change, and records the review (date, who, what changed since the
 * last one) when the student says it's right. Changes made during the review are confirmed one by
 * one as usual; "finish review" records it.
 */
import { REVIEW_REMINDER_QUESTION } from '../../domain/reminders/reminder-messages.js';
import { lastReview, recordReview } from '../../domain/plan/plan-history.js';
import { reviewReplies } from '../../domain/plan/index.js';
import type { Command, TextFallback, TurnContext } from '../../engine/command.js';
import { commandWords } from '../../engine/read-input.js';
import { loadChatState, loadPlan, saveChatState, savePlan } from './plan-records.js';
import { REVIEW_Q, say } from './plan-replies.js';
import { headerFor, markThisYear, studentGrade, type PlanDeps } from './plan-show.js';
import { isFinishReviewWords, isReviewWords } from './plan-words.js';

async function startReview(ctx: TurnContext, deps: PlanDeps): Promise<void> {
  const plan = await loadPlan(ctx.records.store, ctx.userKey);
  if (!plan) return ctx.runCommand('plan');
  const grade = studentGrade(ctx);
  const replies = reviewReplies(plan, await headerFor(ctx, deps, plan), grade !== undefined ? { studentGrade: grade } : {});
  const state = await loadChatState(ctx.records.store, ctx.userKey);
  state.reviewStartedAt = ctx.now.toISOString();
  await saveChatState(ctx.records.store, state);
  ctx.say(...markThisYear(replies, plan, grade), say.reviewQuestion(true));
}

async function finishReview(ctx: TurnContext): Promise<void> {
  const store = ctx.records.store;
  const plan = await loadPlan(store, ctx.userKey);
  const state = await loadChatState(store, ctx.userKey);
  if (!plan || state.reviewStartedAt === undefined) return void ctx.say(say.noReviewWaiting());
  const reviewed = recordReview(plan, { now: ctx.now.toISOString(), by: ctx.userKey });
  await savePlan(store, ctx.userKey, reviewed);
  state.reviewStartedAt = undefined;
  state.proposal = undefined;
  await saveChatState(store, state);
  const review = lastReview(reviewed)!;
  ctx.say(say.reviewSaved(review.at.slice(0, 10), review.changesSinceLastReview, reviewed.reviews.length === 1));
}

export function planReviewCommand(deps: PlanDeps): Command {
  return {
    id: 'plan-review',
    intents: ['plan-review'],
    help: 'review my plan: look at this year and next and save a review',
    roles: ['student'],
    matches: (w) => isReviewWords(w) || isFinishReviewWords(w),
    questionIds: [REVIEW_Q, REVIEW_REMINDER_QUESTION],
    run: async (ctx, { text, questionId, choiceId }) => {
      if (questionId === REVIEW_Q) {
        if (choiceId === 'yes') return finishReview(ctx);
        return void ctx.say(say.askForChange());
      }
      if (text !== undefined && isFinishReviewWords(commandWords(text))) return finishReview(ctx);
      await startReview(ctx, deps);
    },
  };
}

/** Words that say "I'm finished" while a review waits for changes ("done", "that's all"). */
const DONE_WORDS = /^(ok(ay)? )?(done|im done|i am done|all done|im finished|finished|finish|thats all|thats it|nothing else|no more( changes)?|looks good|all good|its good|its right|good now)( now)?$/;

/** While a review is going on, "done" or "that's all" typed instead of a button finishes it. */
export function reviewDoneFallback(): TextFallback {
  return async (ctx, typed) => {
    if (ctx.profile()?.role !== 'student' || !DONE_WORDS.test(commandWords(typed))) return false;
    const state = await loadChatState(ctx.records.store, ctx.userKey);
    if (state.reviewStartedAt === undefined) return false;
    await finishReview(ctx);
    return true;
  };
}
