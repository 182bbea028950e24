/**
 * The administrator's caseload commands (`npm run admin -- ...`):
 *
 *   assign <counselor> <student>      put a student on a counselor's caseload (at the counselor's school)
 *   unassign <counselor> <student>    take them off
 *   import-roster <file.csv>          columns: student id, name, grade, counselor (roster-import.ts)
 *   requests                          counselors' requests waiting for a student's OK
 *   accept <request id> / decline <request id>
 *   audit [--student <id>] [--since YYYY-MM-DD]   one line per entry, oldest first
 */
import type { AuditEntry } from '../../domain/people.js';
import type { Profile } from '../../domain/profile.js';
import type { Store } from '../../store/store.js';
import { userKeyProblem } from './admin-ids.js';
import { auditEntries } from './audit.js';
import { allWaiting, decideRequest } from './caseload-requests.js';
import { addToCaseload, counselorRecord, removeFromCaseload } from './links.js';
import { importRoster } from './roster-import.js';

export const CASELOAD_ADMIN_USAGE = [
  '  npm run admin -- assign <counselor id> <student id>',
  '  npm run admin -- unassign <counselor id> <student id>',
  '  npm run admin -- import-roster <file.csv>   (columns: student id, name, grade, counselor)',
  '  npm run admin -- requests',
  '  npm run admin -- accept <request id>   |   decline <request id>',
  '  npm run admin -- audit [--student <student id>] [--since YYYY-MM-DD]',
];

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
    if (flag !== '--student' && flag !== '--since') return { error: `audit takes --student <id> and --since YYYY-MM-DD (got "${rest[i]}").` };
    const value = inline ?? rest[++i];
    if (value === undefined || value.startsWith('--')) return { error: `${flag} needs a value.` };
    if (flag === '--since') {
      const d = day(value);
      if (!d) return { error: `"${value}" is not a date. Write it as YYYY-MM-DD, for example --since 2026-09-01.` };
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
      if (rest.length !== 2) return { error: `${command} needs a counselor and a student: npm run admin -- ${command} console:ms-rivera slack:U0123ABC` };
      const problem = userKeyProblem(rest[0]) ?? userKeyProblem(rest[1]);
      return problem ? { error: problem } : { kind: command, counselor: rest[0]!, student: rest[1]! };
    }
    case 'import-roster':
      if (rest.length !== 1 || rest[0]!.startsWith('--')) return { error: 'import-roster needs one CSV file: npm run admin -- import-roster roster.csv' };
      return { kind: 'import-roster', file: rest[0]! };
    case 'requests':
      return rest.length > 0 ? { error: 'requests takes no arguments.' } : { kind: 'requests' };
    case 'accept':
    case 'decline':
      if (rest.length !== 1) return { error: `${command} needs one request id, like: npm run admin -- ${command} R-7KX4M2 (see: npm run admin -- requests)` };
      return { kind: command, id: rest[0]!.toUpperCase() };
    case 'audit':
      return parseAudit(rest);
    default:
      return undefined;
  }
}

function auditLine(e: AuditEntry): string {
  const parts = [e.at, e.action, `by ${e.by}`];
  if (e.subject) parts.push(`about ${e.subject}`);
  if (e.target) parts.push(`with ${e.target}`);
  if (e.request) parts.push(`request ${e.request}`);
  if (e.school) parts.push(`school "${e.school}"`);
  if (e.count !== undefined) parts.push(`count ${e.count}`);
  if (e.delivered !== undefined) parts.push(e.delivered ? 'delivered' : 'not delivered');
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
      if (!counselor) return fail(write, `${cmd.counselor} is not a counselor. Add them first: npm run admin -- add-counselor ${cmd.counselor} --school "<name>"`);
      const profile = await store.get<Profile>('profiles', cmd.student);
      if (profile && profile.role !== 'student') return fail(write, `${cmd.student} is not a student (they are set up as ${profile.role}).`);
      const added = await addToCaseload(store, { studentKey: cmd.student, otherKey: cmd.counselor, by: BY, now, school: counselor.school });
      write(added ? `Assigned ${cmd.student} to ${cmd.counselor} at ${counselor.school}.` : `${cmd.student} was already on ${cmd.counselor}'s caseload.`);
      return true;
    }
    case 'unassign': {
      const removed = await removeFromCaseload(store, { studentKey: cmd.student, otherKey: cmd.counselor, by: BY, now });
      write(removed ? `Took ${cmd.student} off ${cmd.counselor}'s caseload.` : `${cmd.student} is not on ${cmd.counselor}'s caseload; nothing changed.`);
      return true;
    }
    case 'import-roster': {
      let csv: string;
      try {
        csv = await (deps.readFile ?? missingReader)(cmd.file);
      } catch {
        return fail(write, `I couldn't read ${cmd.file}. Check the path and try again.`);
      }
      const r = await importRoster(store, csv, now, BY);
      write(`Imported ${r.imported} student${r.imported === 1 ? '' : 's'} (${r.added} newly on a caseload, ${r.profilesMade} new profile${r.profilesMade === 1 ? '' : 's'}). ${r.problems.length} row${r.problems.length === 1 ? '' : 's'} skipped.`);
      for (const p of r.problems) write(`  line ${p.line}: ${p.reason}`);
      return r.problems.length === 0;
    }
    case 'requests': {
      const waiting = await allWaiting(store);
      if (waiting.length === 0) {
        write('No requests waiting.');
        return true;
      }
      write(`${waiting.length} request${waiting.length === 1 ? '' : 's'} waiting for a student's OK:`);
      for (const r of waiting) write(`  ${r.id}  ${r.at.slice(0, 10)}  ${r.counselorKey} (${r.school}) wants ${r.studentKey}${r.askedAt ? `  asked ${r.askedAt.slice(0, 10)}` : '  not asked yet'}`);
      write('Accept or decline one: npm run admin -- accept <request id>');
      return true;
    }
    case 'accept':
    case 'decline': {
      const r = await decideRequest(store, cmd.id, cmd.kind === 'accept', BY, now);
      if (r.kind === 'unknown') return fail(write, `There is no request ${cmd.id}. See the waiting ones with: npm run admin -- requests`);
      if (r.kind === 'already-decided') return fail(write, `Request ${cmd.id} was already ${r.request.state} on ${r.request.decidedAt?.slice(0, 10)}.`);
      if (r.kind === 'counselor-gone') return fail(write, `${r.request.counselorKey} is no longer a counselor, so request ${cmd.id} was declined.`);
      write(r.kind === 'accepted' ? `Accepted ${cmd.id}: ${r.request.studentKey} is on ${r.request.counselorKey}'s caseload.` : `Declined ${cmd.id}.`);
      return true;
    }
    case 'audit': {
      const entries = await auditEntries(store, { ...(cmd.student ? { student: cmd.student } : {}), ...(cmd.since ? { since: cmd.since } : {}) });
      if (entries.length === 0) {
        write('No audit entries match.');
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
