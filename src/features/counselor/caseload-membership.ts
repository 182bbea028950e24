/** Who is on a counselor's caseload: asking a student to join by platform id, or dropping one. */
import { text } from '../../domain/messages.js';
import type { Command } from '../../engine/command.js';
import { askThroughChannel } from '../people/caseload-request-chat.js';
import { requestCaseload } from '../people/caseload-requests.js';
import { counselorRecord, removeFromCaseload } from '../people/links.js';
import type { PeopleDeps } from '../people/people-deps.js';
import { NOT_SET_UP } from './caseload-commands.js';

const KEY = /^\s*(add|remove|drop)\s+(a\s+)?student\s+([a-z]+):(\S{1,100})\s*$/i;
const CHANNELS = new Set(['console', 'slack', 'teams']);

function parseKey(raw: string | undefined): string | undefined {
  const m = KEY.exec(raw ?? '');
  if (!m || !CHANNELS.has(m[3]!.toLowerCase())) return undefined;
  return `${m[3]!.toLowerCase()}:${m[4]}`;
}

const KEY_HELP = text('Type the student\'s id with its channel, like "add student slack:U123", "add student teams:29:1abc" or "add student console:sam".');

/**
 * "add student slack:U123": asks the student (nothing changes until they, or the admin, say yes).
 * Never a student at another school.
 */
export function addStudentCommand(deps: PeopleDeps): Command {
  return {
    id: 'add-student',
    help: 'add student <channel>:<id>: ask a student to join your list (they say yes first)',
    roles: ['counselor'],
    matches: (t) => /^add (a )?student\b/.test(t),
    run: async (ctx, input) => {
      const store = ctx.records.store;
      if (!(await counselorRecord(store, ctx.userKey))) return ctx.say(NOT_SET_UP);
      const key = parseKey(input.text);
      if (!key) return ctx.say(KEY_HELP);
      const r = await requestCaseload(store, ctx.userKey, key, ctx.now, deps.randomInt);
      switch (r.kind) {
        case 'not-counselor':
          return ctx.say(NOT_SET_UP);
        case 'not-student':
          return ctx.say(text(`${key} isn't set up as a student, so I didn't ask them.`));
        case 'other-school':
          return ctx.say(text(`${key} is at another school, so I can't add them to your list. If they moved, your Waypoint admin can assign them.`));
        case 'already-on':
          return ctx.say(text(`${key} is already on your list.`));
        case 'already-waiting':
          return ctx.say(text(`I already asked ${key} (request ${r.request.id}, ${r.request.at.slice(0, 10)}). Still waiting for their OK.`));
        case 'requested': {
          const sent = await askThroughChannel(store, deps, r.request, ctx.now);
          const how = sent ? 'I sent them a message asking.' : 'I will ask them the next time they chat with me.';
          deps.logger?.info({ user: ctx.userKey, student: key, request: r.request.id, sent }, 'caseload request made');
          return ctx.say(text(`Asked ${key} to join your list (request ${r.request.id}). ${how} They join once they say yes; your Waypoint admin can also accept it.`));
        }
      }
    },
  };
}

/** "remove student slack:U123": takes a student off the counselor's caseload. */
export function removeStudentCommand(): Command {
  return {
    id: 'remove-student',
    help: 'remove student <channel>:<id>: take a student off your list',
    roles: ['counselor'],
    matches: (t) => /^(remove|drop) (a )?student\b/.test(t),
    run: async (ctx, input) => {
      const key = parseKey(input.text);
      if (!key) return ctx.say(KEY_HELP);
      const removed = await removeFromCaseload(ctx.records.store, { studentKey: key, otherKey: ctx.userKey, by: ctx.userKey, now: ctx.now });
      ctx.say(text(removed ? `Removed ${key} from your list.` : `${key} isn't on your list.`));
    },
  };
}
