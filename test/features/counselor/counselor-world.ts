/**
 * A counselor with a big caseload, seeded straight into the store (no chats): students with
 * names, grades, some with a chosen pathway and a plan. For search, filter and paging tests.
 */
import type { Caseload, StudentLinks } from '../../../src/domain/people.js';
import type { Profile } from '../../../src/domain/profile.js';
import type { Store } from '../../../src/store/store.js';
import { savePlan, setChoice } from '../people/people-world.js';

export interface SeedStudent {
  id: string;
  name: string;
  grade: number;
  /** Drafted at this time (before the fall window: overdue by late November). */
  planDrafted?: string;
  choice?: boolean;
}

export async function seedCaseload(store: Store, counselorKey: string, students: SeedStudent[], at = '2026-09-01T00:00:00.000Z'): Promise<string[]> {
  const keys: string[] = [];
  for (const s of students) {
    const key = `console:${s.id}`;
    keys.push(key);
    const profile: Profile = { userKey: key, role: 'student', grade: s.grade, displayName: s.name, choiceHistory: [], createdAt: at, lastActiveAt: at };
    await store.put('profiles', key, profile);
    if (s.choice) await setChoice(store, key, s.name);
    if (s.planDrafted) await savePlan(store, key, s.planDrafted);
    await store.put<StudentLinks>('student-links', key, { studentKey: key, counselorKeys: [counselorKey], familyKeys: [], updatedAt: at });
  }
  const before = (await store.get<Caseload>('caseloads', counselorKey))?.studentKeys ?? [];
  await store.put<Caseload>('caseloads', counselorKey, { counselorKey, studentKeys: [...before, ...keys], updatedAt: at });
  return keys;
}

const FIRST = ['Ava', 'Liam', 'Maya', 'Noah', 'Zoe', 'Eli', 'Ivy', 'Owen', 'Luis', 'Nora', 'Kai', 'Ruth', 'Jade', 'Omar', 'Tess', 'Ezra', 'Lena', 'Abel', 'Iris', 'Cole'];
const LAST = ['Garcia', 'Nguyen', 'Smith', 'Patel', 'Brown', 'Lopez', 'Kim', 'Walker', 'Young', 'Hill', 'Reed', 'Diaz', 'Ward', 'Cruz', 'Price', 'Bell', 'Ross', 'Long', 'Hayes', 'Ford'];

/** `n` students spread over grades 9-12; every 3rd has a plan drafted before the fall window; every 2nd chose a pathway. */
export function manyStudents(n: number): SeedStudent[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `s${i}`,
    name: `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i >= 400 ? ` ${i}` : ''}`,
    grade: 9 + (i % 4),
    ...(i % 3 === 0 ? { planDrafted: '2026-08-20T15:00:00.000Z' } : {}),
    choice: i % 2 === 0,
  }));
}
