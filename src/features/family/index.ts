/**
 * The family feature, wired in src/app/create-engine.ts: "what's due" (families and students),
 * "questions", and the fallback that answers common family questions typed in free text. Put the
 * fallback before the generic free-text fallback.
 */
import { FamilyQuestionMatcher, type FamilyQuestion, type GradeActions } from '../../domain/family/index.js';
import type { ReviewPolicy } from '../../domain/reminders/index.js';
import type { Command, TextFallback } from '../../engine/command.js';
import type { DenialLogger } from '../people/links.js';
import { exploreForOthersCommand, familyQuestionFallback, familyQuestionsCommand } from './family-questions-command.js';
import { whatsDueCommand } from './whats-due-command.js';

export interface FamilyFeatureDeps {
  gradeActions: GradeActions;
  questions: FamilyQuestion[];
  reviewPolicy: ReviewPolicy;
  logger?: DenialLogger;
}

export function familyFeature(deps: FamilyFeatureDeps): { commands: Command[]; fallback: TextFallback } {
  const matcher = new FamilyQuestionMatcher(deps.questions);
  return {
    // The common questions first: a question from its list is answered from it whatever else it was read as.
    commands: [familyQuestionsCommand(matcher), whatsDueCommand(deps), exploreForOthersCommand()],
    fallback: familyQuestionFallback(matcher),
  };
}

export { DUE_WHICH_Q, ALL_STUDENTS, asksWhatsDue } from './whats-due-command.js';
export { FAMILY_QUESTIONS_Q } from './family-questions-command.js';
