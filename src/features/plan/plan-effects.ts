/**
 * What the plan flow asks for (flows/plan.ts): apply a change the student said yes to, record a
 * review, set a typed goal. Each loads the plan as it is now and saves a new version.
 */
import { changeReply, sayDay } from '../../domain/plan/index.js';
import { lastReview, recordReview } from '../../domain/plan/plan-history.js';
import type { Effect } from '../../../flows/flow-protocol.js';
import type { EffectHandler } from '../../engine/engine.js';
import type { TurnContext } from '../../engine/command.js';
import { apply } from './plan-change.js';
import { loadPlan, PROPOSAL_MAX_AGE_MS, savePlan, withPlanHistory } from './plan-records.js';
import { say } from './plan-replies.js';
import type { PlanDeps } from './plan-show.js';

type Of<K extends Effect['kind']> = Extract<Effect, { kind: K }>;

async function applyChange(ctx: TurnContext, deps: PlanDeps, { proposal }: Of<'apply-plan-change'>): Promise<void> {
  const plan = await loadPlan(ctx.records.store, ctx.userKey);
  const fresh = ctx.now.getTime() - Date.parse(proposal.at) <= PROPOSAL_MAX_AGE_MS;
  if (!plan || !fresh) return void ctx.say(say.staleProposal());
  // Applied to the plan as it is now: another change may have been made since it was shown.
  const result = apply(ctx, deps, plan, proposal.change);
  if (result.ok) await savePlan(ctx.records.store, ctx.userKey, result.plan);
  ctx.say(changeReply(result));
}

async function finishReview(ctx: TurnContext): Promise<void> {
  const plan = await loadPlan(ctx.records.store, ctx.userKey);
  if (!plan) return void ctx.say(say.noPlan());
  // The last review's version may be in the archive by now: it is read back when needed.
  const reviewed = await withPlanHistory(ctx.records.store, ctx.userKey, plan, (p) => recordReview(p, { now: ctx.now.toISOString(), by: ctx.userKey }));
  await savePlan(ctx.records.store, ctx.userKey, reviewed);
  const review = lastReview(reviewed)!;
  ctx.say(say.reviewSaved(sayDay(review.at), review.changesSinceLastReview, reviewed.reviews.length === 1));
}

async function setGoal(ctx: TurnContext, deps: PlanDeps, { goal }: Of<'set-goal'>): Promise<void> {
  const plan = await loadPlan(ctx.records.store, ctx.userKey);
  if (!plan) return void ctx.say(say.noPlan());
  const result = apply(ctx, deps, plan, { kind: 'set-goal', goal });
  if (result.ok) await savePlan(ctx.records.store, ctx.userKey, result.plan);
  ctx.say(changeReply(result));
}

export function planEffects(deps: PlanDeps): Partial<Record<Effect['kind'], EffectHandler>> {
  return {
    'apply-plan-change': (ctx, e) => applyChange(ctx, deps, e as Of<'apply-plan-change'>),
    'finish-review': (ctx) => finishReview(ctx),
    'set-goal': (ctx, e) => setGoal(ctx, deps, e as Of<'set-goal'>),
  };
}
