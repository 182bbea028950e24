import type { Logger } from 'pino';
import { createTeamsServer, createTeamsSender, parseTeamsSettings } from '../channels/teams/index.js';
import type { TurnHandler } from '../engine/turn-handler.js';
import type { Store } from '../store/store.js';

/** Starts Waypoint as a Teams bot on PORT (default 3978) and returns its proactive sender. */
export async function runTeamsChannel(handler: TurnHandler, store: Store, logger: Logger) {
  const settings = parseTeamsSettings(process.env);
  const teams = createTeamsServer({ handler, store, settings, logger });
  const { port } = await teams.start();
  logger.info({ port }, 'Waypoint is running on Microsoft Teams at /api/messages');
  return { sender: createTeamsSender({ adapter: teams.adapter, settings, store, logger }), stop: () => teams.stop() };
}
