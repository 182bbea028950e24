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
import { sayTo } from '../people/notify.js';
import { t } from '../../i18n/t.js';

export interface CareDeps {
  /** The district setting: tell the student's counselors that a safety message arrived. Off by default. */
  alertCounselors: boolean;
  senders: readonly ProactiveSender[];
  logger?: Logger;
}

/** The caring answer, in the turn's language: for a student, and for a family member or counselor. */
export const CARE_LINES = {
  student: () => [t('care.student.sorry'), t('care.student.help')],
  others: () => [t('care.others.sorry'), t('care.others.help')],
};

async function alertCounselors(ctx: TurnContext, deps: CareDeps): Promise<void> {
  const links = await ctx.records.store.get<StudentLinks>(STUDENT_LINKS, ctx.userKey);
  const name = ctx.profile()?.displayName;
  const at = ctx.now.toISOString();
  for (const counselor of links?.counselorKeys ?? []) {
    // Told in the counselor's language, with the time written the way that language writes it.
    const sent = await sayTo(deps.senders, ctx.records.store, counselor, () => {
      const when = ctx.now.toLocaleString(t('people.locale'), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'America/Chicago' });
      return [text(t('care.alert', { name: name ?? t('care.aStudent'), when }))];
    });
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
      const lines = role === 'family' || role === 'counselor' ? CARE_LINES.others() : CARE_LINES.student();
      ctx.say(...lines.map((l) => text(l)));
      // Whatever was being asked can wait; it comes back when they say hi.
      ctx.leaveQuestion();
      if (deps.alertCounselors && role === 'student') await alertCounselors(ctx, deps);
    },
  };
}
