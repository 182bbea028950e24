/**
 * The administrator's caseload commands (`npm run admin -- ...`):
 *
 *   assign <counselor> <student>      put a student on a counselor's caseload (at the counselor's school)
 *   unassign <counselor> <student>    take them off
 *   import-roster <file.csv>          columns: student id, name, grade, counselor (roster-import.ts)
 *   requests                          counselors' requests waiting for a student's OK
 *   accept <request id> / decline <request id>
 *   audit [--student <id>] [--since YYYY-MM-DD]   one line per entry, oldest first
 *
 * Words: admin.* in the catalogs, in the language of the run (WAYPOINT_LANGUAGE, English by default).
 */
import type { AuditEntry } from '../../domain/people.js';
import type { Profile } from '../../domain/profile.js';
import { t } from '../../i18n/t.js';
import type { Store } from '../../store/store.js';
import { userKeyProblem } from './admin-ids.js';
import { auditEntries } from './audit.js';
import { allWaiting, decideRequest } from './caseload-requests.js';
import { addToCaseload, counselorRecord, removeFromCaseload } from './links.js';
import { importRoster } from './roster-import.js';

/** The usage lines of these commands, in the language of the run. */
export function caseloadAdminUsage(): string[] {
  return ['assign', 'unassign', 'importRoster', 'requests', 'decide', 'audit'].map((k) => t(`admin.usage.${k}`));
}

const BY = 'admin-cli';

export type CaseloadAdminCommand =
  | { kind: 'assign' | 'unassign'; counselor: string; student: string }
  | { kind: 'import-roster'; file: string }
  | { kind: 'requests' }
  | { kind: 'accept' | 'decline'; id: string }
  | { kind: 'audit'; student?: string; since?: string };

type Parsed = CaseloadAdminCommand | { error: string } | undefined;

/** "2026-11-01" when it is a real day; undefined otherwise. */
function day(value: string | undefined): string | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const d = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value ? value : undefined;
}

function parseAudit(rest: string[]): CaseloadAdminCommand | { error: string } {
  const out: { kind: 'audit'; student?: string; since?: string } = { kind: 'audit' };
  for (let i = 0; i < rest.length; i++) {
    const [flag, inline] = rest[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    if (flag !== '--student' && flag !== '--since') return { error: t('admin.parse.auditOptions', { got: rest[i]! }) };
    const value = inline ?? rest[++i];
    if (value === undefined || value.startsWith('--')) return { error: t('admin.parse.flagNeedsValue', { flag }) };
    if (flag === '--since') {
      const d = day(value);
      if (!d) return { error: t('admin.parse.notADate', { value }) };
      out.since = d;
    } else {
      const problem = userKeyProblem(value);
      if (problem) return { error: problem };
      out.student = value;
    }
  }
  return out;
}

/** The caseload commands; undefined for any other command. */
export function parseCaseloadAdmin(command: string | undefined, rest: string[]): Parsed {
  switch (command) {
    case 'assign':
    case 'unassign': {
      if (rest.length !== 2) return { error: t('admin.parse.assignNeeds', { command }) };
      const problem = userKeyProblem(rest[0]) ?? userKeyProblem(rest[1]);
      return problem ? { error: problem } : { kind: command, counselor: rest[0]!, student: rest[1]! };
    }
    case 'import-roster':
      if (rest.length !== 1 || rest[0]!.startsWith('--')) return { error: t('admin.parse.importNeeds') };
      return { kind: 'import-roster', file: rest[0]! };
    case 'requests':
      return rest.length > 0 ? { error: t('admin.parse.requestsNoArguments') } : { kind: 'requests' };
    case 'accept':
    case 'decline':
      if (rest.length !== 1) return { error: t('admin.parse.decideNeeds', { command }) };
      return { kind: command, id: rest[0]!.toUpperCase() };
    case 'audit':
      return parseAudit(rest);
    default:
      return undefined;
  }
}

/** One audit entry on one line: its time and action (ids, as stored), then who, about whom and the rest in words. */
function auditLine(e: AuditEntry): string {
  const parts = [e.at, e.action, t('admin.audit.by', { who: e.by })];
  if (e.subject) parts.push(t('admin.audit.about', { who: e.subject }));
  if (e.target) parts.push(t('admin.audit.with', { who: e.target }));
  if (e.request) parts.push(t('admin.audit.request', { id: e.request }));
  if (e.school) parts.push(t('admin.audit.school', { school: e.school }));
  if (e.count !== undefined) parts.push(t('admin.audit.count', { count: e.count }));
  if (e.delivered !== undefined) parts.push(t(e.delivered ? 'admin.audit.delivered' : 'admin.audit.notDelivered'));
  return parts.join('  ');
}

export interface CaseloadAdminDeps {
  store: Store;
  now: Date;
  write: (line: string) => void;
  readFile?: (file: string) => Promise<string>;
}

/** Runs one caseload command; false when it could not be done (the reason is written). */
export async function runCaseloadAdmin(cmd: CaseloadAdminCommand, deps: CaseloadAdminDeps): Promise<boolean> {
  const { store, now, write } = deps;
  switch (cmd.kind) {
    case 'assign': {
      const counselor = await counselorRecord(store, cmd.counselor);
      if (!counselor) return fail(write, t('admin.caseload.notCounselor', { counselor: cmd.counselor }));
      const profile = await store.get<Profile>('profiles', cmd.student);
      if (profile && profile.role !== 'student') return fail(write, t('admin.caseload.notStudent', { student: cmd.student, role: t(`admin.role.${profile.role}`) }));
      const added = await addToCaseload(store, { studentKey: cmd.student, otherKey: cmd.counselor, by: BY, now, school: counselor.school });
      write(t(added ? 'admin.caseload.assigned' : 'admin.caseload.alreadyOn', { student: cmd.student, counselor: cmd.counselor, school: counselor.school }));
      return true;
    }
    case 'unassign': {
      const removed = await removeFromCaseload(store, { studentKey: cmd.student, otherKey: cmd.counselor, by: BY, now });
      write(t(removed ? 'admin.caseload.tookOff' : 'admin.caseload.notOn', { student: cmd.student, counselor: cmd.counselor }));
      return true;
    }
    case 'import-roster': {
      let csv: string;
      try {
        csv = await (deps.readFile ?? missingReader)(cmd.file);
      } catch {
        return fail(write, t('admin.caseload.cantRead', { file: cmd.file }));
      }
      const r = await importRoster(store, csv, now, BY);
      const students = t('admin.count.students', { count: r.imported });
      const profiles = t('admin.count.newProfiles', { count: r.profilesMade });
      write(t('admin.caseload.imported', { students, added: r.added, profiles, skipped: t('admin.count.rowsSkipped', { count: r.problems.length }) }));
      for (const p of r.problems) write(t('admin.caseload.problem', { line: p.line, reason: p.reason }));
      return r.problems.length === 0;
    }
    case 'requests': {
      const waiting = await allWaiting(store);
      if (waiting.length === 0) {
        write(t('admin.requests.none'));
        return true;
      }
      write(t('admin.requests.waiting', { count: waiting.length }));
      for (const r of waiting) {
        const asked = r.askedAt ? t('admin.requests.askedOn', { date: r.askedAt.slice(0, 10) }) : t('admin.requests.notAsked');
        write(t('admin.requests.row', { id: r.id, date: r.at.slice(0, 10), counselor: r.counselorKey, school: r.school, student: r.studentKey, asked }));
      }
      write(t('admin.requests.howToDecide'));
      return true;
    }
    case 'accept':
    case 'decline': {
      const r = await decideRequest(store, cmd.id, cmd.kind === 'accept', BY, now);
      if (r.kind === 'unknown') return fail(write, t('admin.requests.unknown', { id: cmd.id }));
      if (r.kind === 'already-decided') {
        return fail(write, t('admin.requests.alreadyDecided', { id: cmd.id, state: t(`admin.requests.state.${r.request.state}`), date: r.request.decidedAt?.slice(0, 10) ?? '' }));
      }
      if (r.kind === 'counselor-gone') return fail(write, t('admin.requests.counselorGone', { counselor: r.request.counselorKey, id: cmd.id }));
      const said = { id: cmd.id, student: r.request.studentKey, counselor: r.request.counselorKey };
      write(t(r.kind === 'accepted' ? 'admin.requests.accepted' : 'admin.requests.declined', said));
      return true;
    }
    case 'audit': {
      const entries = await auditEntries(store, { ...(cmd.student ? { student: cmd.student } : {}), ...(cmd.since ? { since: cmd.since } : {}) });
      if (entries.length === 0) {
        write(t('admin.audit.none'));
        return true;
      }
      for (const e of entries) write(auditLine(e));
      return true;
    }
  }
}

function fail(write: (line: string) => void, line: string): false {
  write(line);
  return false;
}

const missingReader = async (): Promise<string> => {
  throw new Error('no file reader');
};
