/** Who is on a counselor's caseload: adding or removing a student by platform id. */
import { text } from '../../domain/messages.js';
import type { Command } from '../../engine/command.js';
import { addToCaseload, counselorRecord, removeFromCaseload } from '../people/links.js';
import { NOT_SET_UP } from './caseload-commands.js';

const KEY = /^\s*(add|remove|drop)\s+(a\s+)?student\s+([a-z]+):(\S{1,100})\s*$/i;
const CHANNELS = new Set(['console', 'slack', 'teams']);

function parseKey(raw: string | undefined): string | undefined {
  const m = KEY.exec(raw ?? '');
  if (!m || !CHANNELS.has(m[3]!.toLowerCase())) return undefined;
  return `${m[3]!.toLowerCase()}:${m[4]}`;
}

const KEY_HELP = text('Type the student\'s id with its channel, like "add student slack:U123", "add student teams:29:1abc" or "add student console:sam".');

/** "add student slack:U123": puts a student on the counselor's caseload. */
export function addStudentCommand(): Command {
  return {
    id: 'add-student',
    help: 'add student <channel>:<id>: put a student on your list',
    roles: ['counselor'],
    matches: (t) => /^add (a )?student\b/.test(t),
    run: async (ctx, input) => {
      const store = ctx.records.store;
      if (!(await counselorRecord(store, ctx.userKey))) return ctx.say(NOT_SET_UP);
      const key = parseKey(input.text);
      if (!key) return ctx.say(KEY_HELP);
      const profile = await ctx.records.profile(key);
      if (profile && profile.role !== 'student') return ctx.say(text(`${key} isn't set up as a student, so I didn't add them.`));
      const added = await addToCaseload(store, { studentKey: key, otherKey: ctx.userKey, by: ctx.userKey, now: ctx.now });
      const later = profile ? '' : " They haven't chatted with me yet; their info shows up once they do.";
      ctx.say(text(added ? `Added ${key} to your list.${later}` : `${key} is already on your list.`));
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
