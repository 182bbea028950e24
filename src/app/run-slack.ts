import type { Logger } from 'pino';
import { createSlackApp } from '../channels/slack/start-slack.js';
import { createSlackSender } from '../channels/slack/slack-sender.js';
import { parseSlackSettings } from '../channels/slack/slack-settings.js';
import type { TurnHandler } from '../engine/turn-handler.js';
import type { HomeProvider } from './home-provider.js';

/** Starts Waypoint as a Slack app (Socket Mode or HTTP) and returns its proactive sender. */
export async function runSlackChannel(handler: TurnHandler, logger: Logger, home: HomeProvider) {
  const settings = parseSlackSettings(process.env);
  const slack = createSlackApp({ handler, settings, logger, homeView: (userId) => home(`slack:${userId}`) });
  const { port } = await slack.start();
  logger.info({ mode: slack.mode, port }, 'Waypoint is running on Slack');
  return { sender: createSlackSender(settings), stop: () => slack.stop() };
}
