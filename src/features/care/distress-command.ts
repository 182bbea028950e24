/**
 * When someone seems to be in danger or hurting ("i want to die", "someone is hurting me"): a
 * calm, caring answer that points to a counselor or trusted adult and to the 988 Suicide & Crisis
 * Lifeline. Never a job suggestion, never advice of our own. With the district's safety alerts on
 * (WAYPOINT_SAFETY_ALERTS), the student's counselors are told that a safety message arrived, and
 * when; never its words. Every alert is audited.
 */
import type { Logger } from 'pino';
import { text, type ProactiveSender } from '../../domain/messages.js';
import type { StudentLinks } from '../../domain/people.js';
import type { Command, TurnContext } from '../../engine/command.js';
import { audit } from '../people/audit.js';
import { STUDENT_LINKS } from '../people/links.js';
import { sendTo } from '../people/notify.js';

export interface CareDeps {
  /** The district setting: tell the student's counselors that a safety message arrived. Off by default. */
  alertCounselors: boolean;
  senders: readonly ProactiveSender[];
  logger?: Logger;
}

export const CARE_LINES = {
  student: [
    "I'm really sorry you're going through this. You matter, and you don't have to handle it alone.",
    'Please tell your school counselor or another adult you trust today. You can also call or text 988 any time, day or night, to talk with someone at the 988 Suicide & Crisis Lifeline. If you are in danger right now, call 911.',
  ],
  others: [
    "I'm sorry. That sounds serious, and it's right to get help.",
    'If someone is in danger right now, call 911. For a person who may hurt themselves, call or text 988 (the 988 Suicide & Crisis Lifeline) any time, day or night. The school counselor can help too.',
  ],
};

async function alertCounselors(ctx: TurnContext, deps: CareDeps): Promise<void> {
  const links = await ctx.records.store.get<StudentLinks>(STUDENT_LINKS, ctx.userKey);
  const name = ctx.profile()?.displayName ?? 'A student on your caseload';
  const at = ctx.now.toISOString();
  for (const counselor of links?.counselorKeys ?? []) {
    const when = ctx.now.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'America/Chicago' });
    const sent = await sendTo(deps.senders, counselor, [
      text(`Safety alert: ${name} sent Waypoint a message that may be about their safety (${when}). Waypoint showed them how to reach you and the 988 Lifeline. Please check in with them soon. For privacy, Waypoint does not share what they wrote.`),
    ]);
    await audit(ctx.records.store, { at, by: ctx.userKey, action: 'safety-alert', subject: ctx.userKey, target: counselor, delivered: sent });
    deps.logger?.warn({ student: ctx.userKey, counselor, delivered: sent }, 'safety alert');
  }
}

export function distressCommand(deps: CareDeps): Command {
  return {
    id: 'care',
    intents: ['distress'],
    matches: () => false,
    run: async (ctx) => {
      const role = ctx.profile()?.role;
      const lines = role === 'family' || role === 'counselor' ? CARE_LINES.others : CARE_LINES.student;
      ctx.say(...lines.map((l) => text(l)));
      // Whatever was being asked can wait; it comes back when they say hi.
      ctx.leaveQuestion();
      if (deps.alertCounselors && role === 'student') await alertCounselors(ctx, deps);
    },
  };
}
