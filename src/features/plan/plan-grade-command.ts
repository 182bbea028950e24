/**
 * "show 10th grade", "show me my junior year", "what am I taking in 11th grade": one year of the
 * plan; "show after high school": the two years after high school.
 */
import { planTable, showGradeReply } from '../../domain/plan/index.js';
import { t } from '../../i18n/t.js';
import type { Command } from '../../engine/command.js';
import { commandWords } from '../../engine/read-input.js';
import { loadPlan } from './plan-records.js';
import { say } from './plan-replies.js';
import { markThisYear, studentGrade, type PlanDeps } from './plan-show.js';
import { gradesAskedFor } from './plan-words.js';

export function planGradeCommand(_deps: PlanDeps): Command {
  return {
    id: 'plan-grade',
    roles: ['student'],
    matches: (w) => gradesAskedFor(w) !== undefined,
    run: async (ctx, { text = '' }) => {
      const grades = gradesAskedFor(commandWords(text));
      const plan = await loadPlan(ctx.records.store, ctx.userKey);
      if (!plan) return void ctx.say(say.noPlan());
      if (grades === undefined) return void ctx.say(say.noPlan());
      const reply = grades.length === 1 ? showGradeReply(plan, grades[0]!) : planTable(plan, undefined, t('plan.view.afterHighSchool'), grades);
      ctx.say(...markThisYear([reply], plan, studentGrade(ctx)));
    },
  };
}
