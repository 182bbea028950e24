/** Reads data/review-policy.json (or another file) and checks it. */
import path from 'node:path';
import { PROJECT_DIR } from '../config.js';
import { readJsonFile } from '../data-files/read-json-file.js';
import { parseReviewPolicy, type ReviewPolicy } from '../domain/reminders/index.js';

export const DEFAULT_REVIEW_POLICY_FILE = path.join(PROJECT_DIR, 'data/review-policy.json');

export async function loadReviewPolicy(defaultTimeZone: string, file = DEFAULT_REVIEW_POLICY_FILE): Promise<ReviewPolicy> {
  return parseReviewPolicy(await readJsonFile(file), file, defaultTimeZone);
}
