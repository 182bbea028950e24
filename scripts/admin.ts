/**
 * Administration from the server's terminal: who is a counselor.
 *
 *   npm run admin -- add-counselor <channel>:<user id> --school "<name>" [--name "<name>"]
 *   npm run admin -- remove-counselor <channel>:<user id>
 *   npm run admin -- list
 *
 * In the terminal channel a user's id is console:<WAYPOINT_USER>.
 */
import { loadConfig } from '../src/config.js';
import { ADMIN_USAGE, parseAdminArgs, runAdmin } from '../src/features/people/admin-cli.js';
import { IndexedStore } from '../src/store/indexed-store.js';
import { LowdbStore } from '../src/store/lowdb-store.js';

async function main(): Promise<void> {
  const cmd = parseAdminArgs(process.argv.slice(2));
  if ('error' in cmd) {
    console.error(`${cmd.error}\n\n${ADMIN_USAGE}`);
    process.exitCode = 2;
    return;
  }
  const config = loadConfig();
  // Through the facts index, like every process that writes the data folder: the reminder sweep
  // reads counselors and caseloads from it, so a counselor added or removed here must show there.
  const store = new IndexedStore(new LowdbStore(config.dataDir), { logger: { info: () => undefined, warn: (_o, msg) => console.error(msg) } });
  await store.open({ readEveryRecord: false });
  await runAdmin(cmd, { store, now: new Date(), write: (line) => console.log(line) });
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
