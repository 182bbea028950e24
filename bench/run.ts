/**
 * `npm run bench`: prints every benchmark's figures. Each part is a module exporting an async
 * function that returns printable figures; a part that is missing or fails is reported, not fatal.
 */

type Part = { name: string; run: () => Promise<Record<string, string>> };


/** A feature's bench module, `bench/<file>.ts` exporting `fn`. */
const part = (name: string, file: string, fn: string): Part => ({
  name,
  run: async () => {
    const mod = (await import(`./${file}.js`)) as Record<string, () => Promise<Record<string, string>>>;
    return mod[fn]!();
  },
});

// Parts are imported when they run, so nothing loads before a part sets up what it measures.
const parts: Part[] = [
  part('engine', 'engine-bench', 'benchEngine'),
  part('plans', 'plan-bench', 'benchPlans'),
  part('matcher', 'matcher-bench', 'benchMatcher'),
  part('reminders', 'reminders-bench', 'benchReminders'),
  part('reports', 'report-bench', 'benchReports'),
  part('understanding', 'understanding-bench', 'benchUnderstanding'),
  part('counselor', 'counselor-bench', 'benchCounselor'),
  part('catalogs', 'catalog-bench', 'benchCatalogs'),
  // The channels report the real engine as their headline and the echo handler beside it, in one run.
  { name: 'slack', run: async () => (await import('./slack-bench.js')).benchSlack(await (await import('./real-engine.js')).realEngine()) },
  { name: 'teams', run: async () => (await import('./teams-bench.js')).benchTeams(await (await import('./real-engine.js')).realEngine()) },
  // Real Slack server processes on one PostgreSQL database: one replica beside two.
  part('replicas', 'replicas-bench', 'benchReplicas'),
  // A million students on PostgreSQL (the lowdb million is in the engine and reminders parts).
  part('postgres-million', 'postgres-million', 'benchPostgresMillion'),
];

/**
 * Each part runs in a process of its own, so one part's heap (the reminders bench holds 100,000
 * seeded students) does not slow the next one's garbage collection. `--part NAME` runs one here.
 */
async function runHere(name: string): Promise<void> {
  const found = parts.find((p) => p.name === name);
  if (!found) throw new Error(`no bench part named ${name}`);
  try {
    const figures = await found.run();
    for (const [k, v] of Object.entries(figures)) process.stdout.write(`${k}: ${v}\n`);
  } catch (err) {
    process.stdout.write(`(not measured: ${err instanceof Error ? err.message : String(err)})\n`);
  }
}

const args = process.argv.slice(2);
if (args[0] === '--part') {
  await runHere(args[1]!);
} else {
  const { spawnSync } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  const self = fileURLToPath(import.meta.url);
  for (const p of parts) {
    if (args.length && !args.includes(p.name)) continue;
    process.stdout.write(`\n== ${p.name} ==\n`);
    const child = spawnSync(process.execPath, [...process.execArgv, self, '--part', p.name], { stdio: 'inherit' });
    if (child.status !== 0) process.stdout.write(`(not measured: the ${p.name} part exited with ${child.status ?? child.signal})\n`);
  }
}
