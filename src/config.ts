import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, type Language } from './i18n/language.js';

/**
 * The project folder (where package.json and data/ live), whatever folder Waypoint is started
 * from: one up from src/ when run from source, two up from dist/src/ when run from the build.
 */
export const PROJECT_DIR = ((): string => {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(here, '..'), path.resolve(here, '../..')];
  return candidates.find((dir) => existsSync(path.join(dir, 'package.json'))) ?? candidates[0]!;
})();

const schema = z.object({
  WAYPOINT_DATA_DIR: z.string().min(1).default('./var'),
  WAYPOINT_USER: z.string().min(1).max(100).optional(),
  WAYPOINT_FRAMEWORK: z.string().min(1).default(path.join(PROJECT_DIR, 'data/frameworks/missouri.json')),
  WAYPOINT_INTEREST_ITEMS: z.string().min(1).default(path.join(PROJECT_DIR, 'data/interest-items.json')),
  WAYPOINT_DISTRICT: z.string().min(1).optional(),
  WAYPOINT_TIME_ZONE: z.string().min(1).default('America/Chicago'),
  /** District setting: tell a student's counselors that a safety message arrived (never its words). Off by default. */
  WAYPOINT_SAFETY_ALERTS: z
    .enum(['on', 'off', 'true', 'false', '1', '0'])
    .default('off')
    .transform((v) => v === 'on' || v === 'true' || v === '1'),
  /**
   * The lowest grade that may chat as a student on Slack (Slack's user terms: over 16). A younger
   * student gets one polite note and nothing about them is kept. 6 lets every grade in. Default: 11.
   */
  WAYPOINT_SLACK_MIN_STUDENT_GRADE: z.coerce
    .number({ invalid_type_error: 'must be a grade from 6 to 13' })
    .int({ message: 'must be a whole grade from 6 to 13' })
    .min(6, { message: 'must be a grade from 6 to 13 (6 lets every grade in)' })
    .max(13, { message: 'must be a grade from 6 to 13' })
    .default(11),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  /** The language of the command-line tools an administrator runs (npm run admin, npm run reminders): en or es. Default: en. */
  WAYPOINT_LANGUAGE: z.enum(LANGUAGES).default(DEFAULT_LANGUAGE),
  /** A PostgreSQL database for the store (several replicas share it). Unset or empty: the lowdb folder WAYPOINT_DATA_DIR. */
  WAYPOINT_DATABASE_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .refine(isPostgresUrl, { message: 'must be a postgres:// or postgresql:// URL, like postgres://waypoint@127.0.0.1:5432/waypoint' })
      .optional(),
  ),
});

function isPostgresUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'postgres:' || u.protocol === 'postgresql:';
  } catch {
    return false;
  }
}

export type Config = z.infer<typeof schema> & { WAYPOINT_USER: string; dataDir: string };

/** Raised when an environment variable is missing or malformed; names the variable, never its value. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads `.env` when present (never required), then validates the environment once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const envFile = path.join(cwd, '.env');
  if (env === process.env && existsSync(envFile)) process.loadEnvFile(envFile);
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Environment variable ${issue.path.join('.')} is not valid: ${issue.message}. See .env.example.`);
  }
  const c = parsed.data;
  if (c.WAYPOINT_TIME_ZONE) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: c.WAYPOINT_TIME_ZONE });
    } catch {
      throw new ConfigError('Environment variable WAYPOINT_TIME_ZONE is not a time zone name such as America/Chicago.');
    }
  }
  return {
    ...c,
    WAYPOINT_USER: c.WAYPOINT_USER ?? safeUserName(),
    dataDir: path.resolve(cwd, c.WAYPOINT_DATA_DIR),
  };
}

/**
 * The language of a command-line tool's words, read before anything else (a mistyped command is
 * answered before the rest of the settings are checked); a value other than en or es is refused
 * by loadConfig.
 */
export function cliLanguage(env: NodeJS.ProcessEnv = process.env): Language {
  return isLanguage(env.WAYPOINT_LANGUAGE) ? env.WAYPOINT_LANGUAGE : DEFAULT_LANGUAGE;
}

function safeUserName(): string {
  try {
    return userInfo().username || 'student';
  } catch {
    return 'student';
  }
}
