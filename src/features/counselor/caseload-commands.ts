/**
 * Counselor commands: the caseload in numbers (then actions as buttons), the list, the CSV and
 * reminders to a group. Who is on the caseload: caseload-membership.ts.
 */
import { text } from '../../domain/messages.js';
import type { Command, TurnContext } from '../../engine/command.js';
import { caseloadOf, counselorRecord } from '../people/links.js';
import { studentRows, type StudentRow } from './caseload-rows.js';
import { writeCaseloadCsv } from './caseload-csv.js';
import { CASELOAD_Q, caseloadActions, countCaseload, inGroup, listReply, summaryReplies, type StudentGroup } from './caseload-summary.js';
import type { CounselorDeps } from './counselor-deps.js';
import { remindStudents, remindSummary } from './remind-students.js';

export const NOT_SET_UP = text("Your counselor access isn't set up right now. Please ask your school's Waypoint admin.");
const EMPTY = text(
  'No students on your list yet. Say "new class code" to get a code your students can type to join, or "add student" and their id (like "add student slack:U123").',
);

/** The caseload rows, or undefined (after saying why) when there is nothing to show. */
async function rowsFor(ctx: TurnContext, deps: CounselorDeps): Promise<StudentRow[] | undefined> {
  const store = ctx.records.store;
  if (!(await counselorRecord(store, ctx.userKey))) {
    ctx.say(NOT_SET_UP);
    return undefined;
  }
  const keys = await caseloadOf(store, ctx.userKey);
  if (keys.length === 0) {
    ctx.say(EMPTY);
    return undefined;
  }
  return studentRows(store, keys, deps.framework, await deps.reviewPolicy(), ctx.now);
}

async function remind(ctx: TurnContext, deps: CounselorDeps, group: StudentGroup): Promise<void> {
  const rows = await rowsFor(ctx, deps);
  if (!rows) return;
  const result = await remindStudents(rows.filter((r) => inGroup(r, group)), deps.senders, { store: ctx.records.store, now: ctx.now, by: ctx.userKey });
  deps.logger?.info({ user: ctx.userKey, group, sent: result.sent.length, failed: result.failed.length, skipped: result.skipped.length }, 'counselor reminders sent');
  ctx.say(text(remindSummary(group, result)));
}

export function caseloadCommand(deps: CounselorDeps): Command {
  return {
    id: 'caseload',
    intents: ['caseload'],
    menuLabel: 'My caseload',
    help: 'caseload: your students in numbers, with a list and a CSV file',
    roles: ['counselor'],
    questionIds: [CASELOAD_Q],
    matches: (t) => /^(my )?(caseload|students|student list|class list)( summary)?$|^show (my )?(caseload|students)$/.test(t),
    run: async (ctx, input) => {
      if (input.choiceId === 'remind-overdue') return remind(ctx, deps, 'overdue');
      const rows = await rowsFor(ctx, deps);
      if (!rows) return;
      if (input.choiceId === 'show-list') return ctx.say(listReply(rows), caseloadActions(countCaseload(rows, ctx.now), true));
      if (input.choiceId === 'csv') return ctx.say(await writeCaseloadCsv(deps.exportDir, ctx.userKey, rows, ctx.now));
      ctx.say(...summaryReplies(countCaseload(rows, ctx.now)));
    },
  };
}

const GROUPS: [RegExp, StudentGroup][] = [
  [/overdue|late|behind/, 'overdue'],
  [/no plan|without a plan|plan yet/, 'no-plan'],
  [/no review|not reviewed|review this year/, 'no-review'],
  [/no (path|cluster|pathway|choice)|not chosen|havent chosen/, 'no-choice'],
  [/everyone|everybody|all( my)?( students)?$|all students/, 'all'],
];

/** "remind everyone who is overdue", "remind students with no plan", "remind everyone". */
export function remindCommand(deps: CounselorDeps): Command {
  return {
    id: 'remind-students',
    intents: ['remind'],
    help: 'remind everyone who is overdue (or: with no plan, with no review, everyone)',
    roles: ['counselor'],
    matches: (t) => /^(send )?(a )?remind(ers?)?\b/.test(t) && GROUPS.some(([re]) => re.test(t)),
    run: async (ctx, input) => {
      const t = (input.text ?? '').toLowerCase().replace(/[’']/g, '');
      const group = GROUPS.find(([re]) => re.test(t))?.[1];
      if (!group) {
        // Read as a reminder but naming no group ("remind ava"): never guess who gets a message.
        return void ctx.say(text('Who should I remind? Say "remind everyone who is overdue", "remind students with no plan", "remind students with no review" or "remind everyone".'));
      }
      await remind(ctx, deps, group);
    },
  };
}
