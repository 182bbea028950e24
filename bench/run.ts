/**
 * `npm run bench`: prints every benchmark's figures. Each part is a module exporting an async
 * function that returns printable figures; a part that is missing or fails is reported, not fatal.
 */
import { benchEngine } from './engine-bench.js';

type Part = { name: string; run: () => Promise<Record<string, string>> };

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
  part('slack', 'slack-bench', 'benchSlack'),
  part('teams', 'teams-bench', 'benchTeams'),
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
