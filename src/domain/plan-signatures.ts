/**
 * The plan's sign-off (the Individual Career and Academic Plan sign-off) in words: who has signed
 * the current version, and when. Read by the counselor's student view and the "who signed" answer
 * for students and families.
 */
import { currentSignatures, type MeetingRecord, type Signer } from './meetings.js';

const LABEL: Record<Signer, string> = { counselor: 'Counselor', student: 'Student', family: 'Family' };

/** "Signed: Counselor (2026-11-23), Student (2026-11-24). Not yet: Family." */
export function signatureLine(record: MeetingRecord | undefined, planVersion: number): string {
  const now = currentSignatures(record, planVersion);
  const signed = (Object.keys(LABEL) as Signer[]).filter((r) => now[r]);
  const missing = (Object.keys(LABEL) as Signer[]).filter((r) => !now[r]);
  const a = signed.length ? `Signed (version ${planVersion}): ${signed.map((r) => `${LABEL[r]} (${now[r]!.at.slice(0, 10)})`).join(', ')}.` : `No one has signed version ${planVersion} of the plan yet.`;
  const b = missing.length && signed.length ? ` Not yet: ${missing.map((r) => LABEL[r]).join(', ')}.` : '';
  return a + b;
}
