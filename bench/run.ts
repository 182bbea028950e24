/**
 * `npm run bench`: prints every benchmark's figures. Each part is a module exporting an async
 * function that returns printable figures; a part that is missing or fails is reported, not fatal.
 */
import { benchEngine } from './engine-bench.js';

type Part = { name: string; run: () => Promise<Record<string, string>> };

const parts: Part[] = [
  { name: 'engine', run: benchEngine },
  { name: 'plans', run: async () => (await import('./plan-bench.js')).benchPlans() },
  { name: 'matcher', run: async () => (await import('./matcher-bench.js')).benchMatcher() },
  { name: 'reminders', run: async () => (await import('./reminders-bench.js')).benchReminders() },
  { name: 'slack', run: async () => (await import('./slack-bench.js')).benchSlack() },
  { name: 'teams', run: async () => (await import('./teams-bench.js')).benchTeams() },
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
