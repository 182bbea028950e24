/** "check my plan": graduation requirements and course order, problems said plainly. */
import { checkPlan, problemsReply, requirementsSentence } from '../../domain/plan/index.js';
import { text } from '../../domain/messages.js';
import { t } from '../../i18n/t.js';
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
      // No plan yet: what graduating takes, then how to start one.
      if (!plan) return void ctx.say(text(requirementsSentence(deps.data.requirements)), text(t('plan.say.noPlanCredits')));
      const problems = checkPlan(plan, deps.data.requirements);
      if (problems.length === 0) return void ctx.say(say.allGood());
      ctx.say(say.checkIntro(), problemsReply(problems), say.howToFix());
    },
  };
}
