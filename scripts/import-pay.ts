/**
 * Builds data/pay.json (typical pay by SOC code) from the BLS OEWS national wage table, keeping only
 * the SOC codes our occupations use.
 *
 *   npx tsx scripts/import-pay.ts [--oews <csv>] [--out <file>]
 *
 * Default CSV: ../shared/data/oews/national_M2023.csv (next to the project folder).
 * Prints the occupations whose SOC code has no pay figure.
 */
import path from 'node:path';
import { PROJECT_DIR } from '../src/config.js';
import { loadBuiltInOccupations } from '../src/data-files/load-occupations.js';
import { PAY_FILE } from '../src/data-files/load-pay.js';
import { buildPayTable, readOewsCsv, writePayTable } from '../src/data-files/read-oews.js';

export const DEFAULT_OEWS_CSV = path.resolve(PROJECT_DIR, '../shared/data/oews/national_M2023.csv');

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function main(): Promise<void> {
  const csv = path.resolve(option('oews') ?? DEFAULT_OEWS_CSV);
  const out = path.resolve(option('out') ?? PAY_FILE);
  const occupations = await loadBuiltInOccupations();
  const { table, missing } = buildPayTable(await readOewsCsv(csv), occupations.map((o) => o.soc));
  await writePayTable(table, out);
  const withPay = occupations.filter((o) => table.bySoc[o.soc] !== undefined).length;
  console.log(`Wrote pay for ${Object.keys(table.bySoc).length} SOC codes to ${path.relative(process.cwd(), out) || out}`);
  console.log(`${withPay} of ${occupations.length} occupations have pay figures.`);
  const without = occupations.filter((o) => missing.includes(o.soc));
  if (without.length > 0) console.log(`No pay figures:\n  ${without.map((o) => `${o.id} (${o.soc})`).join('\n  ')}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
