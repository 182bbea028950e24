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

/**
 * A feature's bench module, `bench/<file>.ts` exporting `fn`. Channel benches run twice: with an
 * echo handler (the channel's own cost against the bare SDK app: the target) and with Waypoint's
 * real engine (the whole turn, for information).
 */
const part = (name: string, file: string, fn: string, channel = false): Part => ({
  name,
  run: async () => {
    const mod = (await import(`./${file}.js`)) as Record<string, (h?: unknown) => Promise<Record<string, string>>>;
    if (!channel) return mod[fn]!();
    const prefix = (label: string, figures: Record<string, string>) =>
      Object.fromEntries(Object.entries(figures).map(([k, v]) => [`${label}: ${k}`, v]));
    return { ...prefix('echo handler', await mod[fn]!()), ...prefix('real engine', await mod[fn]!(await realEngine())) };
  },
});

const parts: Part[] = [
  { name: 'engine', run: benchEngine },
  part('plans', 'plan-bench', 'benchPlans'),
  part('matcher', 'matcher-bench', 'benchMatcher'),
  part('reminders', 'reminders-bench', 'benchReminders'),
  part('slack', 'slack-bench', 'benchSlack', true),
  // Teams reports the real engine as its headline and the echo handler beside it, in one run.
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
