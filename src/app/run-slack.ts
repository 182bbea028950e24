import type { Logger } from 'pino';
import { createSlackApp } from '../channels/slack/start-slack.js';
import { createSlackSender } from '../channels/slack/slack-sender.js';
import { parseSlackSettings } from '../channels/slack/slack-settings.js';
import type { Config } from '../config.js';
import type { TurnHandler } from '../engine/turn-handler.js';
import type { HomeProvider } from './home-provider.js';
import type { Store } from '../store/store.js';

/**
 * Reads and checks the Slack settings now (a missing or malformed variable stops start-up before
 * any data is read), and returns what starts Waypoint as a Slack app (Socket Mode or HTTP).
 */
export function prepareSlackChannel(config: Pick<Config, 'WAYPOINT_SLACK_MIN_STUDENT_GRADE'>) {
  const settings = parseSlackSettings(process.env);
  const minStudentGrade = config.WAYPOINT_SLACK_MIN_STUDENT_GRADE;
  return (handler: TurnHandler, store: Store, logger: Logger, home: HomeProvider) => runSlackChannel(settings, minStudentGrade, handler, store, logger, home);
}

/** Starts Waypoint as a Slack app and returns its proactive sender. */
async function runSlackChannel(settings: ReturnType<typeof parseSlackSettings>, minStudentGrade: number, handler: TurnHandler, store: Store, logger: Logger, home: HomeProvider) {
  const slack = createSlackApp({ handler, settings, logger, store, minStudentGrade, homeView: (userId) => home(`slack:${userId}`) });
  const { port } = await slack.start();
  logger.info({ mode: slack.mode, port }, 'Waypoint is running on Slack');
  return { sender: createSlackSender(settings), stop: () => slack.stop() };
}
