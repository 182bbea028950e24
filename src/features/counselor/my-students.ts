/**
 * The counselor's own students for one turn: the rows of their caseload (after checking they are
 * an authorised counselor), and one student picked by name, asking "which one?" with buttons when
 * a name fits several. Never a student outside the caseload.
 */
import { gradeLabel } from '../../domain/grade.js';
import { distinctLabels } from '../../domain/distinct-labels.js';
import { text, type Reply } from '../../domain/messages.js';
import type { TurnContext } from '../../engine/command.js';
import { t } from '../../i18n/t.js';
import { caseloadOf, counselorRecord } from '../people/links.js';
import type { StudentRow } from './caseload-rows.js';
import { caseloadRows } from './caseload-row-cache.js';
import type { CounselorDeps } from './counselor-deps.js';
import { findStudents } from './student-search.js';

/** Said to someone who is not (or no longer) an authorised counselor. */
export const notSetUp = () => text(t('counselor.notSetUp'));
const empty = () => text(t('counselor.empty'));
/** "Which one?" after a name that fits several students; the choice is "<action>:<student key>". */
export const WHICH_Q = 'counselor:which';
const MAX_CHOICES = 8;

/** The caseload rows, or undefined (after saying why) when there is nothing to show. */
export async function rowsFor(ctx: TurnContext, deps: CounselorDeps): Promise<StudentRow[] | undefined> {
  const store = ctx.records.store;
  if (!(await counselorRecord(store, ctx.userKey))) {
    ctx.say(notSetUp());
    return undefined;
  }
  const keys = await caseloadOf(store, ctx.userKey);
  if (keys.length === 0) {
    ctx.say(empty());
    return undefined;
  }
  // Graduates stay on record (and in the audit) but are no longer active: lists and counts leave them out.
  const rows = await caseloadRows(store, keys, deps.framework, await deps.reviewPolicy(), ctx.now);
  const active = rows.filter((r) => r.status.code !== 'graduated');
  if (active.length === 0) {
    ctx.say(empty());
    return undefined;
  }
  return active;
}

export type PickResult = { row: StudentRow } | { asked: true } | { none: true };

/** Whether `key` is on this counselor's caseload right now. */
export async function onMyCaseload(ctx: TurnContext, key: string): Promise<boolean> {
  return (await caseloadOf(ctx.records.store, ctx.userKey)).includes(key);
}

export function whichQuestion(action: string, rows: StudentRow[], asked: string): Reply {
  return {
    kind: 'question',
    questionId: WHICH_Q,
    text: t('counselor.which', { n: rows.length, asked: asked.slice(0, 40) }),
    choices: ((shown) => {
      const labels = distinctLabels(shown.map((r) => ({ ...(r.name ? { name: r.name } : {}), ...(r.grade !== undefined ? { detail: gradeLabel(r.grade) } : {}) })), (n) => t('counselor.unnamedStudent', { n }));
      return shown.map((r, i) => ({ id: `${action}:${r.key}`, label: labels[i]! }));
    })(rows.slice(0, MAX_CHOICES)),
  };
}

/**
 * One student of the caseload by (part of) a name or an id. Several: asks which (buttons carry
 * `action`); none: says so.
 */
export async function pickStudent(ctx: TurnContext, deps: CounselorDeps, asked: string, action: string): Promise<PickResult> {
  const rows = await rowsFor(ctx, deps);
  if (!rows) return { none: true };
  const found = findStudents(rows, asked);
  const exact = found.filter((r) => r.name?.toLowerCase() === asked.trim().toLowerCase());
  const hits = exact.length === 1 ? exact : found;
  if (hits.length === 1) return { row: hits[0]! };
  if (hits.length === 0) {
    ctx.say(text(t('counselor.notFound', { asked: asked.slice(0, 40) })));
    return { none: true };
  }
  ctx.say(whichQuestion(action, hits, asked));
  return { asked: true };
}
