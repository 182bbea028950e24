/**
 * Checks a Teams request's token before the adapter sees it, so a rejected request gets a short,
 * plain answer (401, or 503 when the Bot Framework's signing keys cannot be fetched: the Bot
 * Connector retries) and one JSON log line, never botbuilder's internal error text or stack trace.
 */
import type { Activity } from 'botbuilder';
import { AuthenticationError, type BotFrameworkAuthentication } from 'botframework-connector';

/** What jsonwebtoken throws for a token that is badly signed, malformed, not yet valid or expired. */
export const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

export type RequestCheck = { ok: true } | { ok: false; status: 401 | 503; reason: 'no-token' | 'bad-token' | 'keys-unavailable' };

export async function checkTeamsRequest(auth: BotFrameworkAuthentication, activity: Activity, authHeader: string): Promise<RequestCheck> {
  try {
    await auth.authenticateRequest(activity, authHeader);
    return { ok: true };
  } catch (err) {
    const e = err as { name?: string; statusCode?: number };
    const refused = (err instanceof AuthenticationError && (e.statusCode === undefined || e.statusCode === 401)) || TOKEN_ERRORS.has(e.name ?? '');
    if (refused) return { ok: false, status: 401, reason: authHeader ? 'bad-token' : 'no-token' };
    return { ok: false, status: 503, reason: 'keys-unavailable' };
  }
}

/** The body of an error answer: a word or two, never the error's own text. */
export function plainErrorBody(status: number): string {
  if (status === 401 || status === 403) return 'Unauthorized';
  if (status === 400 || status === 413 || status === 415) return 'Bad request';
  if (status === 503) return 'Try again later';
  return 'Server error';
}
