/** Sends replies to someone outside their conversation, through their channel's ProactiveSender. */
import type { ProactiveSender, Reply } from '../../domain/messages.js';
import type { Profile } from '../../domain/profile.js';
import { DEFAULT_LANGUAGE, type Language, withLanguage } from '../../i18n/language.js';
import type { Store } from '../../store/store.js';

/** The language someone reads Waypoint in (their profile's choice; English when none). */
export async function languageOf(store: Store, userKey: string): Promise<Language> {
  return (await store.get<Profile>('profiles', userKey))?.language ?? DEFAULT_LANGUAGE;
}

/**
 * Builds words for someone other than the person in this turn in *their* language, then sends
 * them: `sayTo(deps.senders, store, key, () => [text(t('codes.studentTold', {...}))])`.
 */
export async function sayTo(senders: readonly ProactiveSender[], store: Store, userKey: string, build: () => Reply[]): Promise<boolean> {
  const replies = withLanguage(await languageOf(store, userKey), build);
  return sendTo(senders, userKey, replies);
}

export function channelOfKey(userKey: string): { channel: string; userId: string } {
  const i = userKey.indexOf(':');
  return i < 0 ? { channel: '', userId: userKey } : { channel: userKey.slice(0, i), userId: userKey.slice(i + 1) };
}

/** The sender for this user's channel, if that channel runs in this process. */
export function senderFor(senders: readonly ProactiveSender[], userKey: string): ProactiveSender | undefined {
  const { channel } = channelOfKey(userKey);
  return senders.find((s) => s.channel === channel);
}

/** True when delivered; false when there is no sender for the channel or delivery failed. */
export async function sendTo(senders: readonly ProactiveSender[], userKey: string, replies: Reply[]): Promise<boolean> {
  const sender = senderFor(senders, userKey);
  if (!sender) return false;
  try {
    await sender.send(channelOfKey(userKey).userId, replies);
    return true;
  } catch {
    return false;
  }
}
