/**
 * "who looked at my plan?": the views of a student's record by someone else in the last 90 days,
 * newest first (at most 10), with a count first. A family member asks about their linked
 * students. Reads one small record per student ("record-views"), never the whole audit.
 */
import { text, type Reply } from '../../domain/messages.js';
import type { Command, TurnContext } from '../../engine/command.js';
import { t } from '../../i18n/t.js';
import { viewsOf } from './audit.js';
import { counselorName } from './caseload-requests.js';
import { counselorRecord, linkedStudents } from './links.js';

const DAYS = 90;
const SHOWN = 10;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The catalog key of each kind of view, for "your" record and for "their" record. */
const WHAT = { 'student-viewed': 'studentViewed', 'plan-viewed': 'planViewed', export: 'export' } as const;

const day = (iso: string) => new Date(iso).toLocaleDateString(t('people.locale'), { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** "Ms. Rivera (counselor)", "Ana Lopez (family)", "You". */
async function who(ctx: TurnContext, key: string, names: Map<string, string>): Promise<string> {
  if (key === ctx.userKey) return t('people.whoViewed.you');
  const known = names.get(key);
  if (known) return known;
  const store = ctx.records.store;
  const profile = await ctx.records.profile(key);
  let name: string;
  if (await counselorRecord(store, key)) name = t('people.whoViewed.counselor', { name: (await counselorName(store, key)) ?? t('people.whoViewed.aCounselor') });
  else if (profile?.role === 'family') name = t('people.whoViewed.family', { name: profile.displayName?.trim() || t('people.whoViewed.aFamilyMember') });
  else name = profile?.displayName?.trim() || t('people.whoViewed.someone');
  names.set(key, name);
  return name;
}

async function viewsReply(ctx: TurnContext, studentKey: string, whose: string | undefined, names: Map<string, string>): Promise<Reply> {
  const views = await viewsOf(ctx.records.store, studentKey, new Date(ctx.now.getTime() - DAYS * DAY_MS));
  if (views.length === 0) return text(whose ? t('people.whoViewed.noneTheirs', { whose, days: DAYS }) : t('people.whoViewed.noneMine', { days: DAYS }));
  const people = new Set(views.map((v) => v.by)).size;
  const times = t('people.whoViewed.times', { count: views.length });
  const more = views.length > SHOWN ? 'More' : '';
  const head = whose
    ? t(`people.whoViewed.headTheirs${more}`, { days: DAYS, count: people, whose, times, shown: SHOWN })
    : t(`people.whoViewed.headMine${more}`, { days: DAYS, count: people, times, shown: SHOWN });
  const lines: string[] = [];
  for (const v of views.slice(0, SHOWN)) {
    lines.push(t(`people.whoViewed.${whose ? 'theirs' : 'mine'}.${WHAT[v.action]}`, { day: day(v.at), who: await who(ctx, v.by, names) }));
  }
  return text([head, ...lines].join('\n'));
}

export function whoViewedCommand(): Command {
  return {
    id: 'who-viewed',
    intents: ['who-viewed'],
    get help() {
      return t('people.whoViewed.help');
    },
    roles: ['student', 'family'],
    matches: (words) => /^who (has )?(looked at|looked|seen|saw|viewed|opened|checked|read) (my|our) (plan|record|info|profile|stuff)$/.test(words),
    run: async (ctx) => {
      const names = new Map<string, string>();
      if (ctx.profile()?.role === 'student') {
        ctx.say(await viewsReply(ctx, ctx.userKey, undefined, names));
        ctx.say(text(t('people.whoViewed.studentTail')));
        return;
      }
      const students = await linkedStudents(ctx.records.store, ctx.userKey);
      if (students.length === 0) return ctx.say(text(t('people.whoViewed.notLinked')));
      for (const key of students) {
        const name = (await ctx.records.profile(key))?.displayName?.trim().split(/\s+/)[0] || t('people.whoViewed.yourStudent');
        ctx.say(await viewsReply(ctx, key, name, names));
      }
    },
  };
}
