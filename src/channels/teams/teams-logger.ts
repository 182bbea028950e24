/**
 * The logger the Teams channel writes to: pino's shape (object first, then a message). Logs carry
 * ids only (user, conversation, activity), never message text or names.
 */
export interface TeamsLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** A logger that drops everything (tests and benchmarks). */
export const silentLogger: TeamsLogger = { info() {}, warn() {}, error() {} };
