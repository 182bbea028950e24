import { pino, type Logger } from 'pino';

/**
 * Logs go to standard error as JSON lines, so the terminal chat's standard output stays clean.
 * Log ids, never message text or names.
 */
export function createLogger(level: string | undefined, fallback: string): Logger {
  return pino({ level: level ?? fallback, base: undefined }, pino.destination(2));
}
