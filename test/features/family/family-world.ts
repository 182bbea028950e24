/**
 * A store with students, family members and their links written directly (the records the code
 * entry writes), and chats against the real engine with a fixed clock.
 */
import type { AuditEntry, FamilyLinks, StudentLinks } from '../../../src/domain/people.js';
import type { Plan } from '../../../src/domain/plan/index.js';
import type { Profile, Role } from '../../../src/domain/profile.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import { newChat, type TestChat } from '../../helpers/test-app.js';

/** 1 Oct 2026: the fall review window (15 Sep - 15 Nov) is open. */
export const NOW = new Date('2026-10-01T15:00:00.000Z');

export class FamilyWorld {
  readonly store = new MemoryStore();

  async person(user: string, role: Role, opts: { grade?: number; name?: string } = {}): Promise<string> {
    const key = `console:${user}`;
    const at = '2026-08-15T15:00:00.000Z';
    const profile: Profile = {
      userKey: key,
      role,
      ...(opts.grade !== undefined ? { grade: opts.grade, gradeSetAt: at } : {}),
      ...(opts.name ? { displayName: opts.name } : {}),
      choiceHistory: [],
      createdAt: at,
      lastActiveAt: at,
    };
    await this.store.put('profiles', key, profile);
    return key;
  }

  student(user: string, grade: number, name: string, plan?: Plan): Promise<string> {
    return this.person(user, 'student', { grade, name }).then(async (key) => {
      if (plan) await this.store.put('plans', key, plan);
      return key;
    });
  }

  /** Links a family member to students, on both sides, as redeeming a family code does. */
  async link(familyUser: string, ...studentKeys: string[]): Promise<void> {
    const familyKey = `console:${familyUser}`;
    const at = NOW.toISOString();
    await this.store.put<FamilyLinks>('family-links', familyKey, { familyKey, studentKeys, updatedAt: at });
    for (const studentKey of studentKeys) {
      await this.store.put<StudentLinks>('student-links', studentKey, { studentKey, counselorKeys: [], familyKeys: [familyKey], updatedAt: at });
    }
  }

  chat(user: string): Promise<TestChat> {
    return newChat({ store: this.store, user, now: () => NOW });
  }

  async audit(): Promise<AuditEntry[]> {
    return (await this.store.list<AuditEntry>('audit')).map((r) => r.value);
  }
}
