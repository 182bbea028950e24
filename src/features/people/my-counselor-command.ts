/**
 * "who is my counselor", "when do we meet": the student's counselor (or, for a family member,
 * their student's), how to reach them, and this school year's meeting windows with dates.
 */
import { text } from '../../domain/messages.js';
import type { StudentLinks } from '../../domain/people.js';
import { shortDate } from '../../domain/reminders/reminder-messages.js';
import { schoolCalendar } from '../../domain/reminders/school-calendar.js';
import type { ReviewPolicy } from '../../domain/reminders/index.js';
import type { Command, TurnContext } from '../../engine/command.js';
import { counselorRecord, linkedStudents, STUDENT_LINKS } from './links.js';

async function counselorNames(ctx: TurnContext, studentKey: string): Promise<string[]> {
  const links = await ctx.records.store.get<StudentLinks>(STUDENT_LINKS, studentKey);
  const names: string[] = [];
  for (const key of links?.counselorKeys ?? []) {
    const record = await counselorRecord(ctx.records.store, key);
    const profile = await ctx.records.profile(key);
    const name = record?.displayName ?? profile?.displayName;
    if (record) names.push(name ? `${name} at ${record.school}` : `a counselor at ${record.school}`);
  }
  return names;
}

function meetings(policy: ReviewPolicy, now: Date): string {
  const cal = schoolCalendar(policy, now);
  const spans = cal.windows.map((w) => `${w.label} (${shortDate(w.firstDay)} to ${shortDate(w.lastDay)})`);
  const list = spans.length > 1 ? `${spans.slice(0, -1).join(', ')} and ${spans.at(-1)}` : spans[0] ?? '';
  return `Counselors meet with each student about their plan ${spans.length === 2 ? 'twice' : `${spans.length} times`} this school year: ${list}.`;
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
        ? `${family ? 'Your student’s counselor' : 'Your counselor'} on Waypoint: ${names.join('; ')}. You can message them at school or ask the front office.`
        : family
          ? "Your student hasn't joined a counselor on Waypoint yet. The school's front office can tell you who their counselor is."
          : "You haven't joined your counselor on Waypoint yet. If they gave you a class code, type join and the code. The front office can tell you who your counselor is.";
      ctx.say(text(who), text(meetings(policy, ctx.now)));
    },
  };
}
