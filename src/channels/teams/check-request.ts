/**
 * Checks a Teams request's token before the adapter sees it, so a rejected request gets a short,
 * plain answer (401, or 503 when the Bot Framework's signing keys cannot be fetched: the Bot
 * Connector retries) and one JSON log line, never botbuilder's internal error text or stack trace.
 */
import type { Activity } from 'botbuilder';
import { AuthenticationError, type AuthenticateRequestResult, type BotFrameworkAuthentication } from 'botframework-connector';

/** What jsonwebtoken throws for a token that is badly signed, malformed, not yet valid or expired. */
export const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/** A request that passed carries what the check found, so the adapter does not check it twice. */
export type RequestCheck = { ok: true; result: AuthenticateRequestResult } | { ok: false; status: 401 | 503; reason: 'no-token' | 'bad-token' | 'keys-unavailable' };

export async function checkTeamsRequest(auth: BotFrameworkAuthentication, activity: Activity, authHeader: string): Promise<RequestCheck> {
  try {
    return { ok: true, result: await auth.authenticateRequest(activity, authHeader) };
  } catch (err) {
    const e = err as { name?: string; statusCode?: number };
    const refused = (err instanceof AuthenticationError && (e.statusCode === undefined || e.statusCode === 401)) || TOKEN_ERRORS.has(e.name ?? '');
    if (refused) return { ok: false, status: 401, reason: authHeader ? 'bad-token' : 'no-token' };
    return { ok: false, status: 503, reason: 'keys-unavailable' };
  }
}

/**
 * The request body as an activity, as botbuilder's CloudAdapter.process reads it: an object with a
 * type, its time fields turned into dates (the raw text kept). Undefined for anything else.
 */
export function readActivity(body: unknown): Activity | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const activity = body as Activity & Record<string, unknown>;
  if (typeof activity.type !== 'string' || !activity.type) return undefined;
  if (typeof activity.timestamp === 'string') activity.timestamp = asDate(activity, 'rawTimestamp', activity.timestamp);
  if (typeof activity.expiration === 'string') activity.expiration = asDate(activity, 'rawExpiration', activity.expiration);
  if (typeof activity.localTimestamp === 'string') activity.localTimestamp = asDate(activity, 'rawLocalTimestamp', activity.localTimestamp);
  return activity;
}

function asDate(activity: Record<string, unknown>, rawField: string, text: string): Date {
  activity[rawField] = text;
  return new Date(text);
}

/** The body of an error answer: a word or two, never the error's own text. */
export function plainErrorBody(status: number): string {
  if (status === 401 || status === 403) return 'Unauthorized';
  if (status === 400 || status === 413 || status === 415) return 'Bad request';
  if (status === 503) return 'Try again later';
  return 'Server error';
}
