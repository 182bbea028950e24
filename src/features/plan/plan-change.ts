/**
 * Changes in plain words, anywhere, while the student has a plan: "move Chemistry to 11th", "swap
 * Geometry for Algebra I in 9th", "add FFA in 10th", "remove band", "my goal is ...". The change is
 * read and checked here, then shown and asked about (Yes/No) by the plan flow (flows/plan.ts); only
 * "yes" applies it, as a new version (plan-effects.ts). "undo" takes the last change back at once.
 * A change that can't be made is refused with the reason.
 */
import {
  applyPlanChange,
  changeReply,
  currentPlan,
  currentVersion,
  parsePlanChange,
  type ApplyResult,
  type Plan,
  type PlanChange,
} from '../../domain/plan/index.js';
import { matchKnown } from '../../domain/plan/plan-edits.js';
import { t } from '../../i18n/t.js';
import type { Command, TextFallback, TurnContext } from '../../engine/command.js';
import { CONFIRM_Q, GOAL_TYPED_Q, goalLater, REVIEW_Q } from '../../../flows/plan-replies.js';
import type { PlanProposal } from '../../../flows/flow-protocol.js';
import type { PlanFlowInput } from '../../../flows/plan.js';
import { loadPlan, savePlan, withPlanHistory } from './plan-records.js';
import { PLAN_FLOW, say } from './plan-replies.js';
import { studentGrade, type PlanDeps } from './plan-show.js';
import { isUndoWords } from './plan-words.js';

export function apply(ctx: TurnContext, deps: PlanDeps, plan: Plan, change: PlanChange): ApplyResult {
  const grade = studentGrade(ctx);
  return applyPlanChange(plan, change, { now: ctx.now.toISOString(), by: ctx.userKey, data: deps.data, ...(grade !== undefined ? { studentGrade: grade } : {}) });
}


/**
 * Whether typed words are clearly about the plan. "Take" and "add" read a lot of everyday words
 * ("I want to take care of animals"), so with no grade and a name we don't know they are left to
 * the other features.
 */
function aboutThePlan(deps: PlanDeps, plan: Plan, change: PlanChange): boolean {
  if (change.kind !== 'add') return true;
  if (change.grade !== undefined || change.row !== undefined) return true;
  return matchKnown(currentPlan(plan), deps.data, change.name).kind !== 'unknown';
}

/** The plan flow, with a change to ask about: started beside what is going on, or told in the one running. */
async function propose(ctx: TurnContext, proposal: PlanProposal, preview: string): Promise<void> {
  if (ctx.activeFlow() === PLAN_FLOW && (await ctx.sendToFlow({ type: 'PROPOSE', proposal, preview }))) return;
  const input: PlanFlowInput = { start: 'confirm', proposal, preview };
  await ctx.startFlow(PLAN_FLOW, input, { keepCurrent: true });
}

async function undo(ctx: TurnContext, deps: PlanDeps): Promise<void> {
  // A change still waiting for yes or no is the "last change" the student means: drop it, and
  // leave the changes already made alone.
  if (ctx.pendingQuestionId() === CONFIRM_Q && (await ctx.sendToFlow({ type: 'CANCEL' }))) return;
  const plan = await loadPlan(ctx.records.store, ctx.userKey);
  if (!plan) return void ctx.say(say.nothingToUndo());
  // Undo may go back past the versions kept in the record: those are read back from the archive.
  const result = await withPlanHistory(ctx.records.store, ctx.userKey, plan, (p) => apply(ctx, deps, p, { kind: 'undo' }));
  if (result.ok) await savePlan(ctx.records.store, ctx.userKey, result.plan);
  ctx.say(changeReply(result));
}

/** Reads a plan change out of free text; false when the text isn't one (others may answer it). */
export function planChangeFallback(deps: PlanDeps): TextFallback {
  return async (ctx, typed) => {
    if (ctx.profile()?.role !== 'student') return false;
    const change = parsePlanChange(typed);
    if (!change) return false;
    const plan = await loadPlan(ctx.records.store, ctx.userKey);
    if (!plan) {
      if (change.kind !== 'set-goal') return false;
      ctx.say(say.noPlan());
      return true;
    }
    if (change.kind === 'undo') {
      await undo(ctx, deps);
      return true;
    }
    if (!aboutThePlan(deps, plan, change)) return false;
    const result = apply(ctx, deps, plan, change);
    if (!result.ok) {
      ctx.say(changeReply(result));
      return true;
    }
    await propose(ctx, { change, at: ctx.now.toISOString(), version: currentVersion(plan).number }, result.preview);
    return true;
  };
}

/** A press on a plan question after its conversation ended (an old message's buttons). */
export function planLateAnswerCommand(): Command {
  return {
    id: 'plan-late-answer',
    roles: ['student'],
    questionIds: [CONFIRM_Q, REVIEW_Q, GOAL_TYPED_Q],
    matches: () => false,
    run: async (ctx, { questionId, choiceId }) => {
      if (questionId === CONFIRM_Q) return void ctx.say(say.staleProposal());
      if (questionId === GOAL_TYPED_Q && choiceId === 'later') return void ctx.say(goalLater());
      ctx.say(say.noReviewWaiting());
    },
  };
}

/** "undo": the last plan change taken back, as a new version. ("back" stays the engine's word.) */
export function planUndoCommand(deps: PlanDeps): Command {
  return {
    id: 'plan-undo',
    intents: ['plan-undo'],
    // A getter: read when help is shown, in that turn's language.
    get help() {
      return t('plan.commands.helpChange');
    },
    roles: ['student'],
    matches: isUndoWords,
    run: (ctx) => undo(ctx, deps),
  };
}
