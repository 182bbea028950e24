/**
 * Showing a student's plan in the chat: the header facts (name, school, goal, Path, Cluster,
 * Pathway, last review), this year first, and which column is this year.
 */
import type { FrameworkIndex } from '../../domain/framework-index.js';
import type { Reply } from '../../domain/messages.js';
import {
  currentPlan,
  currentVersion,
  gradeColumn,
  optionsReply,
  planHeader,
  showPlanReplies,
  type Plan,
  type PlanData,
  type PlanHeader,
} from '../../domain/plan/index.js';
import type { TurnContext } from '../../engine/command.js';
import { MEETINGS, type MeetingRecord } from '../../domain/meetings.js';
import { signatureLine } from '../../domain/plan-signatures.js';
import { text } from '../../domain/messages.js';
import { schoolOf } from './plan-records.js';

export interface PlanDeps {
  fw: FrameworkIndex;
  data: PlanData;
  /** Folder for PDF/CSV exports; none = this process cannot save files. */
  exportDir?: string;
}

/** The student's grade now (from their profile), when known. */
export function studentGrade(ctx: TurnContext): number | undefined {
  return ctx.profile()?.grade;
}

export async function headerFor(ctx: TurnContext, deps: PlanDeps, plan: Plan): Promise<PlanHeader> {
  const name = ctx.profile()?.displayName?.trim() || undefined;
  const school = await schoolOf(ctx.records.store, ctx.userKey);
  return planHeader(plan, deps.fw.framework, { ...(name ? { name } : {}), ...(school ? { school } : {}) });
}

/** The grade shown as "this year": the student's grade, kept inside the plan's columns. */
export function thisYearOf(plan: Plan, grade: number | undefined): number {
  const c = currentPlan(plan);
  return Math.min(Math.max(grade ?? c.currentGrade, c.firstGrade), 14);
}

/** Marks this year's column in every plan table so channels can show it first. */
export function markThisYear(replies: Reply[], plan: Plan, grade: number | undefined): Reply[] {
  const column = gradeColumn(thisYearOf(plan, grade));
  return replies.map((r) => {
    if (r.kind !== 'plan') return r;
    const i = r.grades.indexOf(column);
    return i >= 0 ? { ...r, thisYearIndex: i } : r;
  });
}

/** "show my plan": this year, the compact view, the options after high school, what to say next. */
export async function showPlan(ctx: TurnContext, deps: PlanDeps, plan: Plan, opts: { goalHint?: boolean } = {}): Promise<Reply[]> {
  const grade = studentGrade(ctx);
  const header = await headerFor(ctx, deps, plan);
  const replies = showPlanReplies(plan, header, { ...(grade !== undefined ? { studentGrade: grade } : {}), ...opts });
  const tables = replies.filter((r) => r.kind === 'plan');
  const rest = replies.filter((r) => r.kind !== 'plan');
  return markThisYear([...tables, optionsReply(plan), ...(await signedReplies(ctx, plan)), ...rest], plan, grade);
}

/** Who has signed this version of the plan (the ICAP sign-off), once anyone has. */
async function signedReplies(ctx: TurnContext, plan: Plan): Promise<Reply[]> {
  const record = await ctx.records.store.get<MeetingRecord>(MEETINGS, ctx.userKey);
  const version = currentVersion(plan).number;
  if (!record?.signatures.some((s) => s.planVersion === version)) return [];
  return [text(signatureLine(record, version))];
}
