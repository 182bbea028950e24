/**
 * `npm run bench`: prints every benchmark's figures. Each part is a module exporting an async
 * function that returns printable figures; a part that is missing or fails is reported, not fatal.
 */
import { benchEngine } from './engine-bench.js';

type Part = { name: string; run: () => Promise<Record<string, string>> };

/** Waypoint's real engine on an in-memory store, for the channel benches. */
async function realEngine() {
  const { createEngine } = await import('../src/app/create-engine.js');
  const { loadAppData } = await import('../src/app/load-app-data.js');
  const { loadConfig } = await import('../src/config.js');
  const { MemoryStore } = await import('../src/store/memory-store.js');
  const { Records } = await import('../src/store/records.js');
  return createEngine({ records: new Records(new MemoryStore()), data: await loadAppData(loadConfig({}), { withOnet: false }) });
}

/** A feature's bench module, `bench/<file>.ts` exporting `fn`. */
const part = (name: string, file: string, fn: string): Part => ({
  name,
  run: async () => {
    const mod = (await import(`./${file}.js`)) as Record<string, () => Promise<Record<string, string>>>;
    return mod[fn]!();
  },
});

const parts: Part[] = [
  { name: 'engine', run: benchEngine },
  part('plans', 'plan-bench', 'benchPlans'),
  part('matcher', 'matcher-bench', 'benchMatcher'),
  part('reminders', 'reminders-bench', 'benchReminders'),
  // The channels report the real engine as their headline and the echo handler beside it, in one run.
  { name: 'slack', run: async () => (await import('./slack-bench.js')).benchSlack(await realEngine()) },
  { name: 'teams', run: async () => (await import('./teams-bench.js')).benchTeams(await realEngine()) },
];

const only = process.argv.slice(2);
for (const part of parts) {
  if (only.length && !only.includes(part.name)) continue;
  process.stdout.write(`\n== ${part.name} ==\n`);
  try {
    const figures = await part.run();
    for (const [k, v] of Object.entries(figures)) process.stdout.write(`${k}: ${v}\n`);
  } catch (err) {
    process.stdout.write(`(not measured: ${err instanceof Error ? err.message : String(err)})\n`);
  }
}
