/**
 * What reminders say. Students: friendly, short, a button to start the review. Counselors: numbers
 * first. Names appear only in the message itself, never in logs.
 */
import type { QuestionReply, Reply } from '../messages.js';
import type { ReviewWindow } from './school-calendar.js';

export const REVIEW_REMINDER_QUESTION = 'reminder:review';
export const START_REVIEW_CHOICE = 'start-review';
/** The "make your plan" reminder's question: the plan command answers it. */
export const MAKE_PLAN_REMINDER_QUESTION = 'reminder:make-plan';
export const MAKE_PLAN_CHOICE = 'make-plan';

function firstName(name: string | undefined): string | undefined {
  const first = name?.trim().split(/\s+/)[0];
  return first ? first.slice(0, 40) : undefined;
}

// One formatter for every date: toLocaleDateString builds a new one per call, which was a sixth of
// an opening-day sweep's time.
const SHORT_DATE = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** "Nov 15" from "2025-11-15". */
export function shortDate(isoDay: string): string {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  return SHORT_DATE.format(new Date(Date.UTC(y, m - 1, d)));
}

export function studentReminderReplies(kind: 'first' | 'second', window: ReviewWindow, name?: string): Reply[] {
  const who = firstName(name);
  const hi = who ? `Hi ${who}!` : 'Hi!';
  const until = shortDate(window.lastDay);
  const text =
    kind === 'first'
      ? `${hi} It's time for your ${window.label} check-in on your Plan of Study (your map of classes and activities). ` +
        `It takes about 5 minutes. Changing your plan is normal. You have until ${until}.`
      : `${hi} A friendly reminder: your ${window.label} plan check-in is still waiting. ` +
        `It takes about 5 minutes, and you have until ${until}.`;
  const question: QuestionReply = {
    kind: 'question',
    questionId: REVIEW_REMINDER_QUESTION,
    text,
    choices: [{ id: START_REVIEW_CHOICE, label: 'Start my review' }],
  };
  return [question];
}

/** The first reminder to a student with no plan yet (grades 8-12). */
export function makePlanReminderReplies(window: ReviewWindow, name?: string): Reply[] {
  const who = firstName(name);
  const hi = who ? `Hi ${who}!` : 'Hi!';
  const question: QuestionReply = {
    kind: 'question',
    questionId: MAKE_PLAN_REMINDER_QUESTION,
    text:
      `${hi} You don't have a Plan of Study yet (your map of classes and activities for the years ahead). ` +
      `It takes about 10 minutes, and you can change it any time. Good to start by ${shortDate(window.lastDay)}.`,
    choices: [{ id: MAKE_PLAN_CHOICE, label: 'Make my plan' }],
  };
  return [question];
}

const LISTED = 10;

/** "6 of your students are overdue for a plan meeting: Ana, Ben, ... and 2 more." */
export function counselorDigestReplies(overdueNames: string[], failedDeliveries = 0): Reply[] {
  const n = overdueNames.length;
  const shown = overdueNames.slice(0, LISTED).join(', ');
  const more = n > LISTED ? ` and ${n - LISTED} more` : '';
  const lines = [
    `${n} of your students ${n === 1 ? 'is' : 'are'} overdue for a plan meeting: ${shown}${more}.`,
  ];
  if (failedDeliveries > 0) {
    lines.push(`${failedDeliveries} reminder${failedDeliveries === 1 ? '' : 's'} to your students could not be delivered. I'll keep trying.`);
  }
  lines.push('Overdue means no meeting with you in the last review window, or no plan review all last school year. Each student can also start a review from the reminder I send them.');
  return lines.map((t) => ({ kind: 'text', text: t }));
}
