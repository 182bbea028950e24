/**
 * The counselor features for the wiring: caseload numbers, lists, search and paging, the CSV,
 * one student's view, meetings, notes, sign-off, and reminders with a preview (a flow).
 */
import { tmpdir } from 'node:os';
import path from 'node:path';
import { counselorRemindMachine, COUNSELOR_REMIND_FLOW, COUNSELOR_REMIND_VERSION, REMIND_CONFIRM_Q } from '../../../flows/counselor-remind.js';
import type { Effect } from '../../../flows/flow-protocol.js';
import type { GradeActions } from '../../domain/family/index.js';
import type { Requirements } from '../../domain/plan/index.js';
import type { ReviewPolicy } from '../../domain/reminders/index.js';
import type { Command, TextFallback } from '../../engine/command.js';
import type { EffectHandler } from '../../engine/engine.js';
import type { FlowDefinition } from '../../engine/flow-runner.js';
import { t } from '../../i18n/t.js';
import { loadReviewPolicy } from '../../scheduler/load-review-policy.js';
import { caseloadCommand, moreCommand, remindCommand } from './caseload-commands.js';
import { removeStudentCommand } from './caseload-membership.js';
import type { CounselorDeps } from './counselor-deps.js';
import { counselorFallback, counselorNameReader } from './counselor-text.js';
import { meetingCommand, noteCommand } from './meeting-commands.js';
import { counselorEffects } from './remind-effects.js';
import { counselorSignCommand, ownSignCommand, whoSignedCommand } from './sign-plan-commands.js';
import { studentActionsCommand } from './student-actions-command.js';
import { studentViewCommand } from './student-view.js';
import { icapExportCommand, principalReportCommand } from './report-command.js';

export { notForCounselors } from './counselor-text.js';

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
  gradeActions?: GradeActions;
}

function depsOf(o: CounselorOptions): CounselorDeps {
  return {
    ...o,
    reviewPolicy: o.reviewPolicy ? async () => o.reviewPolicy! : once(() => loadReviewPolicy(o.timeZone ?? 'America/Chicago')),
    requirements: async () => o.requirements,
  };
}

function commandsOf(deps: CounselorDeps): Command[] {
  return [
    caseloadCommand(deps),
    moreCommand(deps),
    remindCommand(deps),
    meetingCommand(deps),
    noteCommand(deps),
    counselorSignCommand(deps),
    ownSignCommand(deps.logger),
    whoSignedCommand(),
    // "add student" (a request the student accepts) is in the people feature.
    removeStudentCommand(),
    studentViewCommand(deps),
    studentActionsCommand(deps),
    principalReportCommand(deps),
    icapExportCommand(deps),
  ];
}

export function counselorCommands(o: CounselorOptions): Command[] {
  return commandsOf(depsOf(o));
}

export interface CounselorFeature {
  commands: Command[];
  flows: FlowDefinition[];
  effects: Partial<Record<Effect['kind'], EffectHandler>>;
  /** Read before intents: a student's name typed alone. */
  textReader: TextFallback;
  /** Before the job matcher: the counselor's help for text nothing understood. */
  fallback: TextFallback;
}

export function counselorFeature(o: CounselorOptions): CounselorFeature {
  const deps = depsOf(o);
  return {
    commands: commandsOf(deps),
    flows: [
      {
        id: COUNSELOR_REMIND_FLOW,
        version: COUNSELOR_REMIND_VERSION,
        machine: counselorRemindMachine,
        // A getter: read while a turn is handled, so help says it in that turn's language.
        get doing() {
          return t('counselor.remind.doing');
        },
        questionIds: [REMIND_CONFIRM_Q],
      },
    ],
    effects: counselorEffects(deps),
    textReader: counselorNameReader(deps),
    fallback: counselorFallback(),
  };
}

/** `<data folder>/exports` for the lowdb store; a temp folder for stores without a folder. */
export function defaultExportDir(store: object): string {
  const dir = (store as { dir?: unknown }).dir;
  return typeof dir === 'string' ? path.join(dir, 'exports') : path.join(tmpdir(), 'waypoint-exports');
}
