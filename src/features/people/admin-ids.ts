/** User ids as the admin types them: "<channel>:<user id>" with a channel Waypoint runs. */
import { t } from '../../i18n/t.js';

export const CHANNELS = ['console', 'slack', 'teams'];

/** Checks a user key: "<channel>:<user id>" with a known channel. Returns a problem (admin.ids.*), or undefined. */
export function userKeyProblem(key: string | undefined): string | undefined {
  if (!key) return t('admin.ids.missing');
  const m = /^([a-z]+):(\S{1,100})$/.exec(key);
  if (!m) return t('admin.ids.notAnId', { key });
  if (!CHANNELS.includes(m[1]!)) return t('admin.ids.unknownChannel', { channel: m[1]! });
  return undefined;
}
