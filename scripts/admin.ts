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
import { LowdbStore } from '../src/store/lowdb-store.js';

async function main(): Promise<void> {
  const cmd = parseAdminArgs(process.argv.slice(2));
  if ('error' in cmd) {
    console.error(`${cmd.error}\n\n${ADMIN_USAGE}`);
    process.exitCode = 2;
    return;
  }
  const config = loadConfig();
  const store = new LowdbStore(config.dataDir);
  await store.open();
  await runAdmin(cmd, { store, now: new Date(), write: (line) => console.log(line) });
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
