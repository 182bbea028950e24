/**
 * What a counselor sees about one student beyond the record itself: meetings this school year,
 * the last reminder, counselor notes (only counselors ever see them), the plan's sign-off, what's
 * due for the student this year (the families' "what's due", told about the student), and the
 * next steps as buttons.
 */
import { whatsDue } from '../../domain/family/index.js';
import { text, type Reply } from '../../domain/messages.js';
import type { Plan } from '../../domain/plan/index.js';
import type { TurnContext } from '../../engine/command.js';
import { t } from '../../i18n/t.js';
import { loadStudentFacts } from '../family/student-facts.js';
import type { StudentRow } from './caseload-rows.js';
import type { CounselorDeps } from './counselor-deps.js';
import { meetingRecord } from './meeting-records.js';
import { WHICH_Q } from './my-students.js';
import { signatureLine } from '../../domain/plan-signatures.js';
import { currentSignatures } from '../../domain/meetings.js';
import { dateWords } from '../../i18n/date-words.js';

const NOTES_SHOWN = 3;

export async function counselorExtras(ctx: TurnContext, deps: CounselorDeps, row: StudentRow, plan?: Plan): Promise<Reply[]> {
  const record = await meetingRecord(ctx.records.store, row.key);
  const out: Reply[] = [];
  const said = [
    row.meetingsThisYear === 0 ? t('counselor.extras.noMeetings') : t('counselor.extras.meetings', { n: row.meetingsThisYear, last: dateWords(row.lastMeetingAt!) }),
    ...(row.metThisWindow ? [t('counselor.extras.metThisWindow')] : []),
    ...(row.lastReminderAt ? [t('counselor.extras.lastReminder', { date: dateWords(row.lastReminderAt) })] : []),
    t(row.familyLinked ? 'counselor.extras.familyLinked' : 'counselor.extras.familyNotLinked'),
  ];
  out.push(text(said.join(' ')));
  const version = plan?.versions[plan.versions.length - 1]?.number;
  if (version !== undefined) out.push(text(signatureLine(record, version)));
  // Signing is offered until the counselor has signed this version of the plan.
  const canSign = version !== undefined && !currentSignatures(record, version).counselor;
  const notes = record?.notes ?? [];
  if (notes.length > 0) {
    const shown = notes.slice(-NOTES_SHOWN).map((n) => `- ${dateWords(n.at)}: ${n.text}`);
    out.push(text([t('counselor.extras.notes', { n: notes.length }), ...shown].join('\n')));
  }
  if (deps.gradeActions && row.grade !== undefined) {
    const facts = await loadStudentFacts(ctx.records.store, row.key, await deps.reviewPolicy(), ctx.now);
    const due = whatsDue({
      grade: row.grade,
      gradeActions: deps.gradeActions,
      audience: 'family',
      ...(facts.plan ? { plan: facts.plan } : {}),
      ...(facts.review ? { reviewInfo: facts.review } : {}),
      ...(facts.name ? { studentName: facts.name } : {}),
    });
    // Where the student stands this year; the family's to-do list ("ask your child to...") is not for counselors.
    out.push(...due.filter((r) => r.kind === 'text').slice(0, 1));
  }
  out.push({
    kind: 'question',
    questionId: WHICH_Q,
    text: t('counselor.whatNext'),
    optional: true,
    choices: [
      ...(plan ? [{ id: `plan:${row.key}`, label: t('counselor.extras.seePlan') }] : []),
      { id: `met:${row.key}`, label: t('counselor.extras.metToday') },
      ...(canSign ? [{ id: `sign:${row.key}`, label: t('counselor.extras.signPlan') }] : []),
      { id: `remind:${row.key}`, label: t('counselor.list.remindThese', { count: 1 }) },
    ],
  });
  return out;
}
