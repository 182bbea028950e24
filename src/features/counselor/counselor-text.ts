/**
 * Free text from a counselor never goes to the student job matcher: a student's name typed on
 * its own ("sam garcia") opens that student, and anything else not understood gets the
 * counselor's help.
 */
import { text } from '../../domain/messages.js';
import type { TextFallback } from '../../engine/command.js';
import { t } from '../../i18n/t.js';
import { caseloadOf } from '../people/links.js';
import type { CounselorDeps } from './counselor-deps.js';
import { WHICH_Q, whichQuestion } from './my-students.js';
import { LIST_Q } from './caseload-list.js';
import { CASELOAD_Q } from './caseload-summary.js';
import { findStudents } from './student-search.js';
import { showStudent } from './student-view.js';
import { caseloadRows } from './caseload-row-cache.js';

const isCounselor = (ctx: Parameters<TextFallback>[0]) => ctx.profile()?.role === 'counselor';

/** A name (or an id) alone, read before intents: one to three words, each a close match to a name on the caseload. */
export function counselorNameReader(deps: CounselorDeps): TextFallback {
  return async (ctx, typed) => {
    if (!isCounselor(ctx) || !/^[\p{L}'’.-]+( [\p{L}'’.-]+){0,2}$/u.test(typed.trim())) return false;
    const keys = await caseloadOf(ctx.records.store, ctx.userKey);
    if (keys.length === 0) return false;
    const rows = await caseloadRows(ctx.records.store, keys, deps.framework, await deps.reviewPolicy(), ctx.now);
    const found = findStudents(rows, typed, { strict: true });
    if (found.length === 0) return false;
    if (found.length === 1) {
      await showStudent(ctx, found[0]!.key, deps);
      return true;
    }
    ctx.say(whichQuestion('show', found, typed));
    return true;
  };
}

/** The counselor's examples, in the turn's language. */
export const counselorHelp = (): string => t('counselor.help.notUnderstood');

/** Not understood, nothing waiting: the counselor's examples (never a job guess). */
export function counselorFallback(): TextFallback {
  return async (ctx) => {
    if (!isCounselor(ctx) || ctx.activeFlow()) return false;
    // Only our own "what next?" buttons may be waiting: an answer to anything else is asked again.
    const waiting = ctx.pendingQuestionId();
    if (waiting !== undefined && ![WHICH_Q, LIST_Q, CASELOAD_Q].includes(waiting)) return false;
    ctx.say(text(counselorHelp()));
    return true;
  };
}

/** Wraps the job matcher's fallback so a counselor's text never reaches it. */
export function notForCounselors(fallback: TextFallback): TextFallback {
  return async (ctx, typed) => (isCounselor(ctx) ? false : fallback(ctx, typed));
}
