/**
 * Reads and checks the family data files: data/grade-actions.json, data/family-questions.json and
 * the review policy (for the next counselor meeting), and their Spanish versions under data/es/
 * (said in Spanish turns; anything missing there is said in English). Any problem stops start-up
 * with a DataFileError naming the file and the JSON path.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Language } from '../i18n/language.js';
import { PROJECT_DIR } from '../config.js';
import { parseFamilyQuestions, parseGradeActions, withTranslation, type FamilyQuestion, type GradeActions } from '../domain/family/index.js';
import { parseReviewPolicy, type ReviewPolicy } from '../domain/reminders/index.js';
import { DataFileError, readJsonFile } from './read-json-file.js';

export const GRADE_ACTIONS_FILE = path.join(PROJECT_DIR, 'data/grade-actions.json');
export const FAMILY_QUESTIONS_FILE = path.join(PROJECT_DIR, 'data/family-questions.json');
export const REVIEW_POLICY_FILE = path.join(PROJECT_DIR, 'data/review-policy.json');
export const SPANISH_GRADE_ACTIONS_FILE = path.join(PROJECT_DIR, 'data/es/grade-actions.json');
export const SPANISH_FAMILY_QUESTIONS_FILE = path.join(PROJECT_DIR, 'data/es/family-questions.json');

export interface FamilyData {
  /** With its Spanish bands in `translations.es` when data/es/grade-actions.json exists. */
  gradeActions: GradeActions;
  questions: FamilyQuestion[];
  /** The same questions (same ids) in other languages. */
  translatedQuestions: Partial<Record<Language, FamilyQuestion[]>>;
  reviewPolicy: ReviewPolicy;
}

export async function loadGradeActions(file = GRADE_ACTIONS_FILE): Promise<GradeActions> {
  return parseGradeActions(await readJsonFile(file), file);
}

export async function loadFamilyQuestions(file = FAMILY_QUESTIONS_FILE): Promise<FamilyQuestion[]> {
  return parseFamilyQuestions(await readJsonFile(file), file);
}

export interface FamilyDataFiles {
  gradeActionsFile?: string;
  questionsFile?: string;
  reviewPolicyFile?: string;
  /** The Spanish versions; default data/es/..., skipped when the file does not exist. */
  spanishGradeActionsFile?: string;
  spanishQuestionsFile?: string;
  /** Used when the policy file names no time zone (WAYPOINT_TIME_ZONE). */
  timeZone?: string;
}

export async function loadFamilyData(files: FamilyDataFiles = {}): Promise<FamilyData> {
  const policyFile = files.reviewPolicyFile ?? REVIEW_POLICY_FILE;
  const esActionsFile = files.spanishGradeActionsFile ?? SPANISH_GRADE_ACTIONS_FILE;
  const esQuestionsFile = files.spanishQuestionsFile ?? SPANISH_FAMILY_QUESTIONS_FILE;
  const [english, questions, policyJson, esActions, esQuestions] = await Promise.all([
    loadGradeActions(files.gradeActionsFile),
    loadFamilyQuestions(files.questionsFile),
    readJsonFile(policyFile),
    existsSync(esActionsFile) ? loadGradeActions(esActionsFile) : undefined,
    existsSync(esQuestionsFile) ? loadFamilyQuestions(esQuestionsFile) : undefined,
  ]);
  const gradeActions = esActions ? withTranslation(english, 'es', esActions, esActionsFile) : english;
  if (esQuestions) checkSameQuestions(questions, esQuestions, esQuestionsFile);
  return {
    gradeActions,
    questions,
    translatedQuestions: esQuestions ? { es: esQuestions } : {},
    reviewPolicy: parseReviewPolicy(policyJson, policyFile, files.timeZone ?? 'America/Chicago'),
  };
}

/** A translation may leave questions out (they are said in English) but not add unknown ids. */
function checkSameQuestions(english: FamilyQuestion[], translated: FamilyQuestion[], file: string): void {
  const ids = new Set(english.map((q) => q.id));
  translated.forEach((q, i) => {
    if (!ids.has(q.id)) throw new DataFileError(file, `$.questions[${i}].id "${q.id}" is not a question of the English file`);
  });
}
