/**
 * A student as a family member meets them: a real drafted Plan of Study (the pathway's usual
 * classes, by grade), a name and a grade, and a counselor at their school who has them on the
 * caseload. For the family conversation tests in every channel.
 */
import { draftPlan, type Plan } from '../../src/domain/plan/index.js';
import type { Profile } from '../../src/domain/profile.js';
import { addCounselor } from '../../src/features/people/admin-cli.js';
import { addToCaseload } from '../../src/features/people/links.js';
import type { Store } from '../../src/store/store.js';
import { framework, loadPlanData } from '../domain/plan/plan-fixtures.js';
import { schoolNamesIn } from './spanish.js';

export interface StudentWithPlan {
  plan: Plan;
  /** The school's own names of the classes and activities in the plan (said as they are, in any language). */
  schoolNames: string[];
}

/** Gives `studentKey` (already a student) a name, a grade, a drafted plan and `counselorKey` as counselor. */
export async function studentWithPlan(
  store: Store,
  o: { studentKey: string; name: string; grade: number; counselorKey: string; counselorName: string; school: string; now: Date },
): Promise<StudentWithPlan> {
  const at = o.now.toISOString();
  const profile = await store.get<Profile>('profiles', o.studentKey);
  await store.put<Profile>('profiles', o.studentKey, {
    ...(profile ?? { userKey: o.studentKey, choiceHistory: [], createdAt: at, lastActiveAt: at }),
    role: 'student',
    displayName: o.name,
    grade: o.grade,
    gradeSetAt: at,
  });
  const pathway = framework.clusters[0]!.pathways[0]!;
  const plan = draftPlan({ framework, data: await loadPlanData(), pathwayId: pathway.id, currentGrade: o.grade, now: at, by: o.studentKey });
  await store.put('plans', o.studentKey, plan);
  await addCounselor(store, o.counselorKey, o.school, o.now, o.counselorName);
  await addToCaseload(store, { studentKey: o.studentKey, otherKey: o.counselorKey, by: 'admin-cli', now: o.now, school: o.school });
  return { plan, schoolNames: schoolNamesIn(plan) };
}
