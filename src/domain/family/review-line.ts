/**
 * The next plan review or counselor meeting, in one sentence or two, from the review status the
 * reminders use (src/domain/reminders).
 */
import type { ReviewStatus } from '../reminders/index.js';
import { shortDate } from '../reminders/reminder-messages.js';
import type { ReviewWindow } from '../reminders/school-calendar.js';
import type { Voice } from './voice.js';

const span = (w: ReviewWindow) => `${shortDate(w.firstDay)} to ${shortDate(w.lastDay)}`;

function nextMeeting(status: ReviewStatus, voice: Voice): string {
  const w = status.nextWindow;
  const whose = voice.audience === 'student' ? 'Your next plan check-in with your counselor' : 'The next plan check-in with the counselor';
  return w ? `${whose} is in the ${w.label}: ${span(w)}.` : `${whose} is next school year.`;
}

/** What to say about reviews and counselor meetings, or undefined when there is nothing to say. */
export function reviewLine(status: ReviewStatus | undefined, voice: Voice): string | undefined {
  if (!status) return undefined;
  const student = voice.audience === 'student';
  switch (status.state) {
    case 'no-plan': {
      const open = status.openWindow;
      if (open) {
        return student
          ? `Counselors are meeting with students about plans now, until ${shortDate(open.lastDay)}. It's a great time to start yours.`
          : `Counselors are meeting with students about plans now, until ${shortDate(open.lastDay)}. It's a great time to start one.`;
      }
      return nextMeeting(status, voice);
    }
    case 'due': {
      const open = status.openWindow!;
      return student
        ? `It's time for your ${open.label} plan check-in with your counselor. You have until ${shortDate(open.lastDay)}. It takes about 5 minutes.`
        : `It's ${open.label} check-in time: ${voice.subject} should meet with the counselor about the plan by ${shortDate(open.lastDay)}. Families are welcome to join.`;
    }
    case 'reviewed': {
      const open = status.openWindow!;
      const done = student ? `Your plan was checked this ${open.label}. Nice work!` : `${voice.Possessive} plan was checked this ${open.label}.`;
      return `${done} ${nextMeeting(status, voice)}`;
    }
    case 'overdue':
      return student
        ? 'Your plan is overdue for a check-in with your counselor. Ask them for a short meeting soon: about 5 minutes catches it up.'
        : `${voice.Possessive} plan is overdue for a check-in with the counselor. Ask the counselor for a short meeting soon. Families are welcome to join.`;
    case 'up-to-date':
      return nextMeeting(status, voice);
  }
}
