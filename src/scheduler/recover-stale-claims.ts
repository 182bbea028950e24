/**
 * Claims left "sending" by a sweep that was killed mid-way (crash, deploy, power cut). At the start
 * of each sweep, a claim still "sending" STALE_CLAIM_MS after it was made is resolved:
 *
 * - the first time for a key, one process wins a recovery record (putIfAbsent in
 *   "reminder-recoveries", keyed by the reminder key) and releases the claim, so this sweep claims
 *   and sends the reminder again if it is still due: one retry;
 * - if that retry is left "sending" too, the key is given up ("failed", with a failure record the
 *   counselor digest and `npm run reminders` show): never a third try.
 *
 * A process that sees the same stale claim while another is releasing it leaves it alone (the
 * recovery record names the claim it released), so a key is never released twice.
 */
import type { Store } from '../store/store.js';
import { factsIndexOf } from '../store/indexed-store.js';
import { FAILURES, SENT, type FailureRecord, type SentRecord } from './reminder-claims.js';

export const RECOVERIES = 'reminder-recoveries';
/** A send takes seconds; a claim "sending" for this long was left by a process that stopped. */
export const STALE_CLAIM_MS = 10 * 60_000;

export interface RecoveryRecord {
  key: string;
  /** claimedAt of the claim that was released. */
  releasedClaimAt: string;
  at: string;
}

export interface RecoveryResult {
  released: number;
  gaveUp: number;
}

export interface RecoveryLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

async function sendingKeys(store: Store): Promise<string[]> {
  const indexed = factsIndexOf(store);
  if (indexed) {
    const keys: string[] = [];
    for (const [k, f] of (await indexed.facts()).sent) if (f.state === 'sending') keys.push(k);
    return keys;
  }
  return (await store.list<SentRecord>(SENT)).filter((r) => r.value.state === 'sending').map((r) => r.id);
}

export async function recoverStaleClaims(store: Store, now: Date, log?: RecoveryLogger): Promise<RecoveryResult> {
  const result: RecoveryResult = { released: 0, gaveUp: 0 };
  for (const key of await sendingKeys(store)) {
    const claim = await store.get<SentRecord>(SENT, key);
    if (claim?.state !== 'sending') continue;
    const claimedAt = Date.parse(claim.claimedAt);
    if (!(now.getTime() - claimedAt >= STALE_CLAIM_MS)) continue;
    const recovery: RecoveryRecord = { key, releasedClaimAt: claim.claimedAt, at: now.toISOString() };
    if (await store.putIfAbsent<RecoveryRecord>(RECOVERIES, key, recovery)) {
      await store.delete(SENT, key);
      result.released++;
      log?.warn({ key, kind: claim.kind }, 'reminder claim left sending by a stopped sweep; trying it once more');
      continue;
    }
    const earlier = await store.get<RecoveryRecord>(RECOVERIES, key);
    if (earlier?.releasedClaimAt === claim.claimedAt) continue; // another process is releasing this very claim
    const attempts = Math.max(claim.attempts, 2);
    const failure: FailureRecord = {
      key, kind: claim.kind, recipientKey: claim.recipientKey,
      studentKeys: claim.kind === 'counselor-digest' ? [] : [claim.recipientKey],
      attempts, lastError: 'Interrupted', lastAt: now.toISOString(), gaveUp: true,
    };
    await store.put<FailureRecord>(FAILURES, key, failure);
    await store.put<SentRecord>(SENT, key, { ...claim, state: 'failed', attempts });
    result.gaveUp++;
    log?.warn({ key, kind: claim.kind }, 'reminder interrupted twice; not trying again');
  }
  return result;
}
