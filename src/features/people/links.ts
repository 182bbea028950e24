/**
 * The link records and the access check everyone uses. A family link is kept on both sides
 * ("family-links" for the family member, "student-links" for the student); a caseload on both
 * sides too ("caseloads" and "student-links"). Every link and unlink is audited.
 *
 * For other features: `canSee(store, viewer, studentKey)` answers the access rule, and
 * `checkAccess(ctx, studentKey)` also says the polite "I can't share that" and audits a denial.
 */
import { atOtherSchool, maySee, type Viewer, type ViewerLinks } from '../../domain/access.js';
import { text } from '../../domain/messages.js';
import type { Caseload, CounselorRecord, FamilyLinks, StudentLinks } from '../../domain/people.js';
import type { Profile } from '../../domain/profile.js';
import type { TurnContext } from '../../engine/command.js';
import { t } from '../../i18n/t.js';
import type { Store } from '../../store/store.js';
import { audit } from './audit.js';
import { serialised } from './serialised.js';

export const FAMILY_LINKS = 'family-links';
export const STUDENT_LINKS = 'student-links';
export const CASELOADS = 'caseloads';
export const COUNSELORS = 'counselors';

/** The students a family member is linked to (user keys, in the order they were linked). */
export async function linkedStudents(store: Store, familyKey: string): Promise<string[]> {
  return (await store.get<FamilyLinks>(FAMILY_LINKS, familyKey))?.studentKeys ?? [];
}

/** The family members linked to a student. */
export async function linkedFamily(store: Store, studentKey: string): Promise<string[]> {
  return (await store.get<StudentLinks>(STUDENT_LINKS, studentKey))?.familyKeys ?? [];
}

/** The counselor's record when an admin has authorised them. */
export function counselorRecord(store: Store, userKey: string): Promise<CounselorRecord | undefined> {
  return store.get<CounselorRecord>(COUNSELORS, userKey);
}

/**
 * The students on a counselor's caseload (empty when they are not an authorised counselor), never
 * one known to be at another school. Reads the students' schools from the facts index when the
 * store keeps one (as the app runs), so a caseload of 400 costs no file reads.
 */
export async function caseloadOf(store: Store, counselorKey: string): Promise<string[]> {
  const record = await counselorRecord(store, counselorKey);
  if (!record) return [];
  const keys = (await store.get<Caseload>(CASELOADS, counselorKey))?.studentKeys ?? [];
  const schools = await schoolsOf(store, keys);
  return keys.filter((k, i) => !atOtherSchool(record.school, schools[i]));
}

type WithFacts = Store & { facts(): Promise<{ studentLinks: ReadonlyMap<string, { school?: string }> }> };
const hasFacts = (s: Store): s is WithFacts => typeof (s as { facts?: unknown }).facts === 'function';

async function schoolsOf(store: Store, keys: string[]): Promise<(string | undefined)[]> {
  if (hasFacts(store)) {
    const links = (await store.facts()).studentLinks;
    return keys.map((k) => links.get(k)?.school);
  }
  return Promise.all(keys.map((k) => studentSchool(store, k)));
}

/** What the viewer is connected to, for the access rule. */
export async function viewerLinks(store: Store, viewer: Viewer): Promise<ViewerLinks> {
  if (viewer.role === 'family') {
    return { linkedStudents: await linkedStudents(store, viewer.key), caseload: [], authorisedCounselor: false };
  }
  if (viewer.role === 'counselor') {
    const record = await counselorRecord(store, viewer.key);
    // Without students known to be at another school (so a name never even matches them).
    const caseload = record ? await caseloadOf(store, viewer.key) : [];
    return { linkedStudents: [], caseload, authorisedCounselor: record !== undefined, ...(record ? { school: record.school } : {}) };
  }
  return { linkedStudents: [], caseload: [], authorisedCounselor: false };
}

/**
 * Whether the viewer may see this student. `viewer` is a user key (its profile gives the role)
 * or a key and role you already have.
 */
export async function canSee(store: Store, viewer: string | Viewer, studentKey: string): Promise<boolean> {
  const v: Viewer =
    typeof viewer === 'string' ? { key: viewer, role: (await store.get<Profile>('profiles', viewer))?.role } : viewer;
  const links = await viewerLinks(store, v);
  // The school matters only for a counselor who has the student on their caseload.
  const school = v.role === 'counselor' && links.caseload.includes(studentKey) ? await studentSchool(store, studentKey) : undefined;
  return maySee(v, studentKey, links, school ? { school } : {});
}

/** The student's school, when known (set when they join a counselor). */
export async function studentSchool(store: Store, studentKey: string): Promise<string | undefined> {
  return (await store.get<StudentLinks>(STUDENT_LINKS, studentKey))?.school;
}

/** Who is asking, as the access rule sees them. */
export function viewerOf(ctx: TurnContext): Viewer {
  return { key: ctx.userKey, role: ctx.profile()?.role };
}

/** Optional logger for denials (ids only). */
export interface DenialLogger {
  warn(obj: object, msg: string): void;
}

/**
 * Says "I can't share that", logs and audits the attempt (ids only). Use for every refusal so
 * each one reads the same.
 */
export async function denyAccess(ctx: TurnContext, studentKey: string | undefined, logger?: DenialLogger): Promise<void> {
  ctx.say(text(t('people.cantShare')));
  logger?.warn({ user: ctx.userKey, target: studentKey }, 'access denied');
  await audit(ctx.records.store, {
    at: ctx.now.toISOString(),
    by: ctx.userKey,
    action: 'access-denied',
    subject: ctx.userKey,
    ...(studentKey ? { target: studentKey } : {}),
  });
}

/**
 * The access check for a turn: true when the user may see `studentKey`; otherwise says "I can't
 * share that", logs and audits it, and returns false.
 */
export async function checkAccess(ctx: TurnContext, studentKey: string, logger?: DenialLogger): Promise<boolean> {
  if (await canSee(ctx.records.store, viewerOf(ctx), studentKey)) return true;
  await denyAccess(ctx, studentKey, logger);
  return false;
}

const addKey = (keys: string[] | undefined, key: string) => (keys?.includes(key) ? keys : [...(keys ?? []), key]);
const dropKey = (keys: string[] | undefined, key: string) => (keys ?? []).filter((k) => k !== key);

async function updateStudentLinks(store: Store, studentKey: string, at: string, change: (l: StudentLinks) => StudentLinks): Promise<void> {
  const before = (await store.get<StudentLinks>(STUDENT_LINKS, studentKey)) ?? { studentKey, counselorKeys: [], familyKeys: [], updatedAt: at };
  await store.put<StudentLinks>(STUDENT_LINKS, studentKey, { ...change(before), updatedAt: at });
}

export interface LinkChange {
  studentKey: string;
  /** The family member's or counselor's user key. */
  otherKey: string;
  /** Who made the change (user key, or "admin-cli"). */
  by: string;
  now: Date;
}

/** Links a family member to a student (both sides) and audits it. Linking twice changes nothing. */
export function linkFamily(store: Store, c: LinkChange): Promise<void> {
  return serialised(store, 'links', async () => {
    const at = c.now.toISOString();
    const fam = await store.get<FamilyLinks>(FAMILY_LINKS, c.otherKey);
    await store.put<FamilyLinks>(FAMILY_LINKS, c.otherKey, { familyKey: c.otherKey, studentKeys: addKey(fam?.studentKeys, c.studentKey), updatedAt: at });
    await updateStudentLinks(store, c.studentKey, at, (l) => ({ ...l, familyKeys: addKey(l.familyKeys, c.otherKey) }));
    await audit(store, { at, by: c.by, action: 'family-linked', subject: c.studentKey, target: c.otherKey });
  });
}

/** Removes a family link (both sides) and audits it. False when there was no such link. */
export function unlinkFamily(store: Store, c: LinkChange): Promise<boolean> {
  return serialised(store, 'links', async () => {
    const at = c.now.toISOString();
    const fam = await store.get<FamilyLinks>(FAMILY_LINKS, c.otherKey);
    const student = await store.get<StudentLinks>(STUDENT_LINKS, c.studentKey);
    const existed = Boolean(fam?.studentKeys.includes(c.studentKey) || student?.familyKeys.includes(c.otherKey));
    if (!existed) return false;
    if (fam) await store.put<FamilyLinks>(FAMILY_LINKS, c.otherKey, { ...fam, studentKeys: dropKey(fam.studentKeys, c.studentKey), updatedAt: at });
    await updateStudentLinks(store, c.studentKey, at, (l) => ({ ...l, familyKeys: dropKey(l.familyKeys, c.otherKey) }));
    await audit(store, { at, by: c.by, action: 'family-unlinked', subject: c.studentKey, target: c.otherKey });
    return true;
  });
}

/**
 * Puts a student on a counselor's caseload (both sides) and audits it. False when already there.
 * With `school` (the counselor's), the student is now known to be at that school, and counselors
 * at another school lose them (a student who moved).
 */
export function addToCaseload(store: Store, c: LinkChange & { school?: string }): Promise<boolean> {
  return serialised(store, 'links', async () => {
    const at = c.now.toISOString();
    if (c.school) await moveToSchool(store, c.studentKey, c.school, c.by, c.now);
    const load = await store.get<Caseload>(CASELOADS, c.otherKey);
    if (load?.studentKeys.includes(c.studentKey)) return false;
    await store.put<Caseload>(CASELOADS, c.otherKey, { counselorKey: c.otherKey, studentKeys: addKey(load?.studentKeys, c.studentKey), updatedAt: at });
    await updateStudentLinks(store, c.studentKey, at, (l) => ({ ...l, counselorKeys: addKey(l.counselorKeys, c.otherKey) }));
    await audit(store, { at, by: c.by, action: 'caseload-added', subject: c.studentKey, target: c.otherKey });
    return true;
  });
}

/** Takes a student off a counselor's caseload (both sides) and audits it. False when not there. */
export function removeFromCaseload(store: Store, c: LinkChange): Promise<boolean> {
  return serialised(store, 'links', async () => {
    const at = c.now.toISOString();
    const load = await store.get<Caseload>(CASELOADS, c.otherKey);
    if (!load?.studentKeys.includes(c.studentKey)) return false;
    await store.put<Caseload>(CASELOADS, c.otherKey, { ...load, studentKeys: dropKey(load.studentKeys, c.studentKey), updatedAt: at });
    await updateStudentLinks(store, c.studentKey, at, (l) => ({ ...l, counselorKeys: dropKey(l.counselorKeys, c.otherKey) }));
    await audit(store, { at, by: c.by, action: 'caseload-removed', subject: c.studentKey, target: c.otherKey });
    return true;
  });
}

/** Records the student's school and takes them off the caseloads of counselors at other schools (inside `serialised`). */
async function moveToSchool(store: Store, studentKey: string, school: string, by: string, now: Date): Promise<void> {
  const at = now.toISOString();
  const links = await store.get<StudentLinks>(STUDENT_LINKS, studentKey);
  if (links?.school === school) return;
  const keep: string[] = [];
  for (const counselorKey of links?.counselorKeys ?? []) {
    const record = await counselorRecord(store, counselorKey);
    if (!atOtherSchool(record?.school, school)) {
      keep.push(counselorKey);
      continue;
    }
    const load = await store.get<Caseload>(CASELOADS, counselorKey);
    if (load) await store.put<Caseload>(CASELOADS, counselorKey, { ...load, studentKeys: dropKey(load.studentKeys, studentKey), updatedAt: at });
    await audit(store, { at, by, action: 'caseload-removed', subject: studentKey, target: counselorKey, school });
  }
  await updateStudentLinks(store, studentKey, at, (l) => ({ ...l, counselorKeys: keep, school }));
}
