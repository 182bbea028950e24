/**
 * Review reminders from the terminal.
 *
 *   npm run reminders -- --dry-run [--date YYYY-MM-DD]   who would get what and why; sends nothing
 *   npm run reminders                                     send due reminders to terminal users' outboxes
 *
 * Slack and Teams reminders are sent by the scheduler inside `npm run slack` / `npm run teams`.
 * WAYPOINT_LANGUAGE=es: in Spanish.
 */
import { cliLanguage, loadConfig } from '../src/config.js';
import { withLanguage } from '../src/i18n/language.js';
import { loadReviewPolicy } from '../src/scheduler/load-review-policy.js';
import { parseCliArgs, remindersUsage, runRemindersCli } from '../src/scheduler/reminders-cli.js';
import { closeStore, openStore } from '../src/store/open-store.js';

async function main(): Promise<void> {
  const args = parseCliArgs(process.argv.slice(2));
  if ('error' in args) {
    console.error(`${args.error}\n${remindersUsage()}`);
    process.exitCode = 2;
    return;
  }
  const config = loadConfig();
  const policy = await loadReviewPolicy(config.WAYPOINT_TIME_ZONE);
  // The sweep reads the facts index, not every record: no full read of the data folder at start.
  const store = await openStore(config, { info: () => undefined, warn: (_o, msg) => console.error(msg) });
  try {
    await store.open({ readEveryRecord: false });
    await runRemindersCli(args, { store, policy, now: new Date(), write: (line) => console.log(line) });
  } finally {
    await closeStore(store);
  }
}

// Its words in English, or in Spanish with WAYPOINT_LANGUAGE=es.
withLanguage(cliLanguage(), main).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
