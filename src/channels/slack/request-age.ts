/**
 * Slack's replay protection, both ways: Bolt turns away a signed request more than 5 minutes old,
 * but not one dated in the future. This check runs before Bolt reads the request and answers 401
 * to a timestamp more than 5 minutes off either way, with one JSON log line (no payload).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const MAX_REQUEST_SKEW_SECONDS = 5 * 60;

/** Whether Slack's request timestamp header (seconds) is within 5 minutes of `nowMs`; absent is left to Bolt. */
export function requestTimeIsFresh(header: string | string[] | undefined, nowMs: number): boolean {
  if (header === undefined) return true;
  const seconds = Number(Array.isArray(header) ? header[0] : header);
  if (!Number.isFinite(seconds)) return false;
  return Math.abs(nowMs / 1000 - seconds) <= MAX_REQUEST_SKEW_SECONDS;
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/** Wraps a receiver's request listener: requests dated too far off get 401 and never reach Bolt. */
export function rejectOffTimeRequests(inner: Listener, log: (line: object) => void, now: () => number = Date.now): Listener {
  return (req, res) => {
    if (requestTimeIsFresh(req.headers['x-slack-request-timestamp'], now())) return inner(req, res);
    log({ level: 'warn', channel: 'slack', msg: 'request rejected: timestamp more than 5 minutes off', status: 401 });
    res.writeHead(401, { 'content-type': 'text/plain' });
    res.end('Unauthorized');
  };
}
