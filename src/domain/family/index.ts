/**
 * Families: "what's due this year?" and the common family questions. Pure: read the data files
 * elsewhere (src/data-files/load-family-data.ts) and pass `now`-dependent facts in.
 */
export { parseGradeActions, bandForGrade, withTranslation, BAND_IDS, type GradeActions, type GradeBand } from './grade-actions.js';
export { parseFamilyQuestions, type FamilyQuestion } from './family-questions.js';
export { FamilyQuestionMatcher, familyQuestionMatcher, meaningfulTerms } from './match-family-question.js';
export { whatsDue, FIRST_PLAN_GRADE, type WhatsDueInput } from './whats-due.js';
export { voiceFor, firstName, capitalized, type Audience, type Voice } from './voice.js';
export { dayName, seasonName, windowParams } from './review-line.js';
