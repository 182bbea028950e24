/**
 * The home summary for family members (their linked students) and counselors (their caseload in
 * numbers). Only linked students and the counselor's own caseload are ever read.
 */
import { firstName } from '../../domain/family/index.js';
import { gradeLabel } from '../../domain/grade.js';
import type { CardField, CardReply, Choice } from '../../domain/messages.js';
import { studentRows } from '../counselor/caseload-rows.js';
import { countCaseload } from '../counselor/caseload-summary.js';
import { caseloadOf, counselorRecord, linkedStudents } from '../people/links.js';
import { capital, type HomeDeps, HOME_Q, nextCheckIn } from './home-facts.js';

/** A card has room for this many students; the rest are in "What's due this year". */
const MAX_STUDENTS = 8;

export async function familyHome(deps: HomeDeps, userKey: string, now: Date): Promise<CardReply> {
  const store = deps.records.store;
  const keys = await linkedStudents(store, userKey);
  if (keys.length === 0) {
    const value = 'Not linked to a student yet. Ask your student to say "invite my family" to me, then type their code in Messages.';
    return card('Waypoint for families', [{ label: 'Your students', value }], [{ id: 'link-student', label: 'Link to my student' }]);
  }
  const rows = await studentRows(store, keys.slice(0, MAX_STUDENTS), deps.framework, deps.reviewPolicy, now);
  const fields: CardField[] = rows.map((r, i) => ({
    label: firstName(r.name) ?? (rows.length === 1 ? 'Your student' : `Student ${i + 1}`),
    value: [
      r.grade !== undefined ? capital(gradeLabel(r.grade)) : 'Grade not set yet',
      r.pathway ? `Career Pathway: ${r.pathway}` : 'No Career Pathway chosen yet',
      r.hasPlan ? `Next plan check-in: ${nextCheckIn(r.review)}` : 'No plan yet',
    ].join('\n'),
  }));
  if (keys.length > MAX_STUDENTS) fields.push({ label: 'And more', value: `${keys.length - MAX_STUDENTS} more: ask me "what's due" in Messages.` });
  return card('Waypoint for families', fields, [{ id: 'whats-due', label: "What's due this year" }]);
}

export async function counselorHome(deps: HomeDeps, userKey: string, now: Date): Promise<CardReply> {
  const store = deps.records.store;
  if (!(await counselorRecord(store, userKey))) {
    return card('Your caseload', [{ label: 'Access', value: "Your counselor access isn't set up yet. Please ask your school's Waypoint admin." }], []);
  }
  const keys = await caseloadOf(store, userKey);
  if (keys.length === 0) {
    const value = 'No students on your list yet. Say "new class code" in Messages to get a code your students can type to join.';
    return card('Your caseload', [{ label: 'Students', value }], [{ id: 'new-class-code', label: 'New class code' }]);
  }
  const counts = countCaseload(await studentRows(store, keys, deps.framework, deps.reviewPolicy, now), now);
  const fields: CardField[] = [
    { label: 'Students', value: String(counts.students) },
    { label: 'No plan yet', value: String(counts.noPlan) },
    { label: `Not reviewed this school year${counts.schoolYear ? ` (${counts.schoolYear})` : ''}`, value: String(counts.noReview) },
    { label: 'Overdue for a review', value: String(counts.overdue) },
    { label: 'No Path, Cluster or Pathway yet', value: String(counts.noChoice) },
  ];
  return card('Your caseload', fields, [{ id: 'caseload', label: 'My caseload' }]);
}

function card(title: string, fields: CardField[], actions: Choice[]): CardReply {
  return {
    kind: 'card',
    title,
    fields,
    text: [title, ...fields.map((f) => `${f.label}: ${f.value}`)].join('. '),
    ...(actions.length > 0 ? { questionId: HOME_Q, actions } : {}),
  };
}
