/**
 * Administration from the server's terminal: who is a counselor, who is on a caseload, the audit.
 *
 *   npm run admin -- add-counselor <channel>:<user id> --school "<name>" [--name "<name>"]
 *   npm run admin -- remove-counselor <channel>:<user id>
 *   npm run admin -- list
 *   npm run admin -- assign|unassign <counselor id> <student id>
 *   npm run admin -- import-roster <file.csv>
 *   npm run admin -- requests | accept <request id> | decline <request id>
 *   npm run admin -- audit [--student <id>] [--since YYYY-MM-DD]
 *
 * In the terminal channel a user's id is console:<WAYPOINT_USER>. WAYPOINT_LANGUAGE=es: in Spanish.
 */
import { readFile } from 'node:fs/promises';
import { cliLanguage, loadConfig } from '../src/config.js';
import { adminUsage, parseAdminArgs, runAdmin } from '../src/features/people/admin-cli.js';
import { withLanguage } from '../src/i18n/language.js';
import { closeStore, openStore } from '../src/store/open-store.js';

async function main(): Promise<void> {
  const cmd = parseAdminArgs(process.argv.slice(2));
  if ('error' in cmd) {
    console.error(`${cmd.error}\n\n${adminUsage()}`);
    process.exitCode = 2;
    return;
  }
  const config = loadConfig();
  // Through the facts index, like every process that writes the data folder: the reminder sweep
  // reads counselors and caseloads from it, so a counselor added or removed here must show there.
  const store = await openStore(config, { info: () => undefined, warn: (_o, msg) => console.error(msg) });
  try {
    await store.open({ readEveryRecord: false });
    const ok = await runAdmin(cmd, { store, now: new Date(), write: (line) => console.log(line), readFile: (file) => readFile(file, 'utf8') });
    if (ok === false) process.exitCode = 1;
  } finally {
    await closeStore(store);
  }
}

// Its words in English, or in Spanish with WAYPOINT_LANGUAGE=es.
withLanguage(cliLanguage(), main).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
