/** What the home summaries share: their dependencies, the menu question, and a few phrases. */
import type { FrameworkIndex } from '../../domain/framework-index.js';
import { voiceFor } from '../../domain/family/index.js';
import { planThisYear } from '../../domain/family/plan-this-year.js';
import type { Plan } from '../../domain/plan/index.js';
import type { ReviewPolicy, ReviewStatus } from '../../domain/reminders/index.js';
import { shortDate } from '../../domain/reminders/reminder-messages.js';
import type { Records } from '../../store/records.js';

/** The engine's menu question: a button with a command id runs that command. */
export const HOME_Q = 'menu';

export interface HomeDeps {
  records: Records;
  framework: FrameworkIndex;
  /** The review policy (data/review-policy.json), for next review dates. */
  reviewPolicy: ReviewPolicy;
  now?: () => Date;
}

/** This year's classes from the plan, or what to do when there is none yet. */
export function thisYearClasses(plan: Plan | undefined, grade: number | undefined): string {
  if (!plan) return 'No plan yet';
  if (grade === undefined) return 'Tell me your grade to see this year';
  const year = planThisYear(plan, grade, voiceFor('student'));
  if (year.kind === 'text') return year.text;
  return year.fields.find((f) => f.label === 'Classes')?.value ?? 'None listed yet';
}

export const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** When the next plan check-in with the counselor is, in a few words. */
export function nextCheckIn(status: ReviewStatus): string {
  const open = status.openWindow;
  if (status.state === 'overdue') return 'Overdue: ask the counselor for a short meeting soon';
  if (status.state === 'due' && open) return `Due now, by ${shortDate(open.lastDay)} (${open.label} check-in)`;
  if (status.state === 'no-plan' && open) return `Counselors are meeting about plans now, until ${shortDate(open.lastDay)}`;
  const next = status.nextWindow;
  return next ? `${capital(next.label)}, ${shortDate(next.firstDay)} to ${shortDate(next.lastDay)}` : 'Next school year';
}
