/** The counselor features for the wiring: caseload, list, CSV, reminders, one student's view. */
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Requirements } from '../../domain/plan/index.js';
import type { ReviewPolicy } from '../../domain/reminders/index.js';
import type { Command } from '../../engine/command.js';
import { loadReviewPolicy } from '../../scheduler/load-review-policy.js';
import { caseloadCommand, remindCommand } from './caseload-commands.js';
import { addStudentCommand, removeStudentCommand } from './caseload-membership.js';
import type { CounselorDeps } from './counselor-deps.js';
import { studentViewCommand } from './student-view.js';

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => {
    p ??= load().catch((err: unknown) => {
      p = undefined;
      throw err;
    });
    return p;
  };
}

export interface CounselorOptions extends Omit<CounselorDeps, 'reviewPolicy' | 'requirements'> {
  /** Default: data/review-policy.json with America/Chicago when the file names no time zone. */
  reviewPolicy?: ReviewPolicy;
  /** Graduation requirements for the plan check (AppData.plans.requirements); none skips the check. */
  requirements?: Requirements;
  timeZone?: string;
}

export function counselorCommands(o: CounselorOptions): Command[] {
  const deps: CounselorDeps = {
    ...o,
    reviewPolicy: o.reviewPolicy ? async () => o.reviewPolicy! : once(() => loadReviewPolicy(o.timeZone ?? 'America/Chicago')),
    requirements: async () => o.requirements,
  };
  return [caseloadCommand(deps), remindCommand(deps), addStudentCommand(), removeStudentCommand(), studentViewCommand(deps)];
}

/** `<data folder>/exports` for the lowdb store; a temp folder for stores without a folder. */
export function defaultExportDir(store: object): string {
  const dir = (store as { dir?: unknown }).dir;
  return typeof dir === 'string' ? path.join(dir, 'exports') : path.join(tmpdir(), 'waypoint-exports');
}
