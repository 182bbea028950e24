/**
 * "export my plan" / "download my plan": the whole plan as a PDF (laid out like a printed plan of
 * study) and a CSV, written into the export folder. The terminal prints the paths; channels that
 * can send files send them.
 */
import { writePlanExports } from '../../export/write-plan-exports.js';
import type { Command } from '../../engine/command.js';
import { loadPlan } from './plan-records.js';
import { say } from './plan-replies.js';
import { headerFor, studentGrade, type PlanDeps } from './plan-show.js';
import { isExportWords } from './plan-words.js';

export function planExportCommand(deps: PlanDeps): Command {
  return {
    id: 'plan-export',
    intents: ['plan-export'],
    roles: ['student'],
    matches: isExportWords,
    run: async (ctx) => {
      const plan = await loadPlan(ctx.records.store, ctx.userKey);
      if (!plan) return void ctx.say(say.noPlan());
      if (!deps.exportDir) return void ctx.say(say.noExportFolder());
      const now = ctx.now.toISOString();
      const stamp = now.replace(/[^0-9]/g, '').slice(0, 14);
      const grade = studentGrade(ctx);
      try {
        const files = await writePlanExports(plan, await headerFor(ctx, deps, plan), {
          folder: deps.exportDir,
          // Unique on disk; people see only "plan-of-study-2026-12-01" (no internal ids).
          baseName: `plan-of-study-${ctx.userKey}-${stamp}`,
          shownName: `plan-of-study-${now.slice(0, 10)}`,
          now,
          ...(grade !== undefined ? { studentGrade: grade } : {}),
        });
        // The path is shown by channels that keep files on this machine (the terminal's "Saved to:").
        const replies = files.replies.map((r) => ({ ...r, text: r.mimeType === 'application/pdf' ? say.exportedPdf() : say.exportedCsv() }));
        ctx.say(say.exported(), ...replies);
      } catch {
        ctx.say(say.exportFailed());
      }
    },
  };
}
