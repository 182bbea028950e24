/**
 * One ICAP export row per student on the counselor's own caseload. "ICAP reviewed in 10th" is yes
 * when a plan review or a counselor meeting is dated in the school year the student was in 10th
 * grade: that year is worked out from the current grade and the current school year (a 11th grader
 * in 2026-27 was in 10th in 2025-26). A grade the student has not reached is left blank.
 */
import { MEETINGS, type MeetingRecord } from '../../domain/meetings.js';
import { checkPlan, type Plan, type Requirements } from '../../domain/plan/index.js';
import { schoolCalendar, type ReviewPolicy } from '../../domain/reminders/index.js';
import type { IcapRow, YesNo } from '../../export/icap-csv.js';
import type { Store } from '../../store/store.js';
import type { StudentRow } from './caseload-rows.js';

const HIGH_SCHOOL = [9, 10, 11, 12] as const;

/** "2026-27" -> 2026 */
const startYear = (schoolYear: string) => Number(schoolYear.slice(0, 4));

/** The school year ("2025-26") a student now in `grade` was in `earlier` grade, in the year `now`. */
export function schoolYearInGrade(currentSchoolYear: string, grade: number, earlier: number): string {
  const y = startYear(currentSchoolYear) - (grade - earlier);
  return `${y}-${String((y + 1) % 100).padStart(2, '0')}`;
}

/** The school years in which the plan was reviewed or a counselor met the student. */
export function reviewYears(plan: Plan | undefined, meetings: MeetingRecord | undefined, policy: ReviewPolicy): Set<string> {
  const years = new Set<string>();
  for (const m of meetings?.meetings ?? []) years.add(m.schoolYear);
  for (const r of plan?.reviews ?? []) {
    const t = Date.parse(r.at);
    if (!Number.isNaN(t)) years.add(schoolCalendar(policy, t).schoolYear);
  }
  return years;
}

export function reviewedIn(grade: number | undefined, years: Set<string>, currentSchoolYear: string): IcapRow['reviewedIn'] {
  const out = { 9: '', 10: '', 11: '', 12: '' } as IcapRow['reviewedIn'];
  if (grade === undefined) return out;
  for (const g of HIGH_SCHOOL) {
    if (g > grade) continue;
    out[g] = years.has(schoolYearInGrade(currentSchoolYear, grade, g)) ? 'yes' : 'no';
  }
  return out;
}

export async function icapRows(store: Store, rows: StudentRow[], o: { policy: ReviewPolicy; requirements?: Requirements; now: Date }): Promise<IcapRow[]> {
  const current = schoolCalendar(o.policy, o.now).schoolYear;
  const out: IcapRow[] = [];
  const BATCH = 32;
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const facts = await Promise.all(batch.map(async (r) => [await store.get<Plan>('plans', r.key), await store.get<MeetingRecord>(MEETINGS, r.key)] as const));
    batch.forEach((r, j) => {
      const [plan, meetings] = facts[j]!;
      const hasPlan = r.hasPlan && plan !== undefined;
      const onTrack: YesNo = !hasPlan || !o.requirements ? '' : checkPlan(plan, o.requirements).length === 0 ? 'yes' : 'no';
      out.push({
        studentId: r.key,
        name: r.name ?? '',
        ...(r.grade !== undefined ? { grade: r.grade } : {}),
        hasIcap: hasPlan,
        reviewedIn: reviewedIn(r.grade, reviewYears(plan, meetings, o.policy), current),
        onTrack,
        cluster: r.cluster ?? '',
        pathway: r.pathway ?? '',
        planStatus: r.status.code,
        meetingsThisYear: r.meetingsThisYear,
        lastMeeting: r.lastMeetingAt?.slice(0, 10) ?? '',
        lastReminder: r.lastReminderAt?.slice(0, 10) ?? '',
        familyLinked: r.familyLinked,
        signedBy: r.signedBy,
      });
    });
  }
  return out.sort((a, b) => (a.grade ?? 99) - (b.grade ?? 99) || (a.name || a.studentId).localeCompare(b.name || b.studentId));
}
