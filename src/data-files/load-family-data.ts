/**
 * Reads and checks the family data files: data/grade-actions.json, data/family-questions.json and
 * the review policy (for the next counselor meeting). Any problem stops start-up with a
 * DataFileError naming the file and the JSON path.
 */
import path from 'node:path';
import { PROJECT_DIR } from '../config.js';
import { parseFamilyQuestions, parseGradeActions, type FamilyQuestion, type GradeActions } from '../domain/family/index.js';
import { parseReviewPolicy, type ReviewPolicy } from '../domain/reminders/index.js';
import { readJsonFile } from './read-json-file.js';

export const GRADE_ACTIONS_FILE = path.join(PROJECT_DIR, 'data/grade-actions.json');
export const FAMILY_QUESTIONS_FILE = path.join(PROJECT_DIR, 'data/family-questions.json');
export const REVIEW_POLICY_FILE = path.join(PROJECT_DIR, 'data/review-policy.json');

export interface FamilyData {
  gradeActions: GradeActions;
  questions: FamilyQuestion[];
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
  /** Used when the policy file names no time zone (WAYPOINT_TIME_ZONE). */
  timeZone?: string;
}

export async function loadFamilyData(files: FamilyDataFiles = {}): Promise<FamilyData> {
  const policyFile = files.reviewPolicyFile ?? REVIEW_POLICY_FILE;
  const [gradeActions, questions, policyJson] = await Promise.all([
    loadGradeActions(files.gradeActionsFile),
    loadFamilyQuestions(files.questionsFile),
    readJsonFile(policyFile),
  ]);
  return { gradeActions, questions, reviewPolicy: parseReviewPolicy(policyJson, policyFile, files.timeZone ?? 'America/Chicago') };
}
