/**
 * Family members who asked for reminders ("remind me about her reviews") get a copy when their
 * student is reminded: after the student's reminder is sent, each linked family member whose
 * profile says `familyReminders` gets one short note in their own language, claimed once under
 * its own key (`<student reminder key>|family:<family key>`), so a copy never goes twice, also
 * across processes. A copy that cannot be delivered is logged (ids only) and not tried again: the
 * student's own reminder is what counts.
 */
import type { ProactiveSender } from '../domain/messages.js';
import type { StudentLinks } from '../domain/people.js';
import type { Profile } from '../domain/profile.js';
import { familyReminderReplies, type Reminder } from '../domain/reminders/index.js';
import { withLanguage } from '../i18n/language.js';
import type { IndexedFacts } from '../store/facts-log.js';
import type { Store } from '../store/store.js';
import { claimReminder, markSent } from './reminder-claims.js';

export interface CopyLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

type StudentReminder = Extract<Reminder, { kind: 'first' | 'second' | 'make-plan' }>;

export function familyCopyKey(studentReminderKey: string, familyKey: string): string {
  return `${studentReminderKey}|family:${familyKey}`;
}

export interface CopyRoutes {
  senderFor: (userKey: string) => { sender: ProactiveSender; userId: string } | undefined;
  /** The facts index, when the store keeps one: links and profiles are read from it, not from files. */
  index?: IndexedFacts;
}

type FamilyFacts = Pick<Profile, 'role' | 'language' | 'familyReminders'>;

/** Sends the copies of one student reminder just sent; returns how many went out. */
export async function sendFamilyCopies(store: Store, r: StudentReminder, studentName: string | undefined, routes: CopyRoutes, now: Date, log: CopyLogger): Promise<number> {
  const { index, senderFor } = routes;
  const familyKeys = index ? index.studentLinks.get(r.studentKey)?.familyKeys ?? [] : (await store.get<StudentLinks>('student-links', r.studentKey))?.familyKeys ?? [];
  let sent = 0;
  for (const familyKey of familyKeys) {
    const profile: FamilyFacts | undefined = index ? (index.profiles.get(familyKey) as FamilyFacts | undefined) : await store.get<Profile>('profiles', familyKey);
    if (profile?.role !== 'family' || profile.familyReminders !== true) continue;
    const to = senderFor(familyKey);
    if (!to) continue;
    const copy: Reminder = { ...r, key: familyCopyKey(r.key, familyKey), recipientKey: familyKey };
    if (!(await claimReminder(store, copy, now))) continue;
    try {
      const replies = withLanguage(profile.language === 'es' ? 'es' : 'en', () => familyReminderReplies(r.kind, r.window, studentName));
      await to.sender.send(to.userId, replies);
      await markSent(store, copy, now, false);
      sent++;
      log.info({ key: copy.key }, 'family reminder copy sent');
    } catch (err) {
      log.warn({ key: copy.key, error: err instanceof Error ? err.name : 'error' }, 'family reminder copy not delivered');
    }
  }
  return sent;
}
