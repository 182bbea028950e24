/** This year's part of a student's plan: classes, work-based learning, activities, goal. */
import { dataPhrase, planItemName } from '../../i18n/plan-data-words.js';
import { t } from '../../i18n/t.js';
import type { CardReply, TextReply } from '../messages.js';
import { currentPlan, type Plan, type PlanRowId } from '../plan/index.js';
import { byAudience, gradeLong, type Voice } from './voice.js';

const COURSE_ROWS: PlanRowId[] = ['english', 'math', 'science', 'social-studies', 'career-education', 'other-courses'];

/** A card of this year's plan, or a sentence when the plan has no column for this grade. */
export function planThisYear(plan: Plan, grade: number, voice: Voice): CardReply | TextReply {
  const c = currentPlan(plan);
  const year = c.grades.find((g) => g.grade === grade);
  const who = { name: voice.name, Name: voice.Name };
  if (!year) {
    const said =
      grade < c.firstGrade
        ? t(byAudience('due.plan.startsIn', voice), { ...who, grade: gradeLong(c.firstGrade) })
        : t(byAudience('due.plan.ended', voice), who);
    return { kind: 'text', text: said };
  }
  const names = (rows: PlanRowId[]) => rows.flatMap((r) => year.rows[r].map((i) => planItemName(r, i)));
  const none = t('due.plan.noneYet');
  const fields = [
    { label: t('due.plan.classes'), value: names(COURSE_ROWS).join(', ') || none },
    { label: t('due.plan.workBased'), value: names(['work-based-learning']).join(', ') || none },
    { label: t('due.plan.activities'), value: names(['activities']).join(', ') || none },
    { label: t('due.plan.goal'), value: c.goal ? dataPhrase(c.goal) : t('due.plan.goalNotChosen') },
  ];
  const title = t(byAudience('due.plan.title', voice), { ...who, grade: gradeLong(grade) });
  return { kind: 'card', title, fields, text: [title, ...fields.map((f) => `${f.label}: ${f.value}`)].join('\n') };
}
