/**
 * `npm run admin -- <command>`, as a function so it can be tested. Only an administrator (someone
 * who can run commands on the server) can make or remove a counselor; the chat never can.
 *
 *   add-counselor <channel>:<user id> --school "<name>" [--name "<shown name>"]
 *   remove-counselor <channel>:<user id>
 *   list
 *   assign / unassign / import-roster / requests / accept / decline / audit: caseload-admin.ts
 */
import type { CounselorRecord, Caseload } from '../../domain/people.js';
import type { Profile } from '../../domain/profile.js';
import type { Store } from '../../store/store.js';
import { audit } from './audit.js';
import { CASELOADS, COUNSELORS } from './links.js';
import { userKeyProblem } from './admin-ids.js';
import { CASELOAD_ADMIN_USAGE, parseCaseloadAdmin, runCaseloadAdmin, type CaseloadAdminCommand } from './caseload-admin.js';

export { userKeyProblem };

export const ADMIN_USAGE = [
  'Usage:',
  '  npm run admin -- add-counselor <channel>:<user id> --school "<school name>" [--name "<name students see>"]',
  '  npm run admin -- remove-counselor <channel>:<user id>',
  '  npm run admin -- list',
  ...CASELOAD_ADMIN_USAGE,
  'Channels: console (the terminal; the id is WAYPOINT_USER), slack (a member id like U0123ABC), teams (an AAD object id or 29:... id).',
].join('\n');

export const ADMIN_BY = 'admin-cli';

export type AdminCommand =
  | { kind: 'add-counselor'; key: string; school: string; name?: string }
  | { kind: 'remove-counselor'; key: string }
  | { kind: 'list' }
  | CaseloadAdminCommand;

export function parseAdminArgs(argv: string[]): AdminCommand | { error: string } {
  const [command, ...rest] = argv;
  const caseload = parseCaseloadAdmin(command, rest);
  if (caseload) return caseload;
  const flags = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    const eq = /^--(school|name)=(.*)$/.exec(a);
    if (eq) flags.set(eq[1]!, eq[2]!);
    else if (a === '--school' || a === '--name') {
      const v = rest[++i];
      if (v === undefined || v.startsWith('--')) return { error: `${a} needs a value, like ${a} "Lincoln High School".` };
      flags.set(a.slice(2), v);
    } else if (a.startsWith('--')) return { error: `I don't know the option ${a}.` };
    else positional.push(a);
  }
  switch (command) {
    case 'add-counselor': {
      const problem = userKeyProblem(positional[0]) ?? (positional.length > 1 ? `Only one user at a time (got ${positional.length}). Put a school name with spaces in quotes.` : undefined);
      if (problem) return { error: problem };
      const school = flags.get('school')?.trim();
      if (!school) return { error: 'add-counselor needs the school: --school "Lincoln High School".' };
      if (school.length > 120) return { error: 'The school name is too long (120 characters at most).' };
      const name = flags.get('name')?.trim();
      return { kind: 'add-counselor', key: positional[0]!, school, ...(name ? { name: name.slice(0, 80) } : {}) };
    }
    case 'remove-counselor': {
      const problem = userKeyProblem(positional[0]) ?? (positional.length > 1 ? 'Only one user at a time.' : undefined);
      if (problem) return { error: problem };
      if (flags.size > 0) return { error: 'remove-counselor takes no options.' };
      return { kind: 'remove-counselor', key: positional[0]! };
    }
    case 'list':
      if (positional.length > 0 || flags.size > 0) return { error: 'list takes no arguments.' };
      return { kind: 'list' };
    case undefined:
      return { error: 'Say what to do: add-counselor, remove-counselor, list, assign, unassign, import-roster, requests, accept, decline or audit.' };
    default:
      return { error: `I don't know the command "${command}". Use add-counselor, remove-counselor, list, assign, unassign, import-roster, requests, accept, decline or audit.` };
  }
}

/** Makes `key` a counselor at `school` (or updates the school): counselor record, profile role, audit. */
export async function addCounselor(store: Store, key: string, school: string, now: Date, name?: string): Promise<'added' | 'updated'> {
  const at = now.toISOString();
  const before = await store.get<CounselorRecord>(COUNSELORS, key);
  await store.put<CounselorRecord>(COUNSELORS, key, {
    userKey: key,
    school,
    addedAt: before?.addedAt ?? at,
    addedBy: before?.addedBy ?? ADMIN_BY,
    ...(name ? { displayName: name } : before?.displayName ? { displayName: before.displayName } : {}),
  });
  const profile = await store.get<Profile>('profiles', key);
  const next: Profile = profile
    ? { ...profile, role: 'counselor' }
    : { userKey: key, role: 'counselor', choiceHistory: [], createdAt: at, lastActiveAt: at };
  if (name) next.displayName = name;
  await store.put('profiles', key, next);
  if (before && profile?.role === 'counselor') return 'updated';
  await audit(store, { at, by: ADMIN_BY, action: 'counselor-added', subject: key, school });
  return 'added';
}

/** Takes counselor access away: the record goes, the profile goes (they choose who they are again). */
export async function removeCounselor(store: Store, key: string, now: Date): Promise<boolean> {
  const before = await store.get<CounselorRecord>(COUNSELORS, key);
  const profile = await store.get<Profile>('profiles', key);
  if (!before && profile?.role !== 'counselor') return false;
  await store.delete(COUNSELORS, key);
  if (profile?.role === 'counselor') await store.delete('profiles', key);
  await audit(store, { at: now.toISOString(), by: ADMIN_BY, action: 'counselor-removed', subject: key });
  return true;
}

export interface AdminDeps {
  store: Store;
  now: Date;
  write: (line: string) => void;
  /** Reads a file the admin names (the roster CSV). */
  readFile?: (file: string) => Promise<string>;
}

/** Runs one admin command; false when it could not be done (the reason is written). */
export async function runAdmin(cmd: AdminCommand, deps: AdminDeps): Promise<boolean | void> {
  const { store, now, write } = deps;
  switch (cmd.kind) {
    case 'add-counselor': {
      const r = await addCounselor(store, cmd.key, cmd.school, now, cmd.name);
      write(r === 'added' ? `Added counselor ${cmd.key} at ${cmd.school}.` : `${cmd.key} was already a counselor; school is now ${cmd.school}.`);
      write('They can say "caseload" or "new class code" the next time they chat.');
      return;
    }
    case 'remove-counselor': {
      const removed = await removeCounselor(store, cmd.key, now);
      write(removed ? `Removed counselor access for ${cmd.key}.` : `${cmd.key} is not a counselor; nothing changed.`);
      return;
    }
    case 'list': {
      const all = (await store.list<CounselorRecord>(COUNSELORS)).map((r) => r.value).sort((a, b) => a.userKey.localeCompare(b.userKey));
      if (all.length === 0) return write('No counselors yet. Add one with: npm run admin -- add-counselor <channel>:<user id> --school "<name>"');
      write(`${all.length} counselor${all.length === 1 ? '' : 's'}:`);
      for (const c of all) {
        const load = await store.get<Caseload>(CASELOADS, c.userKey);
        const n = load?.studentKeys.length ?? 0;
        write(`  ${c.userKey}  ${c.school}${c.displayName ? `  (${c.displayName})` : ''}  added ${c.addedAt.slice(0, 10)}  ${n} student${n === 1 ? '' : 's'}`);
      }
      return;
    }
    default:
      return runCaseloadAdmin(cmd, deps);
  }
}
