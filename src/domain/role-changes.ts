/**
 * How often someone may say who they are again ("change my role"): a role decides what a person
 * may see and do, so changing it is limited and each change is audited.
 */
import type { Profile } from './profile.js';

/** At most this many role changes in a day. */
export const ROLE_CHANGES_PER_DAY = 2;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The role changes of the last day (older ones are dropped). */
export function recentRoleChanges(profile: Pick<Profile, 'roleChanges'> | undefined, now: Date): string[] {
  return (profile?.roleChanges ?? []).filter((at) => now.getTime() - Date.parse(at) < DAY_MS);
}

export function mayChangeRole(profile: Pick<Profile, 'roleChanges'> | undefined, now: Date): boolean {
  return recentRoleChanges(profile, now).length < ROLE_CHANGES_PER_DAY;
}
