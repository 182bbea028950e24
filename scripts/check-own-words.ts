/**
 * Checks that the built-in occupation descriptions are our own words and not copied or nearly
 * copied from O*NET. Compares each description with every O*NET description by word overlap:
 * - containment: the share of our word pairs (bigrams) that also occur in that O*NET description;
 * - the longest run of words both share.
 * Prints the closest pairs and fails when a description is over the limits.
 *
 *   npx tsx scripts/check-own-words.ts --onet <folder with Occupation Data.txt> [--top 15]
 *
 * Reads O*NET from the given folder only; nothing from it is written anywhere.
 */
import path from 'node:path';
import { loadBuiltInOccupations } from '../src/data-files/load-occupations.js';
import { readTabSeparated } from '../src/data-files/import-onet.js';

/** More than this share of our word pairs found in one O*NET description counts as near-copied. */
const MAX_CONTAINMENT = 0.5;
/** A shared run of this many words or more counts as copied. */
const MAX_RUN = 6;

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const words = (text: string): string[] => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);

const pairs = (w: string[]): Set<string> => new Set(w.slice(1).map((x, i) => `${w[i]} ${x}`));

/** The longest run of consecutive words that appears in both. */
function longestRun(a: string[], b: string[]): number {
  let best = 0;
  const prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    let diag = 0;
    for (let j = 1; j <= b.length; j += 1) {
      const keep = prev[j]!;
      prev[j] = a[i - 1] === b[j - 1] ? diag + 1 : 0;
      if (prev[j]! > best) best = prev[j]!;
      diag = keep;
    }
  }
  return best;
}

async function main(): Promise<void> {
  const dir = option('onet');
  if (dir === undefined) {
    console.error('Usage: npx tsx scripts/check-own-words.ts --onet <folder with Occupation Data.txt> [--top N]');
    process.exitCode = 2;
    return;
  }
  const top = Number(option('top') ?? 15);
  const onet = (await readTabSeparated(path.resolve(dir, 'Occupation Data.txt'), ['O*NET-SOC Code', 'Title', 'Description'])).map(
    (r) => ({ title: r.Title!, words: words(r.Description!), pairs: pairs(words(r.Description!)) }),
  );
  const ours = await loadBuiltInOccupations();
  const rows = ours.map((o) => {
    const w = words(o.description);
    const p = pairs(w);
    let closest = { containment: 0, run: 0, title: '' };
    for (const d of onet) {
      let shared = 0;
      for (const x of p) if (d.pairs.has(x)) shared += 1;
      const containment = p.size === 0 ? 0 : shared / p.size;
      const run = longestRun(w, d.words);
      if (containment > closest.containment || (containment === closest.containment && run > closest.run)) {
        closest = { containment, run: Math.max(run, closest.run), title: d.title };
      } else if (run > closest.run) closest.run = run;
    }
    return { id: o.id, description: o.description, ...closest };
  });
  rows.sort((a, b) => b.containment - a.containment || b.run - a.run);
  console.log(`${ours.length} built-in descriptions against ${onet.length} O*NET descriptions.`);
  console.log(`Closest ${top} (share of our word pairs in one O*NET description; longest shared run of words):`);
  for (const r of rows.slice(0, top)) {
    console.log(`  ${(100 * r.containment).toFixed(0).padStart(3)}%  run ${r.run}  ${r.id}: "${r.description}"  (nearest: ${r.title})`);
  }
  const runs = [...rows].sort((a, b) => b.run - a.run)[0];
  if (runs !== undefined) console.log(`Longest shared run anywhere: ${runs.run} words (${runs.id}).`);
  const bad = rows.filter((r) => r.containment > MAX_CONTAINMENT || r.run >= MAX_RUN);
  if (bad.length > 0) {
    console.log(`\n${bad.length} description(s) look copied (over ${MAX_CONTAINMENT * 100}% shared word pairs or a run of ${MAX_RUN}+ words):`);
    for (const r of bad) console.log(`  - ${r.id}`);
    process.exitCode = 1;
  } else {
    console.log('\nNo copied or near-copied descriptions.');
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
