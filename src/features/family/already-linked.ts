/**
 * A family member who types a family code again (one they already used, or any code of a student
 * they are already linked to) hears "You're already linked to Diego", not "That code was already
 * used". Said only to someone who really is linked to that student (the link is checked, not the
 * code's record alone), so a guesser learns nothing. The code entry (src/features/people/
 * redeem-code.ts) asks this before its "used" answer.
 */
import type { CodeRecord } from '../../domain/codes.js';
import { firstName } from '../../domain/family/index.js';
import { text, type TextReply } from '../../domain/messages.js';
import type { Profile } from '../../domain/profile.js';
import { t } from '../../i18n/t.js';
import type { Store } from '../../store/store.js';
import { linkedStudents } from '../people/links.js';

/** The answer for a family code whose student this person is already linked to, or undefined. */
export async function alreadyLinkedReply(store: Store, record: CodeRecord | undefined, userKey: string): Promise<TextReply | undefined> {
  if (!record || record.kind !== 'family-invite') return undefined;
  if (!(await linkedStudents(store, userKey)).includes(record.ownerKey)) return undefined;
  const name = firstName((await store.get<Profile>('profiles', record.ownerKey))?.displayName);
  return text(name ? t('family.alreadyLinkedTo', { name }) : t('family.alreadyLinked'));
}
