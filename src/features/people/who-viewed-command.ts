/**
 * "who looked at my plan?": the views of a student's record by someone else in the last 90 days,
 * newest first (at most 10), with a count first. A family member asks about their linked
 * students. Reads one small record per student ("record-views"), never the whole audit.
 */
import { text, type Reply } from '../../domain/messages.js';
import type { Command, TurnContext } from '../../engine/command.js';
import { viewsOf } from './audit.js';
import { counselorName } from './caseload-requests.js';
import { counselorRecord, linkedStudents } from './links.js';

const DAYS = 90;
const SHOWN = 10;
const DAY_MS = 24 * 60 * 60 * 1000;

const WHAT = { 'student-viewed': 'looked at your record', 'plan-viewed': 'read your plan', export: 'included you in a report' } as const;

const day = (iso: string) => new Date(iso).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** "Ms. Rivera (counselor)", "Ana Lopez (family)", "you". */
async function who(ctx: TurnContext, key: string, names: Map<string, string>): Promise<string> {
  if (key === ctx.userKey) return 'You';
  const known = names.get(key);
  if (known) return known;
  const store = ctx.records.store;
  const profile = await ctx.records.profile(key);
  let name: string;
  if (await counselorRecord(store, key)) name = `${(await counselorName(store, key)) ?? 'A counselor'} (counselor)`;
  else if (profile?.role === 'family') name = `${profile.displayName?.trim() || 'A family member'} (family)`;
  else name = profile?.displayName?.trim() || 'Someone at school';
  names.set(key, name);
  return name;
}

async function viewsReply(ctx: TurnContext, studentKey: string, whose: string | undefined, names: Map<string, string>): Promise<Reply> {
  const views = await viewsOf(ctx.records.store, studentKey, new Date(ctx.now.getTime() - DAYS * DAY_MS));
  const subject = whose ? `${whose}'s record` : 'your record';
  if (views.length === 0) return text(`No one else opened ${subject} in the last ${DAYS} days.`);
  const people = new Set(views.map((v) => v.by)).size;
  const head = `In the last ${DAYS} days, ${people} ${people === 1 ? 'person' : 'people'} opened ${subject} ${views.length} time${views.length === 1 ? '' : 's'}${views.length > SHOWN ? ` (newest ${SHOWN} below)` : ''}:`;
  const lines: string[] = [];
  for (const v of views.slice(0, SHOWN)) {
    const what = whose ? WHAT[v.action].replace('your', 'their').replace('included you', 'included them') : WHAT[v.action];
    lines.push(`- ${day(v.at)}: ${await who(ctx, v.by, names)} ${what}`);
  }
  return text([head, ...lines].join('\n'));
}

export function whoViewedCommand(): Command {
  return {
    id: 'who-viewed',
    intents: ['who-viewed'],
    help: 'who looked at my plan: who opened your plan or record in the last 90 days',
    roles: ['student', 'family'],
    matches: (t) => /^who (has )?(looked at|looked|seen|saw|viewed|opened|checked|read) (my|our) (plan|record|info|profile|stuff)$/.test(t),
    run: async (ctx) => {
      const names = new Map<string, string>();
      if (ctx.profile()?.role === 'student') {
        ctx.say(await viewsReply(ctx, ctx.userKey, undefined, names));
        ctx.say(text('Your counselor and family you link can see your plan. Say "my family" to see or remove family links.'));
        return;
      }
      const students = await linkedStudents(ctx.records.store, ctx.userKey);
      if (students.length === 0) return ctx.say(text("You aren't linked to a student yet. Ask your student to say \"invite my family\" and type the code they get."));
      for (const key of students) {
        const name = (await ctx.records.profile(key))?.displayName?.trim().split(/\s+/)[0] || 'your student';
        ctx.say(await viewsReply(ctx, key, name, names));
      }
    },
  };
}
