/**
 * The language of a turn: the person's choice, a language they ask for now ("español", "english",
 * "cambiar idioma"), or what their messages are written in (src/domain/language-choice.ts). A
 * choice is kept in the profile; before there is a profile, in the session, and copied into the
 * profile once it exists.
 */
import { chooseLanguage, languageAsked, localeLanguage, type LanguageGuess, type LanguageWords } from '../domain/language-choice.js';
import type { Turn } from '../domain/messages.js';
import { isOnlyACode } from '../domain/codes.js';
import type { Profile } from '../domain/profile.js';
import type { Language } from '../i18n/language.js';
import type { Records } from '../store/records.js';
import type { Session } from './session.js';

export interface LanguageDeps {
  words: LanguageWords;
  guess(text: string): LanguageGuess | undefined;
}

export interface TurnLanguage {
  language: Language;
  /** The person asked for this language in this message. */
  asked?: Language;
  /** Waypoint switched to Spanish on its own: say so once, and how to switch back. */
  tellSwitch: boolean;
  profile: Profile | undefined;
}

export async function languageOfTurn(turn: Turn, session: Session, profile: Profile | undefined, records: Records, deps: LanguageDeps | undefined): Promise<TurnLanguage> {
  const locale = localeLanguage(turn.locale);
  const current = profile?.language ?? session.language?.current ?? locale ?? 'en';
  if (!deps) return { language: profile?.language ?? 'en', tellSwitch: false, profile };
  const asked = turn.text ? languageAsked(turn.text, deps.words, current) : undefined;
  if (asked) {
    session.language = { current: asked, told: true };
    if (profile && profile.language !== asked) await records.saveProfile((profile = { ...profile, language: asked }));
    return { language: asked, asked, tellSwitch: false, profile };
  }
  const decision = chooseLanguage({
    ...(profile?.language ? { chosen: profile.language } : {}),
    ...(session.language ? { session: session.language } : {}),
    ...(locale ? { locale } : {}),
    // A pasted code ("HACE-7M4K") says nothing about the language, whatever its letters spell.
    ...(turn.text && !shortAnswer(turn.text, session) && !isOnlyACode(turn.text) ? { guess: deps.guess(turn.text) } : {}),
  });
  if (decision.session) session.language = decision.session;
  return { language: decision.language, tellSwitch: decision.tellSwitch, profile };
}

/**
 * A one- or two-word answer to a waiting question ("ya", "si", "no", "ok") says which choice, not
 * which language: English and Spanish speakers type the same short words.
 */
function shortAnswer(text: string, session: Session): boolean {
  return session.pending !== undefined && text.trim().split(/\s+/).length <= 2;
}

/** After the turn: a person who went on in Spanish after being told keeps Spanish in their profile. */
export async function keepLanguage(session: Session, profile: Profile | undefined, records: Records): Promise<void> {
  const spoken = session.language;
  if (!profile || profile.language || !spoken?.told) return;
  await records.saveProfile({ ...profile, language: spoken.current });
}
