/**
 * The plan's sign-off (the Individual Career and Academic Plan sign-off) in words, in the turn's
 * language (plan.signoff.*): who has signed the current version, and when. Read by the counselor's
 * student view and the "who signed" answer for students and families.
 */
import { t } from '../i18n/t.js';
import { currentSignatures, type MeetingRecord, type Signer } from './meetings.js';
import { dateWords } from '../i18n/date-words.js';

const SIGNERS: Signer[] = ['counselor', 'student', 'family'];
const label = (r: Signer) => t(`plan.signoff.signer.${r}`);

/** "Signed (version 2): Counselor (2026-11-23), Student (2026-11-24). Not yet: Family." */
export function signatureLine(record: MeetingRecord | undefined, planVersion: number): string {
  const now = currentSignatures(record, planVersion);
  const signed = SIGNERS.filter((r) => now[r]);
  const missing = SIGNERS.filter((r) => !now[r]);
  if (!signed.length) return t('plan.signoff.nobody', { version: planVersion });
  const list = signed.map((r) => t('plan.signoff.signedOn', { who: label(r), date: dateWords(now[r]!.at) })).join(', ');
  const a = t('plan.signoff.signed', { version: planVersion, list });
  return missing.length ? `${a} ${t('plan.signoff.notYet', { list: missing.map(label).join(', ') })}` : a;
}
