/**
 * One replica against two, side by side in one run: two real Slack servers (HTTP mode, processes
 * of their own) on one fresh PostgreSQL database, students chatting through the whole script of
 * the crash test (onboarding, interest questions, questions, a plan, stop). First every message
 * goes to replica 1 alone, then the same traffic from as many new students alternates between
 * replicas 1 and 2, message by message, so every turn reads what the other replica wrote. Then the
 * order of the two runs swaps and it all runs again; each figure is the median of its runs.
 *
 * Reported: turns per second and the latency of a message (sent to answered 200: the turn applied
 * in its transaction, its replies saved) for each, and the replicas' CPU time per turn. On the 2-core development machine the database,
 * both replicas and the load share the same cores, so two replicas show what sharing costs, not
 * what a second machine adds.
 *
 * The server is WAYPOINT_BENCH_DATABASE_URL (else 127.0.0.1:5432 as postgres); a database is made
 * for the run and dropped after.
 *
 *   npx tsx bench/replicas-bench.ts [students]      in the suite: npx tsx bench/run.ts replicas
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { SCRIPT } from './crash-kit.js';
import { startReplicas, type ReplicaSet } from './replica-kit.js';
import { percentile } from './stats.js';

const ADMIN_URL = process.env.WAYPOINT_BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
/** Students chatting at once, in each run. */
const STUDENTS = 16;
/** Times each student goes through the script. */
const PASSES = 2;
const ROUNDS = 2;

async function onAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

interface RunFigures {
  rate: number;
  p50: number;
  p99: number;
  /** CPU time of the replica processes per turn (NaN where /proc cannot tell). */
  cpuMs: number;
}

/**
 * CPU time used so far by the Waypoint servers this process started (Linux /proc, in ms; clock
 * ticks of 10 ms). Steadier than wall-clock rates when other work shares the machine.
 */
function replicasCpuMs(): number {
  try {
    let ticks = 0;
    for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (Number(fields[1]) !== process.pid) continue;
        if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('src/main.ts')) continue;
        ticks += Number(fields[11]) + Number(fields[12]);
      } catch {
        // A process that ended meanwhile.
      }
    }
    return ticks * 10;
  } catch {
    return Number.NaN;
  }
}

/** `students` new students chat at once; student n's message i goes to replica `route(n, i)`. */
async function chat(set: ReplicaSet, first: number, students: number, route: (i: number) => number, tag: string): Promise<RunFigures> {
  const latencies: number[] = [];
  const cpuBefore = replicasCpuMs();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: students }, async (_, s) => {
      const user = first + s;
      for (let i = 0; i < SCRIPT.length * PASSES; i++) {
        const sentAt = performance.now();
        if (!(await set.send(route(i), `bench-${tag}-${user}-${i}`, user, SCRIPT[i % SCRIPT.length]!))) throw new Error(`a message was not answered 200 (${tag})`);
        latencies.push(performance.now() - sentAt);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { rate: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), cpuMs: (replicasCpuMs() - cpuBefore) / latencies.length };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export async function benchReplicas(students = STUDENTS): Promise<Record<string, string>> {
  const name = `waypoint_bench_${randomBytes(5).toString('hex')}`;
  try {
    await onAdmin(`CREATE DATABASE ${name}`);
  } catch (err) {
    throw new Error(`PostgreSQL does not answer at ${new URL(ADMIN_URL).host} (set WAYPOINT_BENCH_DATABASE_URL): ${(err as Error).message}`);
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  let set: ReplicaSet | undefined;
  try {
    set = await startReplicas('slack', 2, url.toString());
    // Warm-up: both replicas load what a first turn loads.
    await chat(set, 100_000, 4, (i) => i % 2, 'warm');
    const one: RunFigures[] = [];
    const two: RunFigures[] = [];
    let next = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const runOne = async () => one.push(await chat(set!, (next += students) - students, students, () => 0, `one-${round}`));
      const runTwo = async () => two.push(await chat(set!, (next += students) - students, students, (i) => i % 2, `two-${round}`));
      if (round % 2 === 0) {
        await runOne();
        await runTwo();
      } else {
        await runTwo();
        await runOne();
      }
    }
    const cpu = (runs: RunFigures[]) => (Number.isNaN(runs[0]!.cpuMs) ? '' : `, replica CPU ${median(runs.map((r) => r.cpuMs)).toFixed(1)} ms/turn`);
    const figures = (runs: RunFigures[]) =>
      `${median(runs.map((r) => r.rate)).toFixed(0)} turns/s (p50 ${median(runs.map((r) => r.p50)).toFixed(1)} ms, p99 ${median(runs.map((r) => r.p99)).toFixed(1)} ms${cpu(runs)})`;
    const ratio = median(two.map((r) => r.rate)) / median(one.map((r) => r.rate));
    return {
      'Slack on PostgreSQL, one replica': figures(one),
      'Slack on PostgreSQL, two replicas (messages alternating)': figures(two),
      'two replicas / one': `${ratio.toFixed(2)}x (${students} students at once, ${SCRIPT.length * PASSES} messages each, median of ${ROUNDS} runs; database, replicas and load on one machine)`,
    };
  } finally {
    await set?.stop();
    await onAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const figures = await benchReplicas(Number(process.argv[2]) || STUDENTS);
  for (const [k, v] of Object.entries(figures)) process.stdout.write(`${k}: ${v}\n`);
}
