/**
 * A counselor's request to add a student to their caseload: nothing changes until the student
 * (or the admin) says yes. Never for a student at another school. Records: "caseload-requests"
 * (one per request) and "caseload-asks" (per student: the requests still waiting).
 */
import { atOtherSchool } from '../../domain/access.js';
import { CODE_ALPHABET, type RandomInt } from '../../domain/codes.js';
import type { CaseloadAsks, CaseloadRequest } from '../../domain/people.js';
import type { Profile } from '../../domain/profile.js';
import type { Store } from '../../store/store.js';
import { audit } from './audit.js';
import { addToCaseload, caseloadOf, counselorRecord, studentSchool } from './links.js';
import { serialised } from './serialised.js';

export const CASELOAD_REQUESTS = 'caseload-requests';
export const CASELOAD_ASKS = 'caseload-asks';

export type RequestResult =
  | { kind: 'requested'; request: CaseloadRequest }
  | { kind: 'already-waiting'; request: CaseloadRequest }
  | { kind: 'already-on' | 'other-school' | 'not-student' | 'not-counselor' };

function newRequestId(randomInt: RandomInt): string {
  let id = 'R-';
  for (let i = 0; i < 6; i++) id += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]!;
  return id;
}

/** The requests still waiting for this student's answer, oldest first. */
export async function waitingFor(store: Store, studentKey: string): Promise<CaseloadRequest[]> {
  const ids = (await store.get<CaseloadAsks>(CASELOAD_ASKS, studentKey))?.requestIds ?? [];
  const all = await Promise.all(ids.map((id) => store.get<CaseloadRequest>(CASELOAD_REQUESTS, id)));
  return all.filter((r): r is CaseloadRequest => r?.state === 'waiting');
}

/** A counselor asks to add a student. Audited; the caller asks the student. */
export function requestCaseload(store: Store, counselorKey: string, studentKey: string, now: Date, randomInt: RandomInt): Promise<RequestResult> {
  return serialised(store, 'caseload-requests', async () => {
    const counselor = await counselorRecord(store, counselorKey);
    if (!counselor) return { kind: 'not-counselor' };
    const profile = await store.get<Profile>('profiles', studentKey);
    if (profile && profile.role !== 'student') return { kind: 'not-student' };
    if (atOtherSchool(counselor.school, await studentSchool(store, studentKey))) return { kind: 'other-school' };
    if ((await caseloadOf(store, counselorKey)).includes(studentKey)) return { kind: 'already-on' };
    const same = (await waitingFor(store, studentKey)).find((r) => r.counselorKey === counselorKey);
    if (same) return { kind: 'already-waiting', request: same };
    let id = newRequestId(randomInt);
    while (await store.get(CASELOAD_REQUESTS, id)) id = newRequestId(randomInt);
    const at = now.toISOString();
    const request: CaseloadRequest = { id, counselorKey, studentKey, school: counselor.school, at, state: 'waiting' };
    await store.put<CaseloadRequest>(CASELOAD_REQUESTS, id, request);
    const asks = (await store.get<CaseloadAsks>(CASELOAD_ASKS, studentKey))?.requestIds ?? [];
    await store.put<CaseloadAsks>(CASELOAD_ASKS, studentKey, { studentKey, requestIds: [...asks, id] });
    await audit(store, { at, by: counselorKey, action: 'caseload-requested', subject: studentKey, target: counselorKey, request: id });
    return { kind: 'requested', request };
  });
}

export async function markAsked(store: Store, request: CaseloadRequest, now: Date): Promise<void> {
  const current = await store.get<CaseloadRequest>(CASELOAD_REQUESTS, request.id);
  if (current?.state === 'waiting' && !current.askedAt) await store.put<CaseloadRequest>(CASELOAD_REQUESTS, request.id, { ...current, askedAt: now.toISOString() });
}

export type DecideResult =
  | { kind: 'accepted' | 'declined'; request: CaseloadRequest; added: boolean }
  | { kind: 'unknown' }
  | { kind: 'already-decided'; request: CaseloadRequest }
  | { kind: 'counselor-gone'; request: CaseloadRequest };

/** The student (or "admin-cli") says yes or no. A yes puts the student on the caseload, at the counselor's school. */
export function decideRequest(store: Store, id: string, accept: boolean, by: string, now: Date): Promise<DecideResult> {
  return serialised(store, 'caseload-requests', async () => {
    const request = await store.get<CaseloadRequest>(CASELOAD_REQUESTS, id);
    if (!request) return { kind: 'unknown' };
    if (request.state !== 'waiting') return { kind: 'already-decided', request };
    const at = now.toISOString();
    const counselor = accept ? await counselorRecord(store, request.counselorKey) : undefined;
    const gone = accept && !counselor;
    const decided: CaseloadRequest = { ...request, state: accept && !gone ? 'accepted' : 'declined', decidedAt: at, decidedBy: by };
    await store.put<CaseloadRequest>(CASELOAD_REQUESTS, id, decided);
    const asks = (await store.get<CaseloadAsks>(CASELOAD_ASKS, request.studentKey))?.requestIds ?? [];
    const left = asks.filter((r) => r !== id);
    if (left.length > 0) await store.put<CaseloadAsks>(CASELOAD_ASKS, request.studentKey, { studentKey: request.studentKey, requestIds: left });
    else await store.delete(CASELOAD_ASKS, request.studentKey);
    const action = decided.state === 'accepted' ? 'caseload-request-accepted' : 'caseload-request-declined';
    await audit(store, { at, by, action, subject: request.studentKey, target: request.counselorKey, request: id });
    if (gone) return { kind: 'counselor-gone', request: decided };
    if (!accept) return { kind: 'declined', request: decided, added: false };
    const added = await addToCaseload(store, { studentKey: request.studentKey, otherKey: request.counselorKey, by, now, school: counselor!.school });
    return { kind: 'accepted', request: decided, added };
  });
}

/** Every request still waiting (for the admin), oldest first. */
export async function allWaiting(store: Store): Promise<CaseloadRequest[]> {
  const all = (await store.list<CaseloadRequest>(CASELOAD_REQUESTS)).map((r) => r.value);
  return all.filter((r) => r.state === 'waiting').sort((a, b) => a.at.localeCompare(b.at));
}

/** "Ms. Lee" (their shown name) or "A counselor". */
export async function counselorName(store: Store, counselorKey: string): Promise<string | undefined> {
  const record = await counselorRecord(store, counselorKey);
  return record?.displayName?.trim() || (await store.get<Profile>('profiles', counselorKey))?.displayName?.trim() || undefined;
}
