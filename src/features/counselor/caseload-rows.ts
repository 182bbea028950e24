/**
 * One row per student on a counselor's caseload: who they are, their choice, their plan's review
 * status and when they last chatted. Reads profiles, plans and sessions for those students only.
 */
import type { FrameworkIndex } from '../../domain/framework-index.js';
import type { Grade } from '../../domain/grade.js';
import type { Plan } from '../../domain/plan/index.js';
import type { Profile } from '../../domain/profile.js';
import { reviewStatus, type ReviewPolicy, type ReviewStatus } from '../../domain/reminders/index.js';
import type { Session } from '../../engine/session.js';
import type { Store } from '../../store/store.js';

export interface StudentRow {
  key: string;
  name?: string;
  grade?: Grade;
  path?: string;
  cluster?: string;
  pathway?: string;
  /** No Path, Cluster or Pathway chosen yet. */
  noChoice: boolean;
  hasPlan: boolean;
  review: ReviewStatus;
  /** When the student last chatted (their session's last turn). */
  lastActivity?: string;
}

export async function studentRow(store: Store, key: string, fw: FrameworkIndex, policy: ReviewPolicy, now: Date): Promise<StudentRow> {
  const [profile, plan, session] = await Promise.all([
    store.get<Profile>('profiles', key),
    store.get<Plan>('plans', key),
    store.get<Session>('sessions', key),
  ]);
  const c = profile?.choice;
  return {
    key,
    ...(profile?.displayName?.trim() ? { name: profile.displayName.trim() } : {}),
    ...(profile?.grade !== undefined ? { grade: profile.grade } : {}),
    ...(c?.pathId ? { path: fw.path(c.pathId)?.name ?? c.pathId } : {}),
    ...(c?.clusterId ? { cluster: fw.cluster(c.clusterId)?.name ?? c.clusterId } : {}),
    ...(c?.pathwayId ? { pathway: fw.pathway(c.pathwayId)?.name ?? c.pathwayId } : {}),
    noChoice: !c?.pathId,
    hasPlan: plan !== undefined && (plan.versions?.length ?? 0) > 0,
    review: reviewStatus(plan, policy, now),
    ...(session?.updatedAt ? { lastActivity: session.updatedAt } : {}),
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
