/**
 * Counselor commands over the whole list: the caseload in numbers (then actions as buttons),
 * filtered lists and counts in a counselor's words ("who is overdue", "show 11th graders",
 * "overdue 12th graders", "how many students have a plan", "find garcia"), "more" for the next
 * page, the CSV, and reminders to a group or one student (a preview first: flows/counselor-remind.ts).
 * Who is on the caseload: caseload-membership.ts.
 */
import { text } from '../../domain/messages.js';
import type { Command, TurnContext } from '../../engine/command.js';
import { t } from '../../i18n/t.js';
import { audit } from '../people/audit.js';
import type { StudentRow } from './caseload-rows.js';
import { writeCaseloadCsv } from './caseload-csv.js';
import { countReplies, LIST_Q, listPage } from './caseload-list.js';
import { applyQuery, decodeQuery, describeQuery, encodeQuery, hasFilter, readQuery, type CaseloadQuery } from './caseload-query.js';
import { CASELOAD_Q, countCaseload, inGroup, summaryReplies } from './caseload-summary.js';
import type { CounselorDeps } from './counselor-deps.js';
import { readFocus, updateFocus } from './counselor-focus.js';
import { pickStudent, rowsFor } from './my-students.js';
import { startRemind } from './remind-flow-start.js';
import { showStudent } from './student-view.js';

export { notSetUp } from './my-students.js';

const SUMMARY = /^(my )?(caseload|students|student list|class list|roster)( summary)?$|^show (my )?(caseload|students|roster)$/;
const FIND = /^(?:find|search for|search|look for|lookup|look up)(?: (?:student|students|kid))? (.+)$/;
const NOT_A_LIST = /^(remind|send|nudge|ping|notify|message|text|email|met|meet|mark|sign|add|note|remove|drop|new|make|create)\b/;
const MORE = /^(more|show more|next|next page|more please|keep going|see more)$/;

/** The query in these words, when they are a request for the list (not for something else). */
function listWords(words: string, deps: CounselorDeps): (CaseloadQuery & { counting: boolean }) | undefined {
  if (NOT_A_LIST.test(words)) return undefined;
  const find = FIND.exec(words);
  if (find) return { name: find[1]!.trim(), counting: false };
  const q = readQuery(words, deps.framework);
  if (!hasFilter(q) || q.rest) return undefined;
  const { rest: _rest, ...query } = q;
  return query;
}

async function csv(ctx: TurnContext, deps: CounselorDeps, rows: StudentRow[]): Promise<void> {
  await audit(ctx.records.store, { at: ctx.now.toISOString(), by: ctx.userKey, action: 'export' });
  ctx.say(await writeCaseloadCsv(deps.exportDir, ctx.userKey, rows, ctx.now));
}

async function showList(ctx: TurnContext, deps: CounselorDeps, rows: StudentRow[], q: CaseloadQuery, offset: number, counting = false): Promise<void> {
  const matched = applyQuery(rows, q, deps.framework);
  await updateFocus(ctx.records.store, ctx.userKey, ctx.now, { lastList: { code: encodeQuery(q), offset } });
  deps.logger?.info({ user: ctx.userKey, matched: matched.length, total: rows.length, offset }, 'counselor list');
  if (counting) return void ctx.say(...countReplies(matched.length, rows.length, q, deps.framework));
  // One student found by name: their record straight away.
  if (q.name && matched.length === 1 && !q.grade && !q.status && offset === 0) return showStudent(ctx, matched[0]!.key, deps);
  ctx.say(...listPage(matched, rows.length, q, offset, deps.framework, { keepOrder: Boolean(q.name) }));
}

async function onListButton(ctx: TurnContext, deps: CounselorDeps, rows: StudentRow[], choiceId: string): Promise<void> {
  const [kind, ...rest] = choiceId.split(':');
  if (kind === 'more') {
    const [offset = '0', ...code] = rest;
    return showList(ctx, deps, rows, decodeQuery(code.join(':')), Math.max(0, Number(offset) || 0));
  }
  if (kind === 'open') {
    const key = rest.join(':');
    if (!rows.some((r) => r.key === key)) return void ctx.say(text(t('counselor.list.gone')));
    return showStudent(ctx, key, deps);
  }
  const q = decodeQuery(rest.join(':'));
  const matched = applyQuery(rows, q, deps.framework);
  if (kind === 'remind') return startRemind(ctx, deps, matched, describeQuery(q, deps.framework, 'label'));
  if (kind === 'csv') return csv(ctx, deps, matched);
}

export function caseloadCommand(deps: CounselorDeps): Command {
  return {
    id: 'caseload',
    intents: ['caseload'],
    // Getters: the menu and help are built in the turn's language.
    get menuLabel() {
      return t('counselor.menu.caseload');
    },
    get help() {
      return t('counselor.help.caseload');
    },
    roles: ['counselor'],
    questionIds: [CASELOAD_Q, LIST_Q],
    matches: (words) => SUMMARY.test(words) || listWords(words, deps) !== undefined,
    run: async (ctx, input) => {
      const rows = await rowsFor(ctx, deps);
      if (!rows) return;
      if (input.questionId === LIST_Q && input.choiceId) return onListButton(ctx, deps, rows, input.choiceId);
      if (input.choiceId === 'remind-overdue') return startRemind(ctx, deps, rows.filter((r) => inGroup(r, 'overdue')), t('counselor.remind.overdueLabel'));
      if (input.choiceId === 'show-list') return showList(ctx, deps, rows, {}, 0);
      if (input.choiceId === 'csv') return csv(ctx, deps, rows);
      const words = (input.text ?? '').toLowerCase().replace(/[’']/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
      const asked = SUMMARY.test(words) ? undefined : listWords(words, deps);
      if (asked) {
        const { counting, ...q } = asked;
        return showList(ctx, deps, rows, q, 0, counting);
      }
      // Read as the caseload by the classifier: the filters we can read, else the numbers.
      const loose = input.intent ? readQuery(words, deps.framework) : undefined;
      if (loose && hasFilter({ ...loose, name: undefined })) {
        const { rest: _rest, counting, name: _name, ...q } = loose;
        return showList(ctx, deps, rows, q, 0, counting);
      }
      ctx.say(...summaryReplies(countCaseload(rows, ctx.now)));
    },
  };
}

/** "more" typed after a list, when its buttons are no longer waiting. */
export function moreCommand(deps: CounselorDeps): Command {
  return {
    id: 'caseload-more',
    roles: ['counselor'],
    matches: (words) => MORE.test(words),
    run: async (ctx) => {
      const last = (await readFocus(ctx.records.store, ctx.userKey))?.lastList;
      if (!last) return void ctx.say(text(t('counselor.list.moreOfWhat')));
      const rows = await rowsFor(ctx, deps);
      if (!rows) return;
      await showList(ctx, deps, rows, decodeQuery(last.code), last.offset + 15);
    },
  };
}

const GROUPS: [RegExp, CaseloadQuery][] = [
  [/\b(everyone|everybody|all( my)?( students)?|whole caseload)$/, {}],
];

/** "remind overdue 11th graders", "remind students with no plan", "remind everyone", "remind ava". */
export function remindCommand(deps: CounselorDeps): Command {
  return {
    id: 'remind-students',
    intents: ['remind'],
    get help() {
      return t('counselor.help.remind');
    },
    roles: ['counselor'],
    matches: (words) => /^(send |text |ping |nudge )?(a )?(remind(ers?)?|nudge|ping)\b/.test(words),
    run: async (ctx, input) => {
      const words = (input.text ?? '').toLowerCase().replace(/[’']/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
      const body = words
        .replace(/^(?:please )?(?:send |text |ping |nudge )?(?:a )?(?:reminders?|remind|nudge|ping)\s*(?:to |for )?/, '')
        // Spanish: "recordar a los atrasados", "mandar un recordatorio a ava", "recuérdale a marcus".
        .replace(/^(?:por favor )?(?:(?:mand|envi|enví)(?:a|ar|e)(?:le|les)? )?(?:un |unos )?(?:recordatorios?|recordar(?:le|les)?|recu[eé]rd(?:a|e)(?:le|les)?)\s*(?:a |al |para )?/, '')
        .replace(/\b(about|to) (do |finish |start )?(their|his|her|the) (plan|review)( review)?$/, '')
        .replace(/\b(everyone|students|kids|all|the ones|those) (who|that|with|without)\b/, '$2')
        .trim();
      const rows = await rowsFor(ctx, deps);
      if (!rows) return;
      if (!body || GROUPS.some(([re]) => re.test(body)) || /^(all|everyone|everybody|todos|todo el mundo|toda la lista)$/.test(body)) {
        return startRemind(ctx, deps, rows, t('counselor.remind.everyone'));
      }
      const q = readQuery(body, deps.framework);
      if (hasFilter(q) && !q.rest) {
        const { rest: _r, counting: _c, ...query } = q;
        return startRemind(ctx, deps, applyQuery(rows, query, deps.framework), describeQuery(query, deps.framework, 'label'));
      }
      const name = q.rest || body;
      const picked = await pickStudent(ctx, deps, name, 'remind');
      if ('row' in picked) return startRemind(ctx, deps, [picked.row], '');
    },
  };
}
