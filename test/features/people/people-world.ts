/**
 * Several people chatting with one engine on one store, with a clock the test moves, the
 * terminal's outbox sender (or a given sender list) and a temp export folder.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEngine } from '../../../src/app/create-engine.js';
import { ConsoleSender } from '../../../src/channels/console/console-sender.js';
import type { ProactiveSender, Reply } from '../../../src/domain/messages.js';
import type { OutboxRecord } from '../../../src/domain/people.js';
import { addCounselor } from '../../../src/features/people/admin-cli.js';
import { addToCaseload, counselorRecord } from '../../../src/features/people/links.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import { Records } from '../../../src/store/records.js';
import type { Store } from '../../../src/store/store.js';
import { appData, TestChat } from '../../helpers/test-app.js';
import { draftPlan, recordReview, type Plan } from '../../../src/domain/plan/index.js';
import type { Profile } from '../../../src/domain/profile.js';
import { framework as planFramework, loadPlanData } from '../../domain/plan/plan-fixtures.js';

export const DAY = 24 * 60 * 60 * 1000;

export async function newWorld(opts: { store?: Store; start?: string; senders?: (store: Store, now: () => Date) => ProactiveSender[]; safetyAlerts?: boolean } = {}) {
  const store = opts.store ?? new MemoryStore();
  let clock = new Date(opts.start ?? '2026-11-23T15:00:00.000Z');
  const now = () => clock;
  const exportDir = await mkdtemp(path.join(tmpdir(), 'waypoint-people-'));
  const senders = opts.senders ? opts.senders(store, now) : [new ConsoleSender(store, now)];
  const engine = createEngine({ records: new Records(store), data: await appData(), now, exportDir, senders, safetyAlerts: opts.safetyAlerts ?? false });
  const chats = new Map<string, TestChat>();
  const chat = (user: string) => {
    let c = chats.get(user);
    if (!c) chats.set(user, (c = new TestChat(engine, store, user)));
    return c;
  };
  return {
    store,
    exportDir,
    chat,
    now,
    advance: (ms: number) => (clock = new Date(clock.getTime() + ms)),
    /** Messages waiting in a terminal user's outbox. */
    outbox: async (user: string): Promise<Reply[]> =>
      ((await store.get<OutboxRecord>('outbox', `console:${user}`))?.messages ?? []).flatMap((m) => m.replies),
    /** A student who said who they are and their grade (then stopped the interest questions). */
    student: async (user: string, grade = 9) => {
      const c = chat(user);
      await c.say('hi');
      await c.press('onboarding:role', 'student');
      await c.press('onboarding:grade', `g${grade}`);
      await c.say('stop');
      return c;
    },
    /** A family member who said who they are and has no code yet. */
    family: async (user: string) => {
      const c = chat(user);
      await c.say('hi');
      await c.press('onboarding:role', 'family');
      await c.press('onboarding:family-code', 'no-code');
      return c;
    },
    /** The admin puts a student (user key, or a terminal user's name) on a counselor's caseload, at the counselor's school. */
    assign: async (counselor: string, student: string) => {
      const counselorKey = counselor.includes(':') ? counselor : `console:${counselor}`;
      const school = (await counselorRecord(store, counselorKey))?.school;
      const studentKey = student.includes(':') ? student : `console:${student}`;
      await addToCaseload(store, { studentKey, otherKey: counselorKey, by: 'admin-cli', now: clock, ...(school ? { school } : {}) });
    },
    /** A counselor authorised the way the admin CLI does it. */
    counselor: async (user: string, school = 'Lincoln High') => {
      await addCounselor(store, `console:${user}`, school, clock);
      return chat(user);
    },
  };
}

export type World = Awaited<ReturnType<typeof newWorld>>;

/** The code in a reply like "Your family code: KX7M-4PQR". */
/** The student asks to invite their family and gets a one-time code. */
export async function familyCodeFrom(student: { say(text: string): Promise<unknown>; text(): string }): Promise<string> {
  await student.say('invite my family');
  return codeIn(student.text());
}

export function codeIn(text: string): string {
  const m = /code: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(text);
  if (!m) throw new Error(`no code in: ${text}`);
  return m[1]!;
}


/** Saves a real drafted plan for a student, drafted at `draftedAt`, with reviews at `reviews`. */
export async function savePlan(store: Store, studentKey: string, draftedAt: string, reviews: string[] = []): Promise<Plan> {
  const pathway = planFramework.clusters[0]!.pathways[0]!;
  let plan = draftPlan({ framework: planFramework, data: await loadPlanData(), pathwayId: pathway.id, currentGrade: 9, now: draftedAt, by: studentKey });
  for (const at of reviews) plan = recordReview(plan, { now: at, by: 'console:rivera' });
  await store.put('plans', studentKey, plan);
  return plan;
}

/** Sets a name and a chosen path/cluster/pathway on a stored profile. */
export async function setChoice(store: Store, key: string, name?: string): Promise<void> {
  const p = (await store.get<Profile>('profiles', key))!;
  const cluster = planFramework.clusters[0]!;
  const choice = { pathId: planFramework.paths.find((x) => x.clusterIds.includes(cluster.id))!.id, clusterId: cluster.id, pathwayId: cluster.pathways[0]!.id, chosenAt: '2026-09-01T00:00:00.000Z' };
  await store.put('profiles', key, { ...p, choice, ...(name ? { displayName: name } : {}) });
}
