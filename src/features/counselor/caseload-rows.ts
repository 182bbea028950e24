/**
 * One row per student on a counselor's caseload: who they are, their choice, their plan's review
 * status, this school year's counselor meetings, the last reminder, family links, sign-off and
 * when they last chatted. Reads only those students' records.
 */
import type { FrameworkIndex } from '../../domain/framework-index.js';
import type { Grade } from '../../domain/grade.js';
import { currentSignatures, lastMeeting, metInWindow, MEETINGS, windowForMeeting, type MeetingRecord, type Signer } from '../../domain/meetings.js';
import type { StudentLinks } from '../../domain/people.js';
import type { Plan } from '../../domain/plan/index.js';
import { isGraduated, type Profile } from '../../domain/profile.js';
import { planStatus, schoolCalendar, type PlanStatus, type ReviewPolicy, type ReviewStatus } from '../../domain/reminders/index.js';
import type { Session } from '../../engine/session.js';
import type { Store } from '../../store/store.js';

/** Collection "counselor-reminders", id = student's user key: the last reminder a counselor sent. */
export const COUNSELOR_REMINDERS = 'counselor-reminders';

export interface LastReminder {
  at: string;
  by: string;
}

export interface StudentRow {
  key: string;
  name?: string;
  grade?: Grade;
  path?: string;
  cluster?: string;
  pathway?: string;
  /** Ids of the chosen cluster and pathway (for filters). */
  clusterId?: string;
  pathwayId?: string;
  /** No Path, Cluster or Pathway chosen yet. */
  noChoice: boolean;
  hasPlan: boolean;
  review: ReviewStatus;
  /** Where the student stands under the policy: the same words everywhere. */
  status: PlanStatus;
  /** When the student last chatted (their session's last turn). */
  lastActivity?: string;
  /** The review window meetings count for now (open, or the last one closed this year). */
  meetingWindow?: string;
  /** A counselor meeting is recorded for `meetingWindow`. */
  metThisWindow: boolean;
  /** Counselor meetings this school year, and the latest one's date. */
  meetingsThisYear: number;
  lastMeetingAt?: string;
  lastReminderAt?: string;
  familyLinked: boolean;
  /** Who signed the current plan version. */
  signedBy: Signer[];
}

export async function studentRow(store: Store, key: string, fw: FrameworkIndex, policy: ReviewPolicy, now: Date): Promise<StudentRow> {
  const [profile, plan, session, meetings, reminder, links] = await Promise.all([
    store.get<Profile>('profiles', key),
    store.get<Plan>('plans', key),
    store.get<Session>('sessions', key),
    store.get<MeetingRecord>(MEETINGS, key),
    store.get<LastReminder>(COUNSELOR_REMINDERS, key),
    store.get<StudentLinks>('student-links', key),
  ]);
  const c = profile?.choice;
  const calendar = schoolCalendar(policy, now);
  const window = windowForMeeting(calendar, now.getTime());
  const thisYear = (meetings?.meetings ?? []).filter((m) => m.schoolYear === calendar.schoolYear);
  const last = lastMeeting(meetings ? { ...meetings, meetings: thisYear } : undefined);
  const versions = plan?.versions ?? [];
  const hasPlan = plan !== undefined && versions.length > 0;
  const version = hasPlan ? versions[versions.length - 1]!.number : 0;
  const signed = hasPlan ? currentSignatures(meetings, version) : {};
  // One status for the chat, the CSV, reports and reminders (src/domain/reminders/plan-status.ts).
  const status = planStatus({ ...(plan ? { plan } : {}), ...(meetings ? { meetings } : {}), hasPathway: !!c?.pathwayId, graduated: isGraduated(profile) }, policy, now, calendar);
  return {
    key,
    ...(profile?.displayName?.trim() ? { name: profile.displayName.trim() } : {}),
    ...(profile?.grade !== undefined ? { grade: profile.grade } : {}),
    ...(c?.pathId ? { path: fw.path(c.pathId)?.name ?? c.pathId } : {}),
    ...(c?.clusterId ? { cluster: fw.cluster(c.clusterId)?.name ?? c.clusterId, clusterId: c.clusterId } : {}),
    ...(c?.pathwayId ? { pathway: fw.pathway(c.pathwayId)?.name ?? c.pathwayId, pathwayId: c.pathwayId } : {}),
    noChoice: !c?.pathId,
    hasPlan,
    review: status.review,
    status,
    ...(session?.updatedAt ? { lastActivity: session.updatedAt } : {}),
    ...(window ? { meetingWindow: window.id } : {}),
    metThisWindow: window ? metInWindow(meetings, window.id) : false,
    meetingsThisYear: thisYear.length,
    ...(last ? { lastMeetingAt: last.at } : {}),
    ...(reminder?.at ? { lastReminderAt: reminder.at } : {}),
    familyLinked: (links?.familyKeys?.length ?? 0) > 0,
    signedBy: (['counselor', 'student', 'family'] as const).filter((r) => signed[r] !== undefined),
  };
}

/** Rows for many students, a few reads at a time. */
export async function studentRows(store: Store, keys: string[], fw: FrameworkIndex, policy: ReviewPolicy, now: Date): Promise<StudentRow[]> {
  const rows: StudentRow[] = [];
  const BATCH = 32;
  for (let i = 0; i < keys.length; i += BATCH) {
    rows.push(...(await Promise.all(keys.slice(i, i + BATCH).map((k) => studentRow(store, k, fw, policy, now)))));
  }
  return rows;
}

export const displayOf = (r: Pick<StudentRow, 'key' | 'name'>) => (r.name ? `${r.name} (${r.key})` : r.key);
