/** Review reminders: the sweep, the timer that runs it, and the once-only records. */
export { runReminderSweep, channelOf, type SweepOptions, type SweepResult, type WouldSend, type SweepLogger } from './run-reminder-sweep.js';
export { startScheduler, type Scheduler, type SchedulerOptions } from './start-scheduler.js';
export { loadReviewPolicy, DEFAULT_REVIEW_POLICY_FILE } from './load-review-policy.js';
export { listReminderFailures, MAX_ATTEMPTS, SENT, FAILURES, type FailureRecord, type SentRecord } from './reminder-claims.js';
