/**
 * Plan questions in the student's own words, routed here by the understanding step: "show me my
 * plan for 10th grade", "what classes should i take next year", "swap geometry for algebra".
 */
import { text } from '../../domain/messages.js';
import { t } from '../../i18n/t.js';
import { say } from './plan-replies.js';
import { parseGrade, planTable, showGradeReply } from '../../domain/plan/index.js';
import type { Command, TextFallback, TurnContext } from '../../engine/command.js';
import { loadPlan } from './plan-records.js';
import { markThisYear, studentGrade, type PlanDeps } from './plan-show.js';

/** One year of the plan (or both years after high school), marked when it is this year. */
async function showYear(ctx: TurnContext, grade: number, lead?: string): Promise<void> {
  const plan = await loadPlan(ctx.records.store, ctx.userKey);
  if (!plan) {
    ctx.say(say.noPlanToShow());
    return;
  }
  const reply = grade >= 13 ? planTable(plan, undefined, t('plan.view.afterHighSchool'), [13, 14]) : showGradeReply(plan, grade);
  if (lead) ctx.say(text(lead));
  ctx.say(...markThisYear([reply], plan, studentGrade(ctx)));
}

export function planIntentCommands(deps: PlanDeps, planChange: TextFallback): Command[] {
  const never = () => false;
  return [
    {
      id: 'plan-show-words',
      roles: ['student'],
      intents: ['plan-show'],
      matches: never,
      run: async (ctx, { text: typed = '' }) => {
        const grade = parseGrade(typed);
        if (grade !== undefined) return showYear(ctx, grade);
        await ctx.runCommand('plan');
      },
    },
    {
      id: 'classes-next',
      roles: ['student'],
      intents: ['classes-next'],
      matches: never,
      run: async (ctx, { text: typed = '' }) => {
        const named = parseGrade(typed);
        const now = studentGrade(ctx);
        const grade = named ?? (now !== undefined ? Math.min(now + 1, 13) : undefined);
        if (grade === undefined) return void ctx.say(say.whichGradeClasses());
        const lead = named === undefined ? say.nextYearLead() : undefined;
        await showYear(ctx, grade, lead);
      },
    },
    {
      id: 'plan-change-words',
      roles: ['student'],
      intents: ['plan-change'],
      matches: never,
      run: async (ctx, { text: typed = '' }) => {
        if (await planChange(ctx, typed)) return;
        ctx.say(say.changeHow());
      },
    },
  ];
}
