import type { Logger } from 'pino';
import { createTeamsServer, createTeamsSender, parseTeamsSettings } from '../channels/teams/index.js';
import type { TurnHandler } from '../engine/turn-handler.js';
import type { Store } from '../store/store.js';

/**
 * Reads and checks the Teams settings now (a malformed variable stops start-up before any data is
 * read), and returns what starts Waypoint as a Teams bot on PORT (default 3978).
 */
export function prepareTeamsChannel() {
  const settings = parseTeamsSettings(process.env);
  return (handler: TurnHandler, store: Store, logger: Logger) => runTeamsChannel(settings, handler, store, logger);
}

/** Starts Waypoint as a Teams bot and returns its proactive sender. */
async function runTeamsChannel(settings: ReturnType<typeof parseTeamsSettings>, handler: TurnHandler, store: Store, logger: Logger) {
  const teams = createTeamsServer({ handler, store, settings, logger });
  const { port } = await teams.start();
  logger.info({ port }, 'Waypoint is running on Microsoft Teams at /api/messages');
  return { sender: createTeamsSender({ adapter: teams.adapter, settings, store, logger }), stop: () => teams.stop() };
}
