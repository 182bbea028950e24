/**
 * One student's plan status in a few words, the same in the chat list, the student view, the CSV,
 * reports and reminders: planStatus (src/domain/reminders/plan-status.ts), most pressing first.
 */
import { PLAN_STATUS_WORDS, type PlanStatus, type PlanStatusCode } from '../../domain/reminders/index.js';

export type StudentStatus = PlanStatusCode;
export const STATUS_WORDS = PLAN_STATUS_WORDS;

export function statusOf(r: { status: Pick<PlanStatus, 'code'> }): StudentStatus {
  return r.status.code;
}

export const statusWords = (r: { status: Pick<PlanStatus, 'code'> }): string => STATUS_WORDS[statusOf(r)];
