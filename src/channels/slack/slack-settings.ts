import { z } from 'zod';

/**
 * The Slack channel's settings, read once from the environment. A missing or malformed variable
 * stops start-up with a message that names it and says what is expected; secret values are never
 * repeated in a message.
 */
export interface SlackSettings {
  botToken: string;
  /** Set: Socket Mode (no public URL needed). Unset: the HTTP receiver on `port`. */
  appToken?: string;
  /** Required in HTTP mode, to check that requests really come from Slack. */
  signingSecret?: string;
  /** Another base URL for the Web API (a local stand-in of Slack), ending with a slash. */
  apiUrl?: string;
  port: number;
  mode: 'socket' | 'http';
}

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const schema = z.object({
  SLACK_BOT_TOKEN: z
    .string({ required_error: 'is required: the Bot User OAuth Token (starts with "xoxb-")' })
    .trim()
    .regex(/^xoxb-[A-Za-z0-9-]+$/, { message: 'must be a Bot User OAuth Token starting with "xoxb-"' }),
  SLACK_APP_TOKEN: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^xapp-[A-Za-z0-9-]+$/, { message: 'must be an app-level token starting with "xapp-" (or be left unset for HTTP mode)' })
      .optional(),
  ),
  SLACK_SIGNING_SECRET: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9]{16,}$/, { message: 'must be the app\'s Signing Secret (letters and digits, from "Basic Information")' })
      .optional(),
  ),
  SLACK_API_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .url({ message: 'must be a full http(s) URL such as "http://127.0.0.1:4000/api/"' })
      .refine((u) => /^https?:\/\//i.test(u), { message: 'must start with http:// or https://' })
      .optional(),
  ),
  PORT: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ invalid_type_error: 'must be a port number between 1 and 65535' })
      .int({ message: 'must be a whole port number between 1 and 65535' })
      .min(1, { message: 'must be a port number between 1 and 65535' })
      .max(65535, { message: 'must be a port number between 1 and 65535' })
      .default(3000),
  ),
});

/** Reads the Slack settings from an environment object (usually `process.env`). Throws on a bad value. */
export function parseSlackSettings(env: Record<string, string | undefined>): SlackSettings {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${String(issue.path[0] ?? 'Slack setting')} ${issue.message}`);
    throw new Error(`Slack settings are not usable:\n- ${lines.join('\n- ')}`);
  }
  const v = parsed.data;
  const mode = v.SLACK_APP_TOKEN ? 'socket' : 'http';
  if (mode === 'http' && !v.SLACK_SIGNING_SECRET) {
    throw new Error(
      'Slack settings are not usable:\n- SLACK_SIGNING_SECRET is required in HTTP mode (when SLACK_APP_TOKEN is not set): ' +
        'copy the Signing Secret from the app\'s "Basic Information" page, or set SLACK_APP_TOKEN to use Socket Mode',
    );
  }
  return {
    botToken: v.SLACK_BOT_TOKEN,
    appToken: v.SLACK_APP_TOKEN,
    signingSecret: v.SLACK_SIGNING_SECRET,
    apiUrl: v.SLACK_API_URL === undefined ? undefined : v.SLACK_API_URL.endsWith('/') ? v.SLACK_API_URL : `${v.SLACK_API_URL}/`,
    port: v.PORT,
    mode,
  };
}
