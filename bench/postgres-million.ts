/**
 * A million students on PostgreSQL (issue 18), beside the lowdb figures of the engine and
 * reminders parts: turns (p50/p99), start-up (the facts index loaded), a reminder sweep in a fresh
 * process, and resident memory, each in a process of its own opened as the server opens its store.
 *
 * The database (`waypoint_bench_<n>_students` on BENCH_POSTGRES_URL's server, default
 * postgres@127.0.0.1:5432) holds the same records as the lowdb folder (million-folder.ts, same
 * template student) and is kept between runs while its marker matches. It is seeded on the server:
 * each collection is one INSERT ... SELECT over generate_series, the record's exact JSON text made
 * from a template by replacing the student's number (no row goes through Node), then the facts
 * index is written by one bulk compaction, as an import does. Skipped with one line when
 * BENCH_MILLION=0 or when no server answers.
 */
import pg from 'pg';
import { FACTS_SCHEMA } from '../src/store/facts-fold.js';
import { FactsLog } from '../src/store/facts-log.js';
import { PostgresStore } from '../src/store/postgres-store.js';
import { counselorKey, indexedRecords, millionTemplate, recordsOf, sizes, studentKey, type Template } from './million-folder.js';
import { millionTurnsInFreshProcess } from './million-turns-process.js';
import { sweepInFreshProcess } from './reminders-sweep-process.js';
import { mb, ms, timeIt } from './stats.js';

const LAYOUT = 1;
const MARK = '__N__';
/** Rows per INSERT ... SELECT while seeding. */
const STEP = 100_000;

const adminUrl = () => process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function urlOf(database: string): string {
  const u = new URL(adminUrl());
  u.pathname = `/${database}`;
  return u.toString();
}

async function onServer<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface PostgresMillion {
  url: string;
  students: number;
  withPlan: number;
  counselors: number;
  seededMs?: number;
  reindexedMs?: number;
}

interface Marker {
  layout: number;
  students: number;
  schema: number;
}

/** Writes every record of the million on the server, collection by collection. */
async function seedRecords(store: PostgresStore, tpl: Template, students: number, log: (line: string) => void): Promise<void> {
  const size = sizes(students);
  const r = recordsOf(tpl, students);
  // The exact JSON text of each record, with the student's number as MARK (never in a template otherwise).
  const text = (value: object) => {
    const t = JSON.stringify(value);
    if (t.includes(MARK)) throw new Error('the template student holds the seeding mark');
    return t;
  };
  const mark = Number.NaN;
  const withMark = (value: object) => text(value).replaceAll(`console:s${mark}`, `console:s${MARK}`).replaceAll(`Student ${mark}`, `Student ${MARK}`);
  const profile = withMark(r.profile(mark));
  const session = withMark(r.session(mark));
  const [plan, reviewed] = [text(r.plan(0)), text(r.plan(1))];
  /** `value`: the SQL of one record's JSON from the student number `i` and the templates $4 (and $5). */
  const insert = async (collection: string, count: number, value: string, templates: string[]) => {
    for (let from = 0; from < count; from += STEP) {
      await store.pool.query(
        `INSERT INTO waypoint_records (collection, id, value)
         SELECT $1, 'console:s' || i, (${value}) FROM generate_series($2::int, $3::int - 1) AS i`,
        [collection, from, Math.min(count, from + STEP), ...templates],
      );
      log(`${collection}: ${Math.min(count, from + STEP).toLocaleString('en-US')}`);
    }
  };
  await insert('profiles', students, `replace($4::text, '${MARK}', i::text)::json`, [profile]);
  await insert('sessions', students, `replace($4::text, '${MARK}', i::text)::json`, [session]);
  await insert('plans', size.withPlan, `(CASE WHEN i % 2 = 1 THEN $5::text ELSE $4::text END)::json`, [plan, reviewed]);
  const counselors = Array.from({ length: size.counselors }, (_, c) => c);
  await store.putMany('counselors', counselors.map((c) => ({ id: counselorKey(c), value: r.counselor(c) })));
  await store.putMany('caseloads', counselors.map((c) => ({ id: counselorKey(c), value: r.caseload(c) })));
  // Spot check: a seeded record is the exact text the lowdb folder holds.
  const back = await store.pool.query<{ value: string }>(`SELECT value::text AS value FROM waypoint_records WHERE collection = 'profiles' AND id = $1`, [studentKey(12345)]);
  if (back.rows[0]?.value !== JSON.stringify(r.profile(12345))) throw new Error('a seeded profile is not the text the lowdb folder holds');
}

/** The database: reused when an earlier run left a complete one, else made and seeded now. */
export async function postgresMillion(students = Number(process.env.BENCH_MILLION_STUDENTS ?? 1_000_000), log: (line: string) => void = () => undefined): Promise<PostgresMillion> {
  const database = `waypoint_bench_${students}_students`;
  const url = urlOf(database);
  const size = sizes(students);
  const exists = await onServer(adminUrl(), async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rowCount === 1);
  const found = exists
    ? await onServer(url, async (c) => {
        const r = await c.query<{ value: Marker }>(`SELECT value FROM waypoint_bench_marker`).catch(() => undefined);
        return r?.rows[0]?.value;
      })
    : undefined;
  if (found?.layout === LAYOUT && found.students === students) {
    if (found.schema === FACTS_SCHEMA) return { url, ...size };
    // The facts index's schema changed since: only the index is written again.
    const took = timeIt();
    const store = await PostgresStore.connect(url);
    try {
      if (!(await new FactsLog(store, { sealWaitMs: 0 }).bulkAdd(indexedRecords(await millionTemplate(students), students)))) throw new Error('facts index locked while seeding');
      await store.pool.query(`UPDATE waypoint_bench_marker SET value = $1`, [{ ...found, schema: FACTS_SCHEMA }]);
    } finally {
      await store.close();
    }
    return { url, ...size, reindexedMs: took() };
  }

  const took = timeIt();
  await onServer(adminUrl(), async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${database}`);
    await c.query(`CREATE DATABASE ${database}`);
  });
  const store = await PostgresStore.connect(url);
  try {
    const tpl = await millionTemplate(students);
    await seedRecords(store, tpl, students, log);
    if (!(await new FactsLog(store, { sealWaitMs: 0 }).bulkAdd(indexedRecords(tpl, students)))) throw new Error('facts index locked while seeding');
    log('facts index written');
    await store.pool.query('ANALYZE');
    await store.pool.query('CREATE TABLE waypoint_bench_marker (value jsonb NOT NULL)');
    await store.pool.query('INSERT INTO waypoint_bench_marker (value) VALUES ($1)', [{ layout: LAYOUT, students, schema: FACTS_SCHEMA } satisfies Marker]);
  } finally {
    await store.close();
  }
  return { url, ...size, seededMs: took() };
}

async function serverAnswers(): Promise<boolean> {
  try {
    await onServer(adminUrl(), (c) => c.query('SELECT 1'));
    return true;
  } catch {
    return false;
  }
}

/** The part of `npm run bench`: turns, start-up, a sweep and memory at a million students on PostgreSQL. */
export async function benchPostgresMillion(): Promise<Record<string, string>> {
  if (process.env.BENCH_MILLION === '0') return { 'MILLION on PostgreSQL': 'skipped (BENCH_MILLION=0)' };
  if (!(await serverAnswers())) return { 'MILLION on PostgreSQL': `skipped: no PostgreSQL server answers at ${new URL(adminUrl()).host} (BENCH_POSTGRES_URL)` };
  const db = await postgresMillion(undefined, (line) => process.stderr.write(`postgres-million seeding: ${line}\n`));
  const n = db.students.toLocaleString('en-US');
  const mark = (ok: boolean) => (ok ? 'met' : 'NOT MET');
  const turns = await millionTurnsInFreshProcess(db.url, db.students, 3000);
  // Two weeks into the fall window, as the reminders bench: every reminder due is found (a dry run, so the data stays as seeded).
  const sweep = await sweepInFreshProcess(db.url, new Date('2025-10-01T15:00:00.000Z'));
  const seeded = db.seededMs !== undefined ? `seeded now in ${(db.seededMs / 1000).toFixed(0)} s (kept for the next run)` : db.reindexedMs !== undefined ? `reused; facts index written again (${(db.reindexedMs / 1000).toFixed(0)} s)` : 'reused from an earlier run';
  return {
    [`HEADLINE MILLION ${n} students (PostgreSQL): p50 / p99 turn (target p99 < 10 ms)`]: `${ms(turns.p50)} / ${ms(turns.p99)}: ${mark(turns.p99 < 10)}`,
    [`HEADLINE MILLION ${n} students (PostgreSQL): store start-up, facts index loaded (target < 5 s)`]: `${ms(turns.storeOpenMs)}: ${mark(turns.storeOpenMs < 5000)}`,
    [`HEADLINE MILLION ${n} students (PostgreSQL): resident memory after the turns, and peak (target < 1 GB)`]: `${mb(turns.rss)}, peak ${mb(turns.maxRss)}: ${mark(turns.maxRss < 1024 ** 3)}`,
    [`HEADLINE MILLION ${n} students (PostgreSQL): a sweep in a fresh process, open + dry run (target < 10 s)`]: `${ms(sweep.ms)} (${sweep.wouldSend.toLocaleString('en-US')} would go out, with names): ${mark(sweep.ms < 10_000)}`,
    [`MILLION ${n} students (PostgreSQL): of which the sweep's start-up (facts index loaded)`]: ms(sweep.openMs),
    [`MILLION ${n} students (PostgreSQL): the next sweep in the same process (warm, as the scheduler's)`]: ms(sweep.warmMs),
    [`MILLION ${n} students (PostgreSQL): peak RSS of the sweep process (target < 1 GB)`]: `${mb(sweep.maxRss)}: ${mark(sweep.maxRss < 1024 ** 3)}`,
    [`MILLION ${n} students (PostgreSQL): turns/s (one at a time / 32 conversations at once)`]: `${turns.perSecond.toFixed(0)} / ${turns.perSecondConcurrent.toFixed(0)}`,
    [`MILLION ${n} students (PostgreSQL): first ${turns.firstTurns.count.toLocaleString('en-US')} turns after start: p50 / p99 / max`]: `${ms(turns.firstTurns.p50)} / ${ms(turns.firstTurns.p99)} / ${ms(turns.firstTurns.max)}`,
    [`MILLION ${n} students (PostgreSQL): database`]: `${new URL(db.url).pathname.slice(1)} (${n} sessions and profiles, ${db.withPlan.toLocaleString('en-US')} plans, ${db.counselors.toLocaleString('en-US')} counselors; ${turns.factsProfiles.toLocaleString('en-US')} profiles in the facts index; ${seeded})`,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [k, v] of Object.entries(await benchPostgresMillion())) process.stdout.write(`${k}: ${v}\n`);
}
