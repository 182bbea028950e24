/**
 * The language of what Slack itself adds around a turn's replies ("You chose: ...", "Question 3 of
 * 24", the Home tab's default): the one the engine spoke in the turn. It is read after the turn from
 * where the engine keeps it (the person's profile, else their session), and before there is either,
 * from their Slack language (users.info locale).
 */
import { localeLanguage } from '../../domain/language-choice.js';
import { DEFAULT_LANGUAGE, type Language } from '../../i18n/language.js';
import type { Profile } from '../../domain/profile.js';
import type { Records } from '../../store/records.js';

/** `profile`: the person's profile when the caller has just read it (undefined: read it here). */
export async function spokenLanguage(records: Records | undefined, userKey: string, locale: string | undefined, profile?: Profile | null): Promise<Language> {
  const person = profile === undefined ? await records?.profile(userKey) : profile;
  if (person?.language) return person.language;
  const session = await records?.session(userKey);
  return session?.language?.current ?? localeLanguage(locale) ?? DEFAULT_LANGUAGE;
}
