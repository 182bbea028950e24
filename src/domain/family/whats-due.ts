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
import { bullets, inGrade, voiceFor, type Audience } from './voice.js';

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
  const replies: Reply[] = [];

  if (!plan && planAge) {
    // No plan yet: starting one is the next step.
    const none = family
      ? `${v.SubjectIs} ${inGrade(grade, v)} and doesn't have a plan in Waypoint yet.`
      : `You're ${inGrade(grade, v)} and don't have a Personal Plan of Study (your map of classes and activities) yet.`;
    replies.push(text(`${none} ${band.planExpected}`));
    replies.push(
      text(
        family
          ? `${review ? `${review} ` : ''}How you can help start it:\n${bullets(band.planStart)}`
          : `${review ? `${review} ` : ''}To get started, type explore to find a Career Pathway, then talk with your counselor.`,
      ),
    );
  } else {
    const lead = !plan ? band.planExpected : review;
    replies.push(text(`${v.SubjectIs} ${inGrade(grade, v)}.${lead ? ` ${lead}` : ''}`));
    if (!plan && family) replies.push(text(`Ways to get ready:\n${bullets(band.planStart)}`));
  }

  replies.push(text(`This year the big things are:\n${bullets(band.student)}`));
  if (family) replies.push(text(`How you can help:\n${bullets(band.family)}`));
  if (plan) replies.push(planThisYear(plan, grade, v));

  const offers = family ? 'What the school and community offer:' : 'What your school and community offer:';
  const close = family
    ? 'Nothing here is final: plans change every year, and that is normal. Type questions for answers to common family questions.'
    : 'Nothing here is final: plans change every year, and that is normal.';
  replies.push(text(`${offers}\n${bullets(band.community)}\n${close}`));
  return replies;
}
