/**
 * Changes in plain words, anywhere, while the student has a plan: "move Chemistry to 11th", "swap
 * Geometry for Algebra I in 9th", "add FFA in 10th", "remove band", "my goal is ...". The change is
 * shown and asked about (Yes/No); only "yes" applies it, as a new version. "undo" takes the last
 * change back at once. A change that can't be made is refused with the reason.
 */
import type { Reply } from '../../domain/messages.js';
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
import { cleanText, MAX_GOAL_LENGTH } from '../../domain/plan/clean-text.js';
import { matchKnown } from '../../domain/plan/plan-edits.js';
import type { Command, TextFallback, TurnContext } from '../../engine/command.js';
import { loadChatState, loadPlan, PROPOSAL_MAX_AGE_MS, saveChatState, savePlan } from './plan-records.js';
import { CONFIRM_Q, GOAL_TYPED_Q, say } from './plan-replies.js';
import { studentGrade, type PlanDeps } from './plan-show.js';
import { isUndoWords } from './plan-words.js';

function apply(ctx: TurnContext, deps: PlanDeps, plan: Plan, change: PlanChange): ApplyResult {
  const grade = studentGrade(ctx);
  return applyPlanChange(plan, change, { now: ctx.now.toISOString(), by: ctx.userKey, data: deps.data, ...(grade !== undefined ? { studentGrade: grade } : {}) });
}

/** The version's one line, said as a change still to make ("Moved X" -> "Move X"). */
export function previewOf(summary: string, notes: string[]): string {
  const s = summary
    .replace(/^Moved /, 'Move ')
    .replace(/^Swapped /, 'Swap ')
    .replace(/^Added /, 'Add ')
    .replace(/^Removed /, 'Remove ')
    .replace(/^Set the goal after high school to: /, 'Set your goal after high school to: ')
    .replace(/ is now in /, ' would go in ');
  const headsUp = notes.filter((n) => n.startsWith('Heads up'));
  return [`Here's the change: ${s}`, ...headsUp].join(' ');
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

/** After a plan side trip, the flow's question comes back (or the review's next question). */
async function afterChange(ctx: TurnContext, reviewing: boolean): Promise<void> {
  if (reviewing) return void ctx.say(say.reviewQuestion(false));
  ctx.resumeFlow();
}

async function undo(ctx: TurnContext, deps: PlanDeps): Promise<void> {
  // A change still waiting for yes or no is the "last change" the student means: drop it, and
  // leave the changes already made alone.
  if (ctx.pendingQuestionId() === CONFIRM_Q) {
    const state = await loadChatState(ctx.records.store, ctx.userKey);
    if (state.proposal) {
      state.proposal = undefined;
      await saveChatState(ctx.records.store, state);
      ctx.say(say.proposalUndone());
      return afterChange(ctx, state.reviewStartedAt !== undefined);
    }
  }
  const plan = await loadPlan(ctx.records.store, ctx.userKey);
  if (!plan) {
    ctx.say(say.nothingToUndo());
    return void ctx.resumeFlow();
  }
  const result = apply(ctx, deps, plan, { kind: 'undo' });
  if (result.ok) await savePlan(ctx.records.store, ctx.userKey, result.plan);
  ctx.say(changeReply(result));
  const state = await loadChatState(ctx.records.store, ctx.userKey);
  await afterChange(ctx, state.reviewStartedAt !== undefined);
}

/** Reads a plan change out of free text; false when the text isn't one (others may answer it). */
export function planChangeFallback(deps: PlanDeps): TextFallback {
  return async (ctx, typed) => {
    if (ctx.profile()?.role !== 'student') return false;
    if (ctx.pendingQuestionId() === GOAL_TYPED_Q && (await typedGoal(ctx, deps, typed))) return true;
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
    const state = await loadChatState(ctx.records.store, ctx.userKey);
    if (!result.ok) {
      ctx.say(changeReply(result));
      await afterChange(ctx, state.reviewStartedAt !== undefined);
      return true;
    }
    state.proposal = { change, at: ctx.now.toISOString(), version: currentVersion(plan).number };
    await saveChatState(ctx.records.store, state);
    ctx.say(say.confirm(previewOf(result.summary, result.notes)));
    return true;
  };
}

/**
 * After "I'll type my own", what they type is the goal ("welding certificate at the career
 * center"), saved at once like a tapped goal; "undo" takes it back.
 */
async function typedGoal(ctx: TurnContext, deps: PlanDeps, typed: string): Promise<boolean> {
  const parsed = parsePlanChange(typed);
  if (parsed && parsed.kind !== 'set-goal') return false;
  const goal = parsed?.goal ?? cleanText(typed, MAX_GOAL_LENGTH).replace(/[.!]+$/, '');
  const plan = await loadPlan(ctx.records.store, ctx.userKey);
  if (!plan || !goal) return false;
  const result = apply(ctx, deps, plan, { kind: 'set-goal', goal });
  if (result.ok) await savePlan(ctx.records.store, ctx.userKey, result.plan);
  ctx.say(changeReply(result));
  return true;
}

/** The Yes/No under a proposed change. */
export function planConfirmCommand(deps: PlanDeps): Command {
  return {
    id: 'plan-confirm',
    roles: ['student'],
    questionIds: [CONFIRM_Q],
    matches: () => false,
    run: async (ctx, { choiceId }) => {
      const store = ctx.records.store;
      const state = await loadChatState(store, ctx.userKey);
      const proposal = state.proposal;
      state.proposal = undefined;
      await saveChatState(store, state);
      const reviewing = state.reviewStartedAt !== undefined;
      if (choiceId !== 'yes') {
        ctx.say(say.declined());
        return afterChange(ctx, reviewing);
      }
      const plan = await loadPlan(store, ctx.userKey);
      const fresh = proposal && ctx.now.getTime() - Date.parse(proposal.at) <= PROPOSAL_MAX_AGE_MS;
      if (!plan || !proposal || !fresh) return void ctx.say(say.staleProposal());
      // Applied again to the plan as it is now: another change may have been made since.
      const result = apply(ctx, deps, plan, proposal.change);
      if (result.ok) await savePlan(store, ctx.userKey, result.plan);
      const replies: Reply[] = [changeReply(result)];
      ctx.say(...replies);
      await afterChange(ctx, reviewing);
    },
  };
}

/** "undo": the last plan change taken back, as a new version. ("back" stays the engine's word.) */
export function planUndoCommand(deps: PlanDeps): Command {
  return {
    id: 'plan-undo',
    intents: ['plan-undo'],
    help: 'change your plan in your own words: move Chemistry to 11th, add FFA in 10th, remove band, my goal is ..., undo',
    roles: ['student'],
    matches: isUndoWords,
    run: (ctx) => undo(ctx, deps),
  };
}
