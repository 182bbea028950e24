/** The Personal Plan of Study in the chat: its commands and its free-text reader, for createEngine. */
import type { Command, TextFallback } from '../../engine/command.js';
import { planChangeFallback, planConfirmCommand, planUndoCommand } from './plan-change.js';
import { planCheckCommand } from './plan-check-command.js';
import { planCommand } from './plan-command.js';
import { planExportCommand } from './plan-export-command.js';
import { planGradeCommand } from './plan-grade-command.js';
import { planReviewCommand, reviewDoneFallback } from './plan-review-command.js';
import type { PlanDeps } from './plan-show.js';

export type { PlanDeps } from './plan-show.js';

export function planCommands(deps: PlanDeps): Command[] {
  return [
    planCommand(deps),
    planGradeCommand(deps),
    planCheckCommand(deps),
    planReviewCommand(deps),
    planExportCommand(deps),
    planUndoCommand(deps),
    planConfirmCommand(deps),
  ];
}

export function planFallback(deps: PlanDeps): TextFallback {
  const change = planChangeFallback(deps);
  const done = reviewDoneFallback();
  return async (ctx, typed) => (await done(ctx, typed)) || change(ctx, typed);
}
