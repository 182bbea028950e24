/**
 * The family feature, wired in src/app/create-engine.ts: "what's due" (families and students),
 * "show his plan" and its PDF, "questions", "is he ok" (where a linked student stands), and the fallback that answers common
 * family questions typed in free text. Put the fallback before the generic free-text fallback.
 */
import type { FamilyQuestion, GradeActions } from '../../domain/family/index.js';
import type { FrameworkIndex } from '../../domain/framework-index.js';
import type { Language } from '../../i18n/language.js';
import type { ReviewPolicy } from '../../domain/reminders/index.js';
import type { Command, TextFallback } from '../../engine/command.js';
import type { DenialLogger } from '../people/links.js';
import { exploreForOthersCommand, familyQuestionFallback, familyQuestionsCommand } from './family-questions-command.js';
import { FamilyQuestionBook } from './question-book.js';
import { studentStatusCommand } from './student-status-command.js';
import { whatsDueCommand } from './whats-due-command.js';
import { familyRemindersCommand } from './family-reminders-command.js';
import { familyPlanChangeCommand, familyPlanCommand, familyPlanPdfCommand } from './family-plan-command.js';

export interface FamilyFeatureDeps {
  gradeActions: GradeActions;
  questions: FamilyQuestion[];
  /** The same questions in other languages (data/es/family-questions.json). */
  translatedQuestions?: Partial<Record<Language, FamilyQuestion[]>>;
  reviewPolicy: ReviewPolicy;
  /** For the whole plan ("show his plan") and its PDF; without it families see this year's part only (what's due). */
  fw?: FrameworkIndex;
  /** Folder for the plan's PDF; none = this process cannot save files. */
  exportDir?: string;
  logger?: DenialLogger;
}

export function familyFeature(deps: FamilyFeatureDeps): { commands: Command[]; fallback: TextFallback } {
  const book = new FamilyQuestionBook(deps.questions, deps.translatedQuestions);
  return {
    // The common questions first: a question from its list is answered from it whatever else it was read as.
    commands: [
      familyQuestionsCommand(book),
      ...(deps.fw ? [familyPlanCommand({ ...deps, fw: deps.fw }), familyPlanPdfCommand({ ...deps, fw: deps.fw })] : []),
      familyPlanChangeCommand(),
      whatsDueCommand(deps),
      studentStatusCommand(deps),
      familyRemindersCommand(),
      exploreForOthersCommand(),
    ],
    fallback: familyQuestionFallback(book),
  };
}

export { DUE_WHICH_Q, ALL_STUDENTS, asksWhatsDue, howToLink } from './whats-due-command.js';
export { FamilyQuestionBook } from './question-book.js';
export { asksStudentStatus } from './student-status-command.js';
export { alreadyLinkedReply } from './already-linked.js';
export { FAMILY_QUESTIONS_Q } from './family-questions-command.js';
