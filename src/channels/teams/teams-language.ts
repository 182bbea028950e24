/**
 * The language the Teams channel's own words are in (buttons, headings, welcomes, file offers): the
 * person's choice in their profile, else the language their conversation is going on in, else the
 * Teams client's language ("es-MX"), else English. The engine decides the language of each turn
 * (src/engine/turn-language.ts); this reads what it kept, so the card around a reply matches it.
 */
import type { Activity } from 'botbuilder';
import { localeLanguage } from '../../domain/language-choice.js';
import { DEFAULT_LANGUAGE, type Language } from '../../i18n/language.js';
import { Records } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { userIdOf } from './activity-to-turn.js';

export async function languageOfPerson(store: Store, userId: string | undefined, locale?: string): Promise<Language> {
  if (userId) {
    const records = new Records(store);
    const key = `teams:${userId}`;
    const chosen = (await records.profile(key).catch(() => undefined))?.language;
    if (chosen) return chosen;
    const spoken = (await records.session(key).catch(() => undefined))?.language?.current;
    if (spoken) return spoken;
  }
  return localeLanguage(locale) ?? DEFAULT_LANGUAGE;
}

export function languageOfActivity(store: Store, activity: Partial<Activity>): Promise<Language> {
  return languageOfPerson(store, userIdOf(activity), typeof activity.locale === 'string' ? activity.locale : undefined);
}
