/**
 * The full check of the lowdb data folder: reads every record and every log, and names each damaged
 * file with its problem. Start-up does not do this (it checks each record when it is read), so run
 * it after a disk problem, before a backup, or when a turn reported a damaged file.
 *
 *   npm run check-store              the folder WAYPOINT_DATA_DIR (default ./var)
 *   npm run check-store -- <folder>  another folder
 *
 * Changes nothing. Exit code 0 when every file reads, 1 when any is damaged, 2 when there is no
 * such folder. Safe while Waypoint runs (a record being replaced is read before or after, whole).
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { checkDataFolder } from '../src/store/check-every-record.js';

const count = (n: number) => n.toLocaleString('en-US');
const counted = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;

function main(): number {
  const args = process.argv.slice(2);
  if (args.length > 1 || args[0]?.startsWith('-')) {
    console.error('Usage: npm run check-store [-- <data folder>]   (default: WAYPOINT_DATA_DIR)');
    return 2;
  }
  const config = loadConfig();
  const dir = args[0] !== undefined ? path.resolve(args[0]) : config.dataDir;
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    console.error(`There is no data folder at ${dir}. Set WAYPOINT_DATA_DIR, or name the folder: npm run check-store -- <folder>`);
    return 2;
  }
  if (args[0] === undefined && config.WAYPOINT_DATABASE_URL) {
    console.error(`WAYPOINT_DATABASE_URL is set, so Waypoint keeps its data in PostgreSQL; checking the lowdb folder ${dir} anyway.`);
  }
  const started = Date.now();
  const progress = process.stderr.isTTY ? (n: number) => n > 0 && process.stderr.write(`  ${count(n)} files read...\n`) : undefined;
  const result = checkDataFolder(dir, progress);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const read = `${counted(result.records, 'record', 'records')} and ${counted(result.logs, 'log', 'logs')} read in ${seconds} s`;
  if (result.damaged.length === 0) {
    console.log(`Checked ${dir}: ${read}; none is damaged.`);
    return 0;
  }
  console.log(`Checked ${dir}: ${read}; ${count(result.damaged.length)} damaged:`);
  for (const d of result.damaged) console.log(`  ${d.file}: ${d.problem}`);
  console.log('Each was left as it is. Fix or restore it (from a backup), then run this check again.');
  return 1;
}

try {
  process.exitCode = main();
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
}
