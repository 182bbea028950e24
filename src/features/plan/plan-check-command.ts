/** "check my plan": graduation requirements and course order, problems said plainly. */
import { checkPlan, problemsReply } from '../../domain/plan/index.js';
import type { Command } from '../../engine/command.js';
import { loadPlan } from './plan-records.js';
import { say } from './plan-replies.js';
import type { PlanDeps } from './plan-show.js';
import { isCheckWords } from './plan-words.js';

export function planCheckCommand(deps: PlanDeps): Command {
  return {
    id: 'plan-check',
    intents: ['plan-check'],
    roles: ['student'],
    matches: isCheckWords,
    run: async (ctx) => {
      const plan = await loadPlan(ctx.records.store, ctx.userKey);
      if (!plan) return void ctx.say(say.noPlan());
      const problems = checkPlan(plan, deps.data.requirements);
      if (problems.length === 0) return void ctx.say(say.allGood());
      ctx.say(say.checkIntro(), problemsReply(problems), say.howToFix());
    },
  };
}
