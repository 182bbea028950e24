/**
 * What the home summaries share: their dependencies, the menu question, and a few phrases, in the
 * language being spoken (home.* in the catalogs).
 */
import type { FrameworkIndex } from '../../domain/framework-index.js';
import { voiceFor } from '../../domain/family/index.js';
import { planThisYear } from '../../domain/family/plan-this-year.js';
import type { Plan } from '../../domain/plan/index.js';
import type { ReviewPolicy, ReviewStatus } from '../../domain/reminders/index.js';
import { dayWords, seasonWords } from '../../domain/reminders/day-words.js';
import { t } from '../../i18n/t.js';
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
  if (!plan) return t('home.noPlan');
  if (grade === undefined) return t('home.tellGrade');
  const year = planThisYear(plan, grade, voiceFor('student'));
  if (year.kind === 'text') return year.text;
  return year.fields.find((f) => f.label === t('due.plan.classes'))?.value ?? t('home.noneListed');
}

export const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** When the next plan check-in with the counselor is, in a few words. */
export function nextCheckIn(status: ReviewStatus): string {
  const open = status.openWindow;
  if (status.state === 'overdue') return t('home.checkIn.overdue');
  if (status.state === 'due' && open) return t('home.checkIn.due', { until: dayWords(open.lastDay), season: seasonWords(open) });
  if (status.state === 'no-plan' && open) return t('home.checkIn.meetingNow', { until: dayWords(open.lastDay) });
  const next = status.nextWindow;
  return next ? t('home.checkIn.next', { season: capital(seasonWords(next)), from: dayWords(next.firstDay), to: dayWords(next.lastDay) }) : t('home.checkIn.nextYear');
}
