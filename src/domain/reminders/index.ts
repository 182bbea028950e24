/**
 * Review reminders, pure: the policy file, one student's review status, which reminders are due,
 * quiet hours, and what the reminders say. The scheduler (src/scheduler) does the I/O.
 */
export { parseReviewPolicy, type ReviewPolicy, type ReviewWindowRule, type MonthDay } from './review-policy.js';
export { schoolCalendar, type SchoolCalendar, type ReviewWindow } from './school-calendar.js';
export {
  reviewStatus,
  type ReviewStatus,
  type ReviewState,
  type OverdueReason,
  type PlanReviewDates,
} from './review-status.js';
export {
  planStatus,
  planStatusWords,
  PLAN_STATUS_WORDS,
  type PlanStatus,
  type PlanStatusCode,
  type PlanStatusInput,
  type PlanOverdueReason,
  type MeetingDates,
} from './plan-status.js';
export {
  remindersDue,
  MAKE_PLAN_GRADES,
  reminderKey,
  digestWeekOf,
  NOTHING_SENT,
  type Reminder,
  type StudentReminder,
  type DigestReminder,
  type ReminderKind,
  type SentReminders,
  type StudentForReminders,
} from './reminders-due.js';
export { nextAllowedTime, isAllowedTime } from './quiet-hours.js';
export {
  studentReminderReplies,
  familyReminderReplies,
  counselorDigestReplies,
  makePlanReminderReplies,
  REVIEW_REMINDER_QUESTION,
  START_REVIEW_CHOICE,
  MAKE_PLAN_REMINDER_QUESTION,
  MAKE_PLAN_CHOICE,
} from './reminder-messages.js';
export { localParts, zonedInstant, addDays, isoDate, type LocalDate, type LocalParts } from './local-time.js';
