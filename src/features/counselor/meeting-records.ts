/**
 * Writes to a student's meeting record (collection "meetings"): a counselor meeting for the
 * current review window, a counselor note, a signature on the plan. Each write is audited (ids
 * only, never the note's words).
 */
import { emptyMeetingRecord, MAX_NOTE_LENGTH, MEETINGS, windowForMeeting, type Meeting, type MeetingRecord, type Signer } from '../../domain/meetings.js';
import { localParts, schoolCalendar, type ReviewPolicy } from '../../domain/reminders/index.js';
import type { Store } from '../../store/store.js';
import { audit } from '../people/audit.js';
import { serialised } from '../people/serialised.js';
import { forgetRow } from './caseload-row-cache.js';

async function change(store: Store, studentKey: string, now: Date, edit: (r: MeetingRecord) => MeetingRecord): Promise<MeetingRecord> {
  return serialised(store, `meetings:${studentKey}`, async () => {
    const at = now.toISOString();
    const before = (await store.get<MeetingRecord>(MEETINGS, studentKey)) ?? emptyMeetingRecord(studentKey, at);
    const next = { ...edit(before), updatedAt: at };
    await store.put<MeetingRecord>(MEETINGS, studentKey, next);
    forgetRow(store, studentKey);
    return next;
  });
}

/**
 * Records a counselor meeting now, for the window open now (or the last one closed this year). A second record of the same counselor and
 * student on the same local day is the same meeting said twice ("met with sam", then "record that
 * i met with sam"): it is kept once, and `added` is false.
 */
export async function recordMeeting(store: Store, o: { studentKey: string; by: string; now: Date; policy: ReviewPolicy }): Promise<{ meeting: Meeting; added: boolean }> {
  const calendar = schoolCalendar(o.policy, o.now);
  const window = windowForMeeting(calendar, o.now.getTime());
  const meeting: Meeting = { at: o.now.toISOString(), by: o.by, schoolYear: calendar.schoolYear, ...(window ? { windowId: window.id } : {}) };
  const today = localDay(o.now.getTime(), o.policy.timeZone);
  let earlier: Meeting | undefined;
  await change(store, o.studentKey, o.now, (r) => {
    earlier = r.meetings.find((m) => m.by === o.by && localDay(Date.parse(m.at), o.policy.timeZone) === today);
    return earlier ? r : { ...r, meetings: [...r.meetings, meeting] };
  });
  if (earlier) return { meeting: earlier, added: false };
  await audit(store, { at: meeting.at, by: o.by, action: 'meeting-recorded', subject: o.studentKey });
  return { meeting, added: true };
}

const localDay = (instant: number, timeZone: string): string => {
  const d = localParts(instant, timeZone);
  return `${d.year}-${d.month}-${d.day}`;
};

/** A note as stored: control characters and extra spaces removed, at most MAX_NOTE_LENGTH characters. */
export function cleanNote(raw: string): string {
  return raw
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_NOTE_LENGTH);
}

export async function addNote(store: Store, o: { studentKey: string; by: string; now: Date; text: string }): Promise<void> {
  const note = { at: o.now.toISOString(), by: o.by, text: cleanNote(o.text) };
  await change(store, o.studentKey, o.now, (r) => ({ ...r, notes: [...r.notes, note] }));
  await audit(store, { at: note.at, by: o.by, action: 'note-added', subject: o.studentKey });
}

export async function addSignature(store: Store, o: { studentKey: string; by: string; now: Date; role: Signer; planVersion: number }): Promise<MeetingRecord> {
  const at = o.now.toISOString();
  const record = await change(store, o.studentKey, o.now, (r) => ({ ...r, signatures: [...r.signatures, { role: o.role, by: o.by, at, planVersion: o.planVersion }] }));
  await audit(store, { at, by: o.by, action: 'plan-signed', subject: o.studentKey });
  return record;
}

export function meetingRecord(store: Store, studentKey: string): Promise<MeetingRecord | undefined> {
  return store.get<MeetingRecord>(MEETINGS, studentKey);
}
