/** Composition root: builds the store, engine and the chosen channel. Nothing else lives here. */
import path from 'node:path';
import { createEngine } from './app/create-engine.js';
import { loadAppData } from './app/load-app-data.js';
import { runConsoleChannel } from './app/run-console.js';
import { loadConfig } from './config.js';
import { homeSummary } from './features/home/home-summary.js';
import { createLogger } from './logger.js';
import { closeStore, closeStoreOnSignals, openStore } from './store/open-store.js';
import { Records } from './store/records.js';
import { ConsoleSender, takeOutbox } from './channels/console/console-sender.js';
import type { ProactiveSender } from './domain/messages.js';
import { loadReviewPolicy, startScheduler } from './scheduler/index.js';

async function main(channel: string): Promise<void> {
  if (!['console', 'slack', 'teams'].includes(channel)) throw new Error(`Unknown channel "${channel}". Use console, slack or teams.`);
  const config = loadConfig();
  // A channel's own settings are checked first: a missing token stops start-up before any data is read.
  const startSlack = channel === 'slack' ? (await import('./app/run-slack.js')).prepareSlackChannel(config) : undefined;
  const startTeams = channel === 'teams' ? (await import('./app/run-teams.js')).prepareTeamsChannel() : undefined;
  const logFile = channel === 'console' ? path.join(config.dataDir, 'waypoint.log') : undefined;
  const logger = createLogger(config.LOG_LEVEL, channel === 'console' ? 'warn' : 'info', logFile);
  // The facts index keeps what sweeps over every student need (reminders) in one small log.
  // PostgreSQL when WAYPOINT_DATABASE_URL is set, else the lowdb folder.
  const store = await openStore(config, logger);
  await store.open();
  const records = new Records(store);
  const data = await loadAppData(config);
  const exportDir = path.join(config.dataDir, 'exports');
  // Terminal users get proactive messages through their outbox, from any process.
  const senders: ProactiveSender[] = [new ConsoleSender(store)];
  const engine = createEngine({ records, data, logger, exportDir, senders, safetyAlerts: config.WAYPOINT_SAFETY_ALERTS });

  if (channel === 'console') return runConsoleChannel(config, engine, () => takeOutbox(store, `console:${config.WAYPOINT_USER}`)).finally(() => closeStore(store));
  closeStoreOnSignals(store);
  const policy = await loadReviewPolicy(config.WAYPOINT_TIME_ZONE);
  if (startSlack) {
    const slack = await startSlack(engine, store, logger, homeSummary({ records, framework: data.framework, reviewPolicy: policy }));
    senders.push(slack.sender);
  } else if (startTeams) {
    const teams = await startTeams(engine, store, logger);
    senders.push(teams.sender);
  }
  // Review reminders run inside the Slack and Teams processes: one sweep every few minutes.
  startScheduler({ store, senders, policy, logger });
}

main(process.argv[2] ?? 'console').catch((err: unknown) => {
  process.stderr.write(`Waypoint could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
