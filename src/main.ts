/** Composition root: builds the store, engine and the chosen channel. Nothing else lives here. */
import { loadAppData } from './app/load-app-data.js';
import { createEngine } from './app/create-engine.js';
import { runConsole } from './channels/console/console-channel.js';
import { loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { LowdbStore } from './store/lowdb-store.js';
import { Records } from './store/records.js';

async function main(channel: string): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL, channel === 'console' ? 'warn' : 'info');
  const store = new LowdbStore(config.dataDir);
  await store.open();
  const records = new Records(store);
  const data = await loadAppData(config);
  const engine = createEngine({ records, data, logger });

  switch (channel) {
    case 'console':
      await runConsole({
        handler: engine,
        user: config.WAYPOINT_USER,
        input: process.stdin,
        output: process.stdout,
        interactive: Boolean(process.stdin.isTTY),
      });
      return;
    default:
      throw new Error(`Unknown channel "${channel}". Use console, slack or teams.`);
  }
}

main(process.argv[2] ?? 'console').catch((err: unknown) => {
  process.stderr.write(`Waypoint could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
