/**
 * A lowdb data folder of a million students (BENCH_MILLION_STUDENTS changes the count), for the
 * engine and reminders benches. Seeding writes about 2.6 million files and takes minutes, so the
 * folder is kept between runs under the temp folder (BENCH_MILLION_DIR to put it elsewhere) and
 * reused while its marker matches; delete the folder to seed again.
 *
 * Every student (`console:s<i>`) has a session mid-way through the interest questions and a profile
 * (grade 9); 60% have a plan (half reviewed in the fall window); a counselor per 400 students
 * (`console:c<i>`) with their caseload. The facts index snapshot is written in one compaction, as
 * an import does, so opening the folder never rebuilds it from the records.
 *
 * Files are written by two child processes at once (this file, `--seed-part`), synchronously:
 * a small file costs about 60 µs that way, less than through the thread pool.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../src/app/create-engine.js';
import { loadAppData } from '../src/app/load-app-data.js';
import { loadConfig } from '../src/config.js';
import type { Session } from '../src/engine/session.js';
import * as factsFold from '../src/store/facts-fold.js';
import { FactsLog } from '../src/store/facts-log.js';
import { LowdbStore, fileNameForId } from '../src/store/lowdb-store.js';
import { MemoryStore } from '../src/store/memory-store.js';
import type { IndexedCollection } from '../src/store/record-facts.js';
import { Records } from '../src/store/records.js';
import { timeIt } from './stats.js';

export const DRAFTED = '2025-08-20T15:00:00.000Z';
export const REVIEWED = '2025-09-20T15:00:00.000Z';
const LAYOUT = 1;
/** What the facts index holds (a snapshot of another schema would be rebuilt from every record at open). */
const factsSchema = (): number => (factsFold as { FACTS_SCHEMA?: number }).FACTS_SCHEMA ?? 1;
const PER_COUNSELOR = 400;
const PARTS = 2;

/** A plan drafted in August with six years of courses (about 3 KB), as a student's plan is. */
export function samplePlan(): { schemaVersion: number; versions: object[]; reviews: object[] } {
  const rows = ['english', 'math', 'science', 'social-studies', 'career-education', 'other-courses', 'work-based-learning', 'activities'];
  const grades = Array.from({ length: 6 }, (_, i) => ({
    grade: 9 + i,
    rows: Object.fromEntries(rows.map((r) => [r, [{ name: `${r} course ${9 + i}`, units: 1, category: r }]])),
  }));
  const content = { frameworkId: 'missouri', pathId: 'p', clusterId: 'c', pathwayId: 'w', currentGrade: 9, firstGrade: 9, grades, goal: '', goalSuggestions: ['a', 'b'], options: { areaCareerCenter: [], communityCollege: [], fourYear: [], other: [] }, flaggedNames: [] };
  return { schemaVersion: 1, versions: [{ number: 1, at: DRAFTED, by: 'x', summary: 'Drafted', plan: content }], reviews: [] };
}

/** A student mid-way through the interest questions, as the engine leaves them. */
export async function templateStudent() {
  const data = await loadAppData(loadConfig({}));
  const store = new MemoryStore();
  const engine = createEngine({ records: new Records(store), data });
  let n = 0;
  const say = (text: string) => engine.handle({ channel: 'console', userId: 't', conversationId: 't', messageId: `x${n++}`, text, receivedAt: new Date().toISOString() });
  for (const t of ['hi', 'student', '9', '1', '1']) await say(t);
  return { data, session: (await store.get<Session>('sessions', 'console:t'))!, profile: (await store.get<object>('profiles', 'console:t'))! };
}

export interface MillionFolder {
  dataDir: string;
  students: number;
  withPlan: number;
  counselors: number;
  /** Set when this run seeded the folder (ms); undefined when an earlier run's folder was reused. */
  seededMs?: number;
  /** Set when only the facts index was written again (its schema changed since the folder was seeded). */
  reindexedMs?: number;
}

export interface Template {
  session: object;
  profile: object;
}

export const studentKey = (i: number) => `console:s${i}`;
export const counselorKey = (c: number) => `console:c${c}`;

export function sizes(students: number) {
  return { students, withPlan: Math.floor(students * 0.6), counselors: Math.ceil(students / PER_COUNSELOR) };
}

/** The records of the folder, made the same way by every writer and by the index seeding. */
export function recordsOf(tpl: Template, students: number) {
  const plan = samplePlan();
  const reviewed = { ...plan, reviews: [{ at: REVIEWED, by: 'x', version: 1, changesSinceLastReview: [] }] };
  return {
    profile: (i: number) => ({ ...tpl.profile, userKey: studentKey(i), displayName: `Student ${i}` }),
    session: (i: number) => ({ ...tpl.session, userKey: studentKey(i) }),
    plan: (i: number) => (i % 2 ? reviewed : plan),
    counselor: (c: number) => ({ userKey: counselorKey(c), school: 'S', addedAt: DRAFTED, addedBy: 'admin-cli' }),
    caseload: (c: number) => ({
      counselorKey: counselorKey(c),
      studentKeys: Array.from({ length: Math.min(PER_COUNSELOR, students - c * PER_COUNSELOR) }, (_, j) => studentKey(c * PER_COUNSELOR + j)),
      updatedAt: DRAFTED,
    }),
  };
}

/** Writes students [from, to): session, profile and plan files (run in a child process). */
function writeStudents(dataDir: string, tpl: Template, students: number, from: number, to: number): void {
  const { withPlan } = sizes(students);
  const r = recordsOf(tpl, students);
  const file = (c: string, i: number) => path.join(dataDir, c, fileNameForId(studentKey(i)));
  for (let i = from; i < to; i++) {
    writeFileSync(file('sessions', i), JSON.stringify(r.session(i)));
    writeFileSync(file('profiles', i), JSON.stringify(r.profile(i)));
    if (i < withPlan) writeFileSync(file('plans', i), JSON.stringify(r.plan(i)));
  }
}

export function* indexedRecords(tpl: Template, students: number): Generator<{ c: IndexedCollection; id: string; value: unknown }> {
  const { withPlan, counselors } = sizes(students);
  const r = recordsOf(tpl, students);
  for (let i = 0; i < students; i++) {
    yield { c: 'profiles', id: studentKey(i), value: r.profile(i) };
    if (i < withPlan) yield { c: 'plans', id: studentKey(i), value: r.plan(i) };
  }
  for (let c = 0; c < counselors; c++) {
    yield { c: 'counselors', id: counselorKey(c), value: r.counselor(c) };
    yield { c: 'caseloads', id: counselorKey(c), value: r.caseload(c) };
  }
}

/** The records went straight to files, so their facts go in with one compaction (as an import does). */
async function indexFolder(dataDir: string, tpl: Template, students: number): Promise<void> {
  if (!(await new FactsLog(new LowdbStore(dataDir), { sealWaitMs: 0 }).bulkAdd(indexedRecords(tpl, students)))) throw new Error('facts index locked while seeding');
}

function runPart(root: string, students: number, from: number, to: number): Promise<void> {
  const self = fileURLToPath(import.meta.url);
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', self, '--seed-part', root, String(students), String(from), String(to)], { maxBuffer: 1 << 20 }, (err, _out, stderr) =>
      err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(),
    );
  });
}

/** The folder's template student (the one it was seeded with), or a new one when there is no folder yet. */
export async function millionTemplate(students = Number(process.env.BENCH_MILLION_STUDENTS ?? 1_000_000)): Promise<Template> {
  const root = process.env.BENCH_MILLION_DIR ?? path.join(tmpdir(), `waypoint-bench-${students}-students`);
  const kept = await readFile(path.join(root, 'template.json'), 'utf8').then((t) => JSON.parse(t) as Template, () => undefined);
  if (kept) return kept;
  const { session, profile } = await templateStudent();
  return { session, profile };
}

/** The seeded folder: reused when an earlier run left a complete one, else seeded now. */
export async function millionFolder(students = Number(process.env.BENCH_MILLION_STUDENTS ?? 1_000_000)): Promise<MillionFolder> {
  const root = process.env.BENCH_MILLION_DIR ?? path.join(tmpdir(), `waypoint-bench-${students}-students`);
  const dataDir = path.join(root, 'data');
  const marker = path.join(root, 'seeded.json');
  const size = sizes(students);
  const found = await readFile(marker, 'utf8').then((t) => JSON.parse(t) as { layout?: number; students?: number; schema?: number }, () => undefined);
  if (found?.layout === LAYOUT && found.students === students) {
    if ((found.schema ?? 1) === factsSchema()) return { dataDir, ...size };
    const took = timeIt();
    const tpl = JSON.parse(await readFile(path.join(root, 'template.json'), 'utf8')) as Template;
    await indexFolder(dataDir, tpl, students);
    const reindexedMs = took();
    await writeFile(marker, JSON.stringify({ ...found, schema: factsSchema() }));
    return { dataDir, ...size, reindexedMs };
  }

  const took = timeIt();
  await rm(root, { recursive: true, force: true });
  for (const c of ['sessions', 'profiles', 'plans', 'counselors', 'caseloads']) await mkdir(path.join(dataDir, c), { recursive: true });
  const { session, profile } = await templateStudent();
  const tpl: Template = { session, profile };
  await writeFile(path.join(root, 'template.json'), JSON.stringify(tpl));
  const step = Math.ceil(students / PARTS);
  await Promise.all(Array.from({ length: PARTS }, (_, p) => runPart(root, students, p * step, Math.min(students, (p + 1) * step))));
  const r = recordsOf(tpl, students);
  for (let c = 0; c < size.counselors; c++) {
    await writeFile(path.join(dataDir, 'counselors', fileNameForId(counselorKey(c))), JSON.stringify(r.counselor(c)));
    await writeFile(path.join(dataDir, 'caseloads', fileNameForId(counselorKey(c))), JSON.stringify(r.caseload(c)));
  }
  await indexFolder(dataDir, tpl, students);
  const seededMs = took();
  await writeFile(marker, JSON.stringify({ layout: LAYOUT, students, schema: factsSchema(), seededMs, at: new Date().toISOString() }));
  return { dataDir, ...size, seededMs };
}

if (process.argv[2] === '--seed-part' && import.meta.url === `file://${process.argv[1]}`) {
  const [root, students, from, to] = process.argv.slice(3) as [string, string, string, string];
  const tpl = JSON.parse(await readFile(path.join(root, 'template.json'), 'utf8')) as Template;
  mkdirSync(path.join(root, 'data'), { recursive: true });
  writeStudents(path.join(root, 'data'), tpl, Number(students), Number(from), Number(to));
}
