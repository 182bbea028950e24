/**
 * `npm run admin -- import-roster <file.csv>`: who is on each counselor's caseload, from the
 * school's roster. Columns (header row, any order, BOM tolerated): student id, name, grade,
 * counselor. Every row is checked first; a bad row is reported by line number with the reason and
 * nothing of it is written; good rows are imported. A student with no profile yet gets one with
 * the roster's name and grade; every student is placed at their counselor's school.
 */
import { parse } from 'csv-parse/sync';
import { parseGrade, type Grade } from '../../domain/grade.js';
import type { CounselorRecord } from '../../domain/people.js';
import type { Profile } from '../../domain/profile.js';
import type { Store } from '../../store/store.js';
import { userKeyProblem } from './admin-ids.js';
import { audit } from './audit.js';
import { addToCaseload, counselorRecord } from './links.js';

export interface RosterRow {
  line: number;
  studentKey: string;
  name: string;
  grade: Grade;
  counselorKey: string;
}

export interface RosterProblem {
  line: number;
  reason: string;
}

export interface RosterResult {
  imported: number;
  added: number;
  profilesMade: number;
  problems: RosterProblem[];
}

const COLUMNS: Record<keyof Omit<RosterRow, 'line'>, RegExp> = {
  studentKey: /^(student[ _-]?id|student[ _-]?key|id)$/,
  name: /^(name|student[ _-]?name|full[ _-]?name)$/,
  grade: /^(grade|grade[ _-]?level)$/,
  counselorKey: /^(counselor|counselor[ _-]?id|counsellor)$/,
};

const header = (h: string) => h.replace(/^\uFEFF/, '').trim().toLowerCase();

/** Reads and checks the rows (no writes). A file-level problem (no header, missing column) is line 1. */
export async function readRoster(store: Store, csv: string): Promise<{ rows: RosterRow[]; problems: RosterProblem[] }> {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(csv, { bom: true, skip_empty_lines: true, relax_column_count: true, relax_quotes: true, trim: true, info: true }) as unknown as typeof records;
  } catch (err) {
    return { rows: [], problems: [{ line: (err as { lines?: number }).lines ?? 1, reason: `the file is not readable CSV (${(err as Error).message.split('\n')[0]})` }] };
  }
  const [head, ...body] = records;
  if (!head) return { rows: [], problems: [{ line: 1, reason: 'the file is empty' }] };
  const at = {} as Record<keyof typeof COLUMNS, number>;
  for (const [field, re] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, RegExp][]) {
    const i = head.record.findIndex((h) => re.test(header(h)));
    if (i < 0) return { rows: [], problems: [{ line: head.info.lines, reason: 'the header needs the columns: student id, name, grade, counselor' }] };
    at[field] = i;
  }
  const rows: RosterRow[] = [];
  const problems: RosterProblem[] = [];
  const seen = new Map<string, number>();
  const counselors = new Map<string, CounselorRecord | undefined>();
  for (const { record, info } of body) {
    const line = info.lines;
    if (record.every((c) => c.trim() === '')) continue;
    const cell = (f: keyof typeof COLUMNS) => (record[at[f]] ?? '').trim();
    const studentKey = cell('studentKey');
    const counselorKey = cell('counselorKey');
    const name = cell('name').replace(/\s+/g, ' ');
    const grade = parseGrade(cell('grade'));
    const fail = (reason: string) => problems.push({ line, reason });
    const keyProblem = userKeyProblem(studentKey);
    if (keyProblem) { fail(`student id: ${keyProblem}`); continue; }
    if (seen.has(studentKey)) { fail(`${studentKey} is listed twice (first on line ${seen.get(studentKey)})`); continue; }
    if (!name) { fail('the name is empty'); continue; }
    if (name.length > 80) { fail('the name is too long (80 characters at most)'); continue; }
    if (grade === undefined) { fail(`"${cell('grade').slice(0, 20)}" is not a grade (use 6 to 12, or K to 5)`); continue; }
    const counselorProblem = userKeyProblem(counselorKey);
    if (counselorProblem) { fail(`counselor: ${counselorProblem}`); continue; }
    if (!counselors.has(counselorKey)) counselors.set(counselorKey, await counselorRecord(store, counselorKey));
    if (!counselors.get(counselorKey)) { fail(`${counselorKey} is not a counselor (add them first with add-counselor)`); continue; }
    const profile = await store.get<Profile>('profiles', studentKey);
    if (profile && profile.role !== 'student') { fail(`${studentKey} is set up as ${profile.role === 'family' ? 'a family member' : 'a counselor'}, not a student`); continue; }
    seen.set(studentKey, line);
    rows.push({ line, studentKey, name, grade, counselorKey });
  }
  return { rows, problems };
}

/** Imports the good rows of a roster (see readRoster) and audits the import. */
export async function importRoster(store: Store, csv: string, now: Date, by: string): Promise<RosterResult> {
  const { rows, problems } = await readRoster(store, csv);
  const at = now.toISOString();
  let added = 0;
  let profilesMade = 0;
  for (const row of rows) {
    const school = (await counselorRecord(store, row.counselorKey))!.school;
    if (!(await store.get<Profile>('profiles', row.studentKey))) {
      const profile: Profile = { userKey: row.studentKey, role: 'student', grade: row.grade, gradeSetAt: at, displayName: row.name, choiceHistory: [], createdAt: at, lastActiveAt: at };
      await store.put('profiles', row.studentKey, profile);
      profilesMade++;
    }
    if (await addToCaseload(store, { studentKey: row.studentKey, otherKey: row.counselorKey, by, now, school })) added++;
  }
  await audit(store, { at, by, action: 'roster-imported', count: rows.length });
  return { imported: rows.length, added, profilesMade, problems };
}
