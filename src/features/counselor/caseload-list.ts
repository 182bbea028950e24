/**
 * A filtered list in the chat: the count first ("23 of 412 students are overdue for a review"),
 * then a page of names, then the next steps as buttons (More, Remind these, Download CSV). The
 * buttons carry the query and the page, so "more" works in any channel and after a restart.
 */
import { gradeLabel } from '../../domain/grade.js';
import type { FrameworkIndex } from '../../domain/framework-index.js';
import type { Choice, QuestionReply, Reply } from '../../domain/messages.js';
import { t } from '../../i18n/t.js';
import type { StudentRow } from './caseload-rows.js';
import { describeQuery, encodeQuery, type CaseloadQuery } from './caseload-query.js';
import { statusWords } from './student-status.js';

export const LIST_Q = 'counselor:list';
export const PAGE_SIZE = 15;

export function countLine(matched: number, total: number, q: CaseloadQuery, fw: FrameworkIndex): string {
  const what = describeQuery(q, fw);
  if (!what) return t('counselor.list.onYourList', { count: total });
  return t('counselor.list.matched', { matched, total, what });
}

/** "Sam Garcia, 11th grade: overdue" */
export function rowLine(r: StudentRow): string {
  const who = r.name ?? r.key;
  const status = statusWords(r);
  return r.grade !== undefined ? t('counselor.list.rowWithGrade', { who, grade: gradeLabel(r.grade), status }) : t('counselor.list.row', { who, status });
}

export const byName = (a: StudentRow, b: StudentRow) => (a.name ?? a.key).localeCompare(b.name ?? b.key);

/** The page of `matched` that starts at `offset`, with its buttons. */
export function listPage(matched: StudentRow[], total: number, q: CaseloadQuery, offset: number, fw: FrameworkIndex, opts: { keepOrder?: boolean } = {}): Reply[] {
  const sorted = opts.keepOrder ? matched : [...matched].sort(byName);
  const page = sorted.slice(offset, offset + PAGE_SIZE);
  const code = encodeQuery(q);
  const head = offset === 0 ? `${countLine(matched.length, total, q, fw)}\n` : `${t('counselor.list.pageHead', { from: offset + 1, to: offset + page.length, total: matched.length })}\n`;
  if (matched.length === 0) return [{ kind: 'text', text: `${countLine(0, total, q, fw)}` }];
  const lines = page.map((r) => `- ${rowLine(r)}`);
  const left = matched.length - offset - page.length;
  const choices: Choice[] = [
    ...(left > 0 ? [{ id: `more:${offset + PAGE_SIZE}:${code}`, label: t('counselor.list.more', { shown: Math.min(left, PAGE_SIZE), left }) }] : []),
    ...(page.length === 1 && matched.length === 1 ? [{ id: `open:${page[0]!.key}`, label: t('counselor.list.open', { who: page[0]!.name ?? page[0]!.key }) }] : []),
    { id: `remind:${code}`, label: t('counselor.list.remindThese', { count: matched.length }) },
    { id: `csv:${code}`, label: t('counselor.list.csv') },
  ];
  const question: QuestionReply = {
    kind: 'question',
    questionId: LIST_Q,
    text: t(left > 0 ? 'counselor.list.nextPage' : 'counselor.list.openOne'),
    choices,
    optional: true,
  };
  return [{ kind: 'text', text: head + lines.join('\n') }, question];
}

/** "How many" gets the count and a button to see them. */
export function countReplies(matched: number, total: number, q: CaseloadQuery, fw: FrameworkIndex): Reply[] {
  const line = { kind: 'text' as const, text: countLine(matched, total, q, fw) };
  if (matched === 0) return [line];
  const code = encodeQuery(q);
  return [
    line,
    {
      kind: 'question',
      questionId: LIST_Q,
      text: t('counselor.whatNext'),
      optional: true,
      choices: [
        { id: `more:0:${code}`, label: t('counselor.list.showThem') },
        { id: `remind:${code}`, label: t('counselor.list.remindThese', { count: matched }) },
      ],
    },
  ];
}
