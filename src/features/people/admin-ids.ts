/** User ids as the admin types them: "<channel>:<user id>" with a channel Waypoint runs. */
export const CHANNELS = ['console', 'slack', 'teams'];

/** Checks a user key: "<channel>:<user id>" with a known channel. Returns a problem, or undefined. */
export function userKeyProblem(key: string | undefined): string | undefined {
  if (!key) return 'Give the user as <channel>:<user id>, for example console:ms-rivera or slack:U0123ABC.';
  const m = /^([a-z]+):(\S{1,100})$/.exec(key);
  if (!m) return `"${key}" is not a user id. Write it as <channel>:<user id>, for example console:ms-rivera or slack:U0123ABC.`;
  if (!CHANNELS.includes(m[1]!)) return `"${m[1]}" is not a channel I know. Use console, slack or teams.`;
  return undefined;
}
