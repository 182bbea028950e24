import { runConsole } from '../channels/console/console-channel.js';
import type { Config } from '../config.js';
import type { TurnHandler } from '../engine/turn-handler.js';

import type { Reply } from '../domain/messages.js';

export async function runConsoleChannel(config: Config, handler: TurnHandler, takeOutbox?: () => Promise<Reply[]>): Promise<void> {
  await runConsole({
    takeOutbox,
    handler,
    user: config.WAYPOINT_USER,
    input: process.stdin,
    output: process.stdout,
    interactive: Boolean(process.stdin.isTTY),
    // The terminal's language setting, as Slack and Teams give a person's locale.
    locale: process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG,
  });
}
