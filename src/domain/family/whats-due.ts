/**
 * "What's due this year?", practical next step first: the student's grade with the one thing that
 * matters now (a plan check-in that is due or overdue, or starting a plan when there is none),
 * then what the student should do this year and what the family can do, this year's part of the
 * plan, and what the school and community offer. A handful of short messages, each one idea.
 * Pure: the caller loads the profile, plan and review status.
 */
import type { Grade } from '../grade.js';
import { text, type Reply } from '../messages.js';
import type { Plan } from '../plan/index.js';
import type { ReviewStatus } from '../reminders/index.js';
import { bandForGrade, type GradeActions } from './grade-actions.js';
import { planThisYear } from './plan-this-year.js';
import { reviewLine } from './review-line.js';
import { bullets, byAudience, inGrade, voiceFor, type Audience } from './voice.js';
import { t } from '../../i18n/t.js';

/** Plans are made from grade 6 (by the end of grade 8); younger students only explore. */
export const FIRST_PLAN_GRADE = 6;

export interface WhatsDueInput {
  grade: Grade;
  gradeActions: GradeActions;
  plan?: Plan;
  /** The student's review status now (reviewStatus from src/domain/reminders). */
  reviewInfo?: ReviewStatus;
  /** The student's display name (family audience); the first word is used. */
  studentName?: string;
  /** Who is asking: a family member (default) or the student themself. */
  audience?: Audience;
}

export function whatsDue({ grade, gradeActions, plan, reviewInfo, studentName, audience = 'family' }: WhatsDueInput): Reply[] {
  const v = voiceFor(audience, studentName);
  const band = bandForGrade(gradeActions, grade);
  const family = audience === 'family';
  const planAge = grade >= FIRST_PLAN_GRADE;
  const review = planAge ? reviewLine(reviewInfo, v) : undefined;
  const who = { name: v.name, Name: v.Name, inGrade: inGrade(grade, v) };
  const sentences = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' ');
  const replies: Reply[] = [];

  if (!plan && planAge) {
    // No plan yet: starting one is the next step.
    replies.push(text(sentences(t(byAudience('due.noPlan', v), who), band.planExpected)));
    replies.push(
      text(
        family
          ? sentences(review, t('due.helpStart', { steps: bullets(band.planStart) }))
          : sentences(review, t('due.startStudent')),
      ),
    );
  } else {
    const lead = !plan ? band.planExpected : review;
    replies.push(text(sentences(t(byAudience('due.isInGrade', v), who), lead)));
    if (!plan && family) replies.push(text(t('due.getReady', { steps: bullets(band.planStart) })));
  }

  replies.push(text(t('due.bigThings', { steps: bullets(band.student) })));
  if (family) replies.push(text(t('due.howToHelp', { steps: bullets(band.family) })));
  if (plan) replies.push(planThisYear(plan, grade, v));

  replies.push(text(`${t(byAudience('due.offers', v), { steps: bullets(band.community) })}\n${t(byAudience('due.close', v))}`));
  return replies;
}
