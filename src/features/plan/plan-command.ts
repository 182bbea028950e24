/**
 * "plan" / "my plan" / "show my plan" (and the explore flow's "Make my plan of study" button):
 * drafts a plan when there is none, else shows it. Also answers its own buttons: explore first,
 * pick a pathway inside the chosen cluster, the goal after high school, and a new draft after the
 * student chose a different pathway.
 */
import {
  applyPlanChange,
  changeReply,
  currentPlan,
  draftPlan,
  draftPlanContent,
  type Plan,
} from '../../domain/plan/index.js';
import { appendVersion } from '../../domain/plan/plan-history.js';
import { frameworkName } from '../../i18n/framework-words.js';
import { DEFAULT_LANGUAGE } from '../../i18n/language.js';
import { t, tIn } from '../../i18n/t.js';
import { MAKE_PLAN_REMINDER_QUESTION } from '../../domain/reminders/reminder-messages.js';
import type { Command, TurnContext } from '../../engine/command.js';
import { saveChoice } from '../explore/explore-effects.js';
import { loadPlan, savePlan } from './plan-records.js';
import { goalLater } from '../../../flows/plan-replies.js';
import type { PlanFlowInput } from '../../../flows/plan.js';
import { GOAL_Q, NO_PATHWAY_Q, PICK_PATHWAY_Q, PLAN_FLOW, REDRAFT_Q, say } from './plan-replies.js';
import { showPlan, studentGrade, type PlanDeps } from './plan-show.js';
import { isPlanWords } from './plan-words.js';

/** A pathway's name as said in this turn ("Enfermería (Nursing)" in Spanish); the id when unknown. */
function pathwayName(deps: PlanDeps, id: string): string {
  const p = deps.fw.pathway(id);
  return p ? frameworkName('pathway', p.id, p.name) : id;
}

/** The grade a plan is drafted for: 6..12 (students past high school get the high school years too). */
function draftGrade(grade: number): number {
  return Math.min(Math.max(grade, 6), 12);
}

async function draftAndShow(ctx: TurnContext, deps: PlanDeps, pathwayId: string, grade: number): Promise<void> {
  const plan = draftPlan({
    framework: deps.fw.framework,
    data: deps.data,
    pathwayId,
    currentGrade: draftGrade(grade),
    now: ctx.now.toISOString(),
    by: ctx.userKey,
  });
  await savePlan(ctx.records.store, ctx.userKey, plan);
  const c = currentPlan(plan);
  // The goal question comes next, so the plan's own hint about a goal is left out.
  const shown = await showPlan(ctx, deps, plan, { goalHint: false });
  ctx.say(say.drafted(pathwayName(deps, pathwayId), c.firstGrade), ...shown);
  if (c.goalSuggestions.length > 0) ctx.say(say.goalQuestion(c.goalSuggestions));
  else await askTypedGoal(ctx);
}

/** "I'll type my own": the plan flow waits for the goal. */
function askTypedGoal(ctx: TurnContext): Promise<void> {
  const input: PlanFlowInput = { start: 'goal' };
  return ctx.startFlow(PLAN_FLOW, input, { keepCurrent: true });
}

/** Draft (when the student can have a plan) or show. */
export async function openPlan(ctx: TurnContext, deps: PlanDeps): Promise<void> {
  const profile = ctx.profile();
  if (!profile || profile.role !== 'student') return void ctx.say(say.notStudent());
  const plan = await loadPlan(ctx.records.store, ctx.userKey);
  const chosen = profile.choice?.pathwayId;
  if (plan) {
    ctx.say(...(await showPlan(ctx, deps, plan)));
    const planPathway = currentPlan(plan).pathwayId;
    if (chosen && chosen !== planPathway && deps.fw.pathway(chosen)) {
      ctx.say(say.redraftQuestion(pathwayName(deps, planPathway), pathwayName(deps, chosen)));
    }
    return;
  }
  const grade = profile.grade;
  if (grade === undefined) {
    ctx.say(say.needGrade());
    return ctx.startFlow('onboarding', { firstContact: false });
  }
  if (grade < 6) return void ctx.say(say.tooYoung());
  if (chosen && deps.fw.pathway(chosen)) return draftAndShow(ctx, deps, chosen, grade);
  const clusterId = profile.choice?.clusterId;
  const cluster = clusterId ? deps.fw.cluster(clusterId) : undefined;
  if (cluster) {
    const pathways = cluster.pathways.map((p) => ({ id: p.id, name: frameworkName('pathway', p.id, p.name) }));
    return void ctx.say(say.pickPathway(frameworkName('cluster', cluster.id, cluster.name), pathways));
  }
  ctx.say(say.noPathway());
}

async function chooseGoal(ctx: TurnContext, deps: PlanDeps, choiceId: string): Promise<void> {
  if (choiceId === 'own') return askTypedGoal(ctx);
  if (choiceId === 'later') return void ctx.say(goalLater());
  const plan = await loadPlan(ctx.records.store, ctx.userKey);
  if (!plan) return void ctx.say(say.noPlan());
  const goal = currentPlan(plan).goalSuggestions[Number(choiceId.replace(/^goal:/, ''))];
  if (!goal) return askTypedGoal(ctx);
  // Tapping a goal is the student's own choice, so it is saved at once (and "undo" takes it back).
  const result = applyPlanChange(plan, { kind: 'set-goal', goal }, { now: ctx.now.toISOString(), by: ctx.userKey, data: deps.data });
  if (result.ok) await savePlan(ctx.records.store, ctx.userKey, result.plan);
  ctx.say(changeReply(result));
}

async function redraft(ctx: TurnContext, deps: PlanDeps, plan: Plan): Promise<void> {
  const chosen = ctx.profile()?.choice?.pathwayId;
  const grade = studentGrade(ctx);
  const pathway = chosen ? deps.fw.pathway(chosen) : undefined;
  if (!chosen || !pathway || grade === undefined) return void ctx.say(say.keptPlan());
  const before = currentPlan(plan);
  const content = draftPlanContent({ framework: deps.fw.framework, data: deps.data, pathwayId: chosen, currentGrade: draftGrade(grade) });
  content.goal = before.goal;
  // The version's line is stored, so in English.
  const summary = tIn(DEFAULT_LANGUAGE)('plan.changes.redrafted', { pathway: pathway.name });
  const next = appendVersion(plan, content, { now: ctx.now.toISOString(), by: ctx.userKey, summary });
  await savePlan(ctx.records.store, ctx.userKey, next);
  ctx.say(say.redrafted(frameworkName('pathway', pathway.id, pathway.name)));
}

async function onButton(ctx: TurnContext, deps: PlanDeps, questionId: string, choiceId: string): Promise<void> {
  if (questionId === MAKE_PLAN_REMINDER_QUESTION) return openPlan(ctx, deps);
  if (questionId === GOAL_Q) return chooseGoal(ctx, deps, choiceId);
  if (choiceId === 'explore') return ctx.runCommand('explore');
  if (questionId === NO_PATHWAY_Q) return void ctx.say(say.noPathwayLater());
  if (questionId === PICK_PATHWAY_Q) {
    const pathwayId = choiceId.replace(/^pathway:/, '');
    const cluster = deps.fw.clusterOfPathway(pathwayId);
    const grade = studentGrade(ctx);
    if (!cluster || grade === undefined) return openPlan(ctx, deps);
    await saveChoice(ctx, { kind: 'save-choice', pathId: deps.fw.pathOfCluster(cluster.id)!.id, clusterId: cluster.id, pathwayId });
    if (await loadPlan(ctx.records.store, ctx.userKey)) return openPlan(ctx, deps);
    return draftAndShow(ctx, deps, pathwayId, grade);
  }
  if (questionId === REDRAFT_Q) {
    const plan = await loadPlan(ctx.records.store, ctx.userKey);
    if (!plan) return openPlan(ctx, deps);
    if (choiceId === 'yes') return redraft(ctx, deps, plan);
    return void ctx.say(say.keptPlan());
  }
}

export function planCommand(deps: PlanDeps): Command {
  return {
    id: 'plan',
    intents: ['plan-show'],
    // Getters: read when the menu or help is shown, in that turn's language.
    get menuLabel() {
      return t('plan.commands.menu');
    },
    get help() {
      return t('plan.commands.helpPlan');
    },
    roles: ['student'],
    matches: isPlanWords,
    questionIds: [GOAL_Q, NO_PATHWAY_Q, PICK_PATHWAY_Q, REDRAFT_Q, MAKE_PLAN_REMINDER_QUESTION],
    run: async (ctx, { questionId, choiceId }) => {
      if (questionId && choiceId !== undefined) return onButton(ctx, deps, questionId, choiceId);
      await openPlan(ctx, deps);
    },
  };
}
