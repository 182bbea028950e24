/** What the counselor features need from the wiring. */
import type { GradeActions } from '../../domain/family/index.js';
import type { FrameworkIndex } from '../../domain/framework-index.js';
import type { ProactiveSender } from '../../domain/messages.js';
import type { Requirements } from '../../domain/plan/index.js';
import type { ReviewPolicy } from '../../domain/reminders/index.js';
import type { DenialLogger } from '../people/links.js';

export interface CounselorDeps {
  framework: FrameworkIndex;
  /** The review policy (data/review-policy.json), loaded once. */
  reviewPolicy: () => Promise<ReviewPolicy>;
  /** Graduation requirements for plan checks; undefined skips the check. */
  requirements: () => Promise<Requirements | undefined>;
  /** Where the caseload CSV is written. */
  exportDir: string;
  senders: readonly ProactiveSender[];
  /** What each grade does this year (data/family), for "what's due" in a student's view. */
  gradeActions?: GradeActions;
  logger?: DenialLogger & { info(obj: object, msg: string): void };
}
