/**
 * What reminders say, in the language of whoever builds them (the recipient's: see sayTo in
 * src/features/people/notify.ts). Students: friendly, short, a button to start the review.
 * Counselors: numbers first. Names appear only in the message itself, never in logs. Words:
 * data/messages/<language>/reminders.json.
 */
import { firstName } from '../first-name.js';
import { t } from '../../i18n/t.js';
import type { QuestionReply, Reply } from '../messages.js';
import { dayWords, seasonWords, shortDate } from './day-words.js';
import type { ReviewWindow } from './school-calendar.js';

export { shortDate };

export const REVIEW_REMINDER_QUESTION = 'reminder:review';
export const START_REVIEW_CHOICE = 'start-review';
/** The "make your plan" reminder's question: the plan command answers it. */
export const MAKE_PLAN_REMINDER_QUESTION = 'reminder:make-plan';
export const MAKE_PLAN_CHOICE = 'make-plan';

/** "Hi Sam!" or "Hi!" ("¡Hola, Sam!"). */
export function hello(name: string | undefined): string {
  const who = firstName(name);
  return who ? t('reminders.hiName', { name: who }) : t('reminders.hi');
}

export function studentReminderReplies(kind: 'first' | 'second', window: ReviewWindow, name?: string): Reply[] {
  const question: QuestionReply = {
    kind: 'question',
    questionId: REVIEW_REMINDER_QUESTION,
    text: t(`reminders.student.${kind}`, { hi: hello(name), season: seasonWords(window), until: dayWords(window.lastDay) }),
    choices: [{ id: START_REVIEW_CHOICE, label: t('reminders.student.startReview') }],
  };
  return [question];
}

/** The first reminder to a student with no plan yet (grades 8-12). */
export function makePlanReminderReplies(window: ReviewWindow, name?: string): Reply[] {
  const question: QuestionReply = {
    kind: 'question',
    questionId: MAKE_PLAN_REMINDER_QUESTION,
    text: t('reminders.student.makePlan', { hi: hello(name), until: dayWords(window.lastDay) }),
    choices: [{ id: MAKE_PLAN_CHOICE, label: t('reminders.student.makePlanButton') }],
  };
  return [question];
}

/**
 * The copy a family member who asked for reminders gets when their student is reminded: what the
 * student has to do and by when, and how to see the year's steps. No buttons: the student acts.
 */
export function familyReminderReplies(kind: 'first' | 'second' | 'make-plan', window: ReviewWindow, studentName?: string): Reply[] {
  const who = firstName(studentName);
  const key = kind === 'make-plan' ? 'makePlan' : 'review';
  const text = who
    ? t(`reminders.family.${key}`, { name: who, season: seasonWords(window), until: dayWords(window.lastDay) })
    : t(`reminders.family.${key}Unnamed`, { season: seasonWords(window), until: dayWords(window.lastDay) });
  return [{ kind: 'text', text }, { kind: 'text', text: t('reminders.family.how') }];
}

const LISTED = 10;

/** "6 of your students are overdue for a plan meeting: Ana, Ben, ... and 2 more." */
export function counselorDigestReplies(overdueNames: string[], failedDeliveries = 0): Reply[] {
  const n = overdueNames.length;
  const shown = overdueNames.slice(0, LISTED).join(', ');
  const names = n > LISTED ? t('reminders.digest.andMore', { names: shown, more: n - LISTED }) : shown;
  const lines = [t('reminders.digest.overdue', { count: n, names })];
  if (failedDeliveries > 0) lines.push(t('reminders.digest.failed', { count: failedDeliveries }));
  lines.push(t('reminders.digest.meaning'));
  return lines.map((text) => ({ kind: 'text', text }));
}
