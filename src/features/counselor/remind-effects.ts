/**
 * What the reminder flow asks for: send now (only to students still on the caseload, and only
 * inside sending hours: a "yes" that comes after quiet hours began is kept for the next allowed
 * time instead), or keep the sends for the time the counselor chose.
 */
import type { Effect } from '../../../flows/flow-protocol.js';
import { text } from '../../domain/messages.js';
import { nextAllowedTime } from '../../domain/reminders/index.js';
import type { TurnContext } from '../../engine/command.js';
import type { EffectHandler } from '../../engine/engine.js';
import { withLanguage } from '../../i18n/language.js';
import { t } from '../../i18n/t.js';
import { caseloadOf } from '../people/links.js';
import { languageOf } from '../people/notify.js';
import type { CounselorDeps } from './counselor-deps.js';
import { sendTimeWords } from './remind-flow-start.js';
import { counselorReminder, remindStudents, REMIND_AGAIN_HOURS } from './remind-students.js';
import { scheduleSend } from './scheduled-sends.js';

type RemindEffect = Extract<Effect, { kind: 'counselor-remind' }>;

async function remind(ctx: TurnContext, deps: CounselorDeps, e: RemindEffect): Promise<void> {
  const mine = new Set(await caseloadOf(ctx.records.store, ctx.userKey));
  const students = e.students.filter((s) => mine.has(s.key));
  const policy = await deps.reviewPolicy();
  const allowed = nextAllowedTime(ctx.now, policy);
  const sendAt = e.sendAt ?? (allowed.getTime() !== ctx.now.getTime() ? allowed.toISOString() : undefined);
  if (sendAt) {
    let kept = 0;
    for (const s of students) {
      // Kept as words in the student's language (their choice now), since the sweep sends them as they are.
      const replies = withLanguage(await languageOf(ctx.records.store, s.key), () => counselorReminder(s));
      const added = await scheduleSend(ctx.records.store, { studentKey: s.key, by: ctx.userKey, sendAt, replies, createdAt: ctx.now.toISOString() });
      if (added) kept++;
    }
    deps.logger?.info({ user: ctx.userKey, scheduled: kept }, 'counselor reminders scheduled');
    return void ctx.say(text(t('counselor.remind.scheduled', { count: kept, when: sendTimeWords(new Date(sendAt), ctx.now, policy) })));
  }
  const r = await remindStudents(students, deps.senders, { store: ctx.records.store, now: ctx.now, by: ctx.userKey });
  deps.logger?.info({ user: ctx.userKey, sent: r.sent.length, failed: r.failed.length, skipped: r.skipped.length }, 'counselor reminders sent');
  const said = [
    t('counselor.remind.sent', { sent: r.sent.length, failed: r.failed.length }),
    ...(r.failed.length > 0 ? [t('counselor.remind.couldNotSend', { n: r.failed.length })] : []),
    ...(r.skipped.length > 0 ? [t('counselor.remind.skipped', { n: r.skipped.length, hours: REMIND_AGAIN_HOURS })] : []),
  ];
  ctx.say(text(said.join(' ')));
}

export function counselorEffects(deps: CounselorDeps): Partial<Record<Effect['kind'], EffectHandler>> {
  return { 'counselor-remind': (ctx, e) => remind(ctx, deps, e as RemindEffect) };
}
