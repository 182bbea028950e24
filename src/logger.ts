import { pino, type Logger } from 'pino';

/**
 * Logs are JSON lines: ids, never message text or names. Servers log to standard error. The
 * terminal chat logs to a file (`file`), so a person chatting sees only Waypoint's words, and a
 * script piping the chat gets clean standard output and standard error.
 */
export function createLogger(level: string | undefined, fallback: string, file?: string): Logger {
  const destination = file ? pino.destination({ dest: file, mkdir: true, sync: true }) : pino.destination(2);
  return pino({ level: level ?? fallback, base: undefined }, destination);
}
