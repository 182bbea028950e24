/**
 * Whose students a report covers. The principal's summary (counts only, no names) covers the whole
 * school: every counselor added for the same school, their caseloads together, each student once.
 * "for my caseload" narrows it to the asking counselor's own list. Per-student exports (the ICAP
 * export) always use the counselor's own caseload only.
 */
import type { Caseload, CounselorRecord } from '../../domain/people.js';
import { t } from '../../i18n/t.js';
import type { Store } from '../../store/store.js';
import { CASELOADS, COUNSELORS, counselorRecord } from '../people/links.js';

export interface ReportScope {
  school: string;
  /** The counselors whose caseloads are counted (the asker first). */
  counselorKeys: string[];
  studentKeys: string[];
  /** Neutral words for a page the principal reads: "1 counselor's caseload", "3 counselors' caseloads". */
  label: string;
}

const sameSchool = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The scope for a counselor, or undefined when they are not an authorised counselor. */
export async function reportScope(store: Store, counselorKey: string, o: { ownOnly: boolean }): Promise<ReportScope | undefined> {
  const me = await counselorRecord(store, counselorKey);
  if (!me) return undefined;
  const others = o.ownOnly
    ? []
    : (await store.list<CounselorRecord>(COUNSELORS)).filter((c) => c.id !== counselorKey && sameSchool(c.value.school, me.school)).map((c) => c.id).sort();
  const counselorKeys = [counselorKey, ...others];
  const loads = await Promise.all(counselorKeys.map((k) => store.get<Caseload>(CASELOADS, k)));
  const studentKeys = [...new Set(loads.flatMap((l) => l?.studentKeys ?? []))];
  const label = t('counselor.report.scope', { count: counselorKeys.length });
  return { school: me.school, counselorKeys, studentKeys, label };
}
