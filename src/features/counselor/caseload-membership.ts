/** Who is on a counselor's caseload: asking a student to join by platform id, or dropping one. */
import { text } from '../../domain/messages.js';
import type { Command } from '../../engine/command.js';
import { t } from '../../i18n/t.js';
import { askThroughChannel } from '../people/caseload-request-chat.js';
import { requestCaseload } from '../people/caseload-requests.js';
import { counselorRecord, removeFromCaseload } from '../people/links.js';
import type { PeopleDeps } from '../people/people-deps.js';
import { notSetUp } from './my-students.js';
import { dateWords } from '../../i18n/date-words.js';

const KEY = /^\s*(add|remove|drop)\s+(a\s+)?student\s+([a-z]+):(\S{1,100})\s*$/i;
const CHANNELS = new Set(['console', 'slack', 'teams']);

function parseKey(raw: string | undefined): string | undefined {
  const m = KEY.exec(raw ?? '');
  if (!m || !CHANNELS.has(m[3]!.toLowerCase())) return undefined;
  return `${m[3]!.toLowerCase()}:${m[4]}`;
}

const keyHelp = () => text(t('counselor.membership.keyHelp'));

/**
 * "add student slack:U123": asks the student (nothing changes until they, or the admin, say yes).
 * Never a student at another school.
 */
export function addStudentCommand(deps: PeopleDeps): Command {
  return {
    id: 'add-student',
    get help() {
      return t('counselor.help.addStudent');
    },
    roles: ['counselor'],
    matches: (words) => /^add (a )?student\b/.test(words),
    run: async (ctx, input) => {
      const store = ctx.records.store;
      if (!(await counselorRecord(store, ctx.userKey))) return ctx.say(notSetUp());
      const key = parseKey(input.text);
      if (!key) return ctx.say(keyHelp());
      const r = await requestCaseload(store, ctx.userKey, key, ctx.now, deps.randomInt);
      switch (r.kind) {
        case 'not-counselor':
          return ctx.say(notSetUp());
        case 'not-student':
          return ctx.say(text(t('counselor.membership.notStudent', { key })));
        case 'other-school':
          return ctx.say(text(t('counselor.membership.otherSchool', { key })));
        case 'already-on':
          return ctx.say(text(t('counselor.membership.alreadyOn', { key })));
        case 'already-waiting':
          return ctx.say(text(t('counselor.membership.alreadyWaiting', { key, request: r.request.id, date: dateWords(r.request.at) })));
        case 'requested': {
          const sent = await askThroughChannel(store, deps, r.request, ctx.now);
          deps.logger?.info({ user: ctx.userKey, student: key, request: r.request.id, sent }, 'caseload request made');
          return ctx.say(text(t(sent ? 'counselor.membership.askedSent' : 'counselor.membership.askedLater', { key, request: r.request.id })));
        }
      }
    },
  };
}

/** "remove student slack:U123": takes a student off the counselor's caseload. */
export function removeStudentCommand(): Command {
  return {
    id: 'remove-student',
    get help() {
      return t('counselor.help.removeStudent');
    },
    roles: ['counselor'],
    matches: (words) => /^(remove|drop) (a )?student\b/.test(words),
    run: async (ctx, input) => {
      const key = parseKey(input.text);
      if (!key) return ctx.say(keyHelp());
      const removed = await removeFromCaseload(ctx.records.store, { studentKey: key, otherKey: ctx.userKey, by: ctx.userKey, now: ctx.now });
      ctx.say(text(t(removed ? 'counselor.membership.removed' : 'counselor.membership.notOnList', { key })));
    },
  };
}
