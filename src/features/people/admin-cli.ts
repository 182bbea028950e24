/**
 * `npm run admin -- <command>`, as a function so it can be tested. Only an administrator (someone
 * who can run commands on the server) can make or remove a counselor; the chat never can. Its
 * words are in the catalogs (admin.*), in the language of the run: English unless the script is
 * started with WAYPOINT_LANGUAGE=es (scripts/admin.ts).
 *
 *   add-counselor <channel>:<user id> --school "<name>" [--name "<shown name>"]
 *   remove-counselor <channel>:<user id>
 *   list
 *   assign / unassign / import-roster / requests / accept / decline / audit: caseload-admin.ts
 */
import type { CounselorRecord, Caseload } from '../../domain/people.js';
import type { Profile } from '../../domain/profile.js';
import { t } from '../../i18n/t.js';
import type { Store } from '../../store/store.js';
import { audit } from './audit.js';
import { CASELOADS, COUNSELORS } from './links.js';
import { userKeyProblem } from './admin-ids.js';
import { caseloadAdminUsage, parseCaseloadAdmin, runCaseloadAdmin, type CaseloadAdminCommand } from './caseload-admin.js';

export { userKeyProblem };

/** How to run it, in the language of the run (admin.usage.*). */
export function adminUsage(): string {
  const usage = (key: string) => t(`admin.usage.${key}`);
  return [usage('title'), usage('addCounselor'), usage('removeCounselor'), usage('list'), ...caseloadAdminUsage(), usage('channels')].join('\n');
}

export const ADMIN_BY = 'admin-cli';

/** The longest school name an admin may give. */
const MAX_SCHOOL = 120;

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
      if (v === undefined || v.startsWith('--')) return { error: t('admin.parse.needsValue', { flag: a }) };
      flags.set(a.slice(2), v);
    } else if (a.startsWith('--')) return { error: t('admin.parse.unknownOption', { option: a }) };
    else positional.push(a);
  }
  switch (command) {
    case 'add-counselor': {
      const problem = userKeyProblem(positional[0]) ?? (positional.length > 1 ? t('admin.parse.oneUserGot', { count: positional.length }) : undefined);
      if (problem) return { error: problem };
      const school = flags.get('school')?.trim();
      if (!school) return { error: t('admin.parse.needsSchool') };
      if (school.length > MAX_SCHOOL) return { error: t('admin.parse.schoolTooLong', { max: MAX_SCHOOL }) };
      const name = flags.get('name')?.trim();
      return { kind: 'add-counselor', key: positional[0]!, school, ...(name ? { name: name.slice(0, 80) } : {}) };
    }
    case 'remove-counselor': {
      const problem = userKeyProblem(positional[0]) ?? (positional.length > 1 ? t('admin.parse.oneUser') : undefined);
      if (problem) return { error: problem };
      if (flags.size > 0) return { error: t('admin.parse.removeNoOptions') };
      return { kind: 'remove-counselor', key: positional[0]! };
    }
    case 'list':
      if (positional.length > 0 || flags.size > 0) return { error: t('admin.parse.listNoArguments') };
      return { kind: 'list' };
    case undefined:
      return { error: t('admin.parse.sayWhat') };
    default:
      return { error: t('admin.parse.unknownCommand', { command }) };
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
      write(t(r === 'added' ? 'admin.counselors.added' : 'admin.counselors.updated', { key: cmd.key, school: cmd.school }));
      write(t('admin.counselors.canSay'));
      return;
    }
    case 'remove-counselor': {
      const removed = await removeCounselor(store, cmd.key, now);
      write(t(removed ? 'admin.counselors.removed' : 'admin.counselors.notCounselor', { key: cmd.key }));
      return;
    }
    case 'list': {
      const all = (await store.list<CounselorRecord>(COUNSELORS)).map((r) => r.value).sort((a, b) => a.userKey.localeCompare(b.userKey));
      if (all.length === 0) return write(t('admin.counselors.none'));
      write(t('admin.counselors.count', { count: all.length }));
      for (const c of all) {
        const load = await store.get<Caseload>(CASELOADS, c.userKey);
        const n = load?.studentKeys.length ?? 0;
        const shownName = c.displayName ? t('admin.counselors.shownName', { name: c.displayName }) : '';
        write(t('admin.counselors.row', { key: c.userKey, school: c.school, shownName, date: c.addedAt.slice(0, 10), students: t('admin.count.students', { count: n }) }));
      }
      return;
    }
    default:
      return runCaseloadAdmin(cmd, deps);
  }
}
