/** This year's part of a student's plan: classes, work-based learning, activities, goal. */
import type { CardReply, TextReply } from '../messages.js';
import { currentPlan, type Plan, type PlanRowId } from '../plan/index.js';
import { gradeLong } from '../plan/grades.js';
import type { Voice } from './voice.js';

const COURSE_ROWS: PlanRowId[] = ['english', 'math', 'science', 'social-studies', 'career-education', 'other-courses'];

/** A card of this year's plan, or a sentence when the plan has no column for this grade. */
export function planThisYear(plan: Plan, grade: number, voice: Voice): CardReply | TextReply {
  const c = currentPlan(plan);
  const year = c.grades.find((g) => g.grade === grade);
  if (!year) {
    const where = grade < c.firstGrade ? `starts in ${gradeLong(c.firstGrade)}` : 'ends two years after high school';
    return { kind: 'text', text: `${voice.Possessive} plan ${where}, so it has nothing for this year.` };
  }
  const names = (rows: PlanRowId[]) => rows.flatMap((r) => year.rows[r].map((i) => i.name));
  const fields = [
    { label: 'Classes', value: names(COURSE_ROWS).join(', ') || 'None listed yet' },
    { label: 'Work-based learning', value: names(['work-based-learning']).join(', ') || 'None listed yet' },
    { label: 'Activities', value: names(['activities']).join(', ') || 'None listed yet' },
    { label: 'Goal after high school', value: c.goal || 'Not chosen yet' },
  ];
  const title = `This year in ${voice.possessive} plan (${gradeLong(grade)})`;
  return { kind: 'card', title, fields, text: [title, ...fields.map((f) => `${f.label}: ${f.value}`)].join('\n') };
}
