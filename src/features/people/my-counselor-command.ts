/**
 * "who is my counselor", "when do we meet": the student's counselor (or, for a family member,
 * their student's), how to reach them, and this school year's meeting windows with dates.
 */
import { text } from '../../domain/messages.js';
import type { StudentLinks } from '../../domain/people.js';
import { schoolCalendar } from '../../domain/reminders/school-calendar.js';
import type { ReviewPolicy } from '../../domain/reminders/index.js';
import type { Command, TurnContext } from '../../engine/command.js';
import { t } from '../../i18n/t.js';
import { counselorRecord, linkedStudents, STUDENT_LINKS } from './links.js';

async function counselorNames(ctx: TurnContext, studentKey: string): Promise<string[]> {
  const links = await ctx.records.store.get<StudentLinks>(STUDENT_LINKS, studentKey);
  const names: string[] = [];
  for (const key of links?.counselorKeys ?? []) {
    const record = await counselorRecord(ctx.records.store, key);
    const profile = await ctx.records.profile(key);
    const name = record?.displayName ?? profile?.displayName;
    if (record) names.push(name ? t('people.myCounselor.nameAt', { name, school: record.school }) : t('people.myCounselor.someoneAt', { school: record.school }));
  }
  return names;
}

/** "Nov 15" from "2025-11-15" ("15 nov" in Spanish). */
function shortDay(isoDay: string): string {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(t('people.locale'), { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

const SEASONS = new Set(['fall', 'spring', 'winter', 'summer']);

/** The window's name: the district's label, or the season in the turn's language when the label is one. */
const windowName = (label: string) => (SEASONS.has(label) ? t(`people.myCounselor.season.${label}`) : label);

function meetings(policy: ReviewPolicy, now: Date): string {
  const cal = schoolCalendar(policy, now);
  const spans = cal.windows.map((w) => t('people.myCounselor.span', { label: windowName(w.label), from: shortDay(w.firstDay), to: shortDay(w.lastDay) }));
  const list = spans.length > 1 ? t('people.and', { list: spans.slice(0, -1).join(', '), last: spans.at(-1)! }) : spans[0] ?? '';
  return spans.length === 2 ? t('people.myCounselor.meetingsTwice', { list }) : t('people.myCounselor.meetings', { count: spans.length, list });
}

export function myCounselorCommand(policy: ReviewPolicy): Command {
  return {
    id: 'my-counselor',
    roles: ['student', 'family'],
    intents: ['my-counselor'],
    matches: () => false,
    run: async (ctx) => {
      const family = ctx.profile()?.role === 'family';
      const students = family ? await linkedStudents(ctx.records.store, ctx.userKey) : [ctx.userKey];
      const names = [...new Set((await Promise.all(students.map((s) => counselorNames(ctx, s)))).flat())];
      const who = names.length > 0
        ? t(family ? 'people.myCounselor.family' : 'people.myCounselor.student', { names: names.join('; ') })
        : t(family ? 'people.myCounselor.familyNone' : 'people.myCounselor.studentNone');
      ctx.say(text(who), text(meetings(policy, ctx.now)));
    },
  };
}
