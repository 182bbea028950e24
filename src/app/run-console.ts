import { runConsole } from '../channels/console/console-channel.js';
import type { Config } from '../config.js';
import type { TurnHandler } from '../engine/turn-handler.js';

export async function runConsoleChannel(config: Config, handler: TurnHandler): Promise<void> {
  await runConsole({
    handler,
    user: config.WAYPOINT_USER,
    input: process.stdin,
    output: process.stdout,
    interactive: Boolean(process.stdin.isTTY),
  });
}
