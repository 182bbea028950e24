/**
 * "What's due this year?": the practical next steps first (what the student should do at this
 * grade), then what the family can do, this year's part of the plan (or, before there is a plan,
 * what planning is expected and how to start), the next review or counselor meeting, and what the
 * school and community offer. Pure: the caller loads the profile, plan and review status.
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
  const replies: Reply[] = [text(`${v.SubjectIs} ${inGrade(grade, v)}. This year the big things are:\n${bullets(band.student)}`)];

  if (family) replies.push(text(`How you can help:\n${bullets(band.family)}`));

  if (plan) {
    replies.push(planThisYear(plan, grade, v));
  } else if (grade < FIRST_PLAN_GRADE) {
    replies.push(text(band.planExpected));
    if (family) replies.push(text(`Ways to get ready:\n${bullets(band.planStart)}`));
  } else if (family) {
    replies.push(text(`${v.SubjectDoesnt} have a plan in Waypoint yet. ${band.planExpected}`));
    replies.push(text(`How you can help start it:\n${bullets(band.planStart)}`));
  } else {
    replies.push(
      text(
        `You don't have a Personal Plan of Study (your map of classes and activities) yet. ${band.planExpected} ` +
          'To get started, type explore to find a Career Pathway, then talk with your counselor.',
      ),
    );
  }

  const review = grade >= FIRST_PLAN_GRADE ? reviewLine(reviewInfo, v) : undefined;
  if (review) replies.push(text(review));

  const offers = family ? 'What the school and community offer:' : 'What your school and community offer:';
  replies.push(text(`${offers}\n${bullets(band.community)}`));
  replies.push(
    text(
      family
        ? 'Nothing here is final: plans change every year, and that is normal. Type questions for answers to common family questions.'
        : 'Nothing here is final: plans change every year, and that is normal.',
    ),
  );
  return replies;
}
