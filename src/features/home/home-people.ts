/**
 * The home summary for family members (their linked students) and counselors (their caseload in
 * numbers). Only linked students and the counselor's own caseload are ever read.
 */
import { firstName } from '../../domain/family/index.js';
import { gradeLabel } from '../../domain/grade.js';
import type { CardField, CardReply, Choice } from '../../domain/messages.js';
import { frameworkName } from '../../i18n/framework-words.js';
import { t } from '../../i18n/t.js';
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
    return card(t('home.family.title'), [{ label: t('home.family.yourStudents'), value: t('home.family.notLinked') }], [{ id: 'link-student', label: t('home.family.link') }]);
  }
  const rows = await studentRows(store, keys.slice(0, MAX_STUDENTS), deps.framework, deps.reviewPolicy, now);
  const fields: CardField[] = rows.map((r, i) => ({
    label: firstName(r.name) ?? (rows.length === 1 ? t('home.family.yourStudent') : t('home.family.studentN', { n: i + 1 })),
    value: [
      r.grade !== undefined ? capital(gradeLabel(r.grade)) : t('home.family.gradeNotSet'),
      r.pathway ? t('home.family.pathway', { pathway: r.pathwayId ? frameworkName('pathway', r.pathwayId, r.pathway) : r.pathway }) : t('home.family.noPathway'),
      r.hasPlan ? t('home.family.nextCheckIn', { when: nextCheckIn(r.review) }) : t('home.noPlan'),
    ].join('\n'),
  }));
  if (keys.length > MAX_STUDENTS) fields.push({ label: t('home.family.andMore'), value: t('home.family.more', { n: keys.length - MAX_STUDENTS }) });
  return card(t('home.family.title'), fields, [{ id: 'whats-due', label: t('home.family.whatsDue') }]);
}

export async function counselorHome(deps: HomeDeps, userKey: string, now: Date): Promise<CardReply> {
  const store = deps.records.store;
  if (!(await counselorRecord(store, userKey))) {
    return card(t('home.counselor.title'), [{ label: t('home.counselor.access'), value: t('home.counselor.notSetUp') }], []);
  }
  const keys = await caseloadOf(store, userKey);
  if (keys.length === 0) {
    return card(t('home.counselor.title'), [{ label: t('home.counselor.students'), value: t('home.counselor.empty') }], [{ id: 'new-class-code', label: t('home.counselor.newClassCode') }]);
  }
  const counts = countCaseload(await studentRows(store, keys, deps.framework, deps.reviewPolicy, now), now);
  const fields: CardField[] = [
    { label: t('home.counselor.students'), value: String(counts.students) },
    { label: t('home.counselor.noPlan'), value: String(counts.noPlan) },
    { label: counts.schoolYear ? t('home.counselor.notReviewedIn', { year: counts.schoolYear }) : t('home.counselor.notReviewed'), value: String(counts.noReview) },
    { label: t('home.counselor.overdue'), value: String(counts.overdue) },
    { label: t('home.counselor.noChoice'), value: String(counts.noChoice) },
  ];
  return card(t('home.counselor.title'), fields, [{ id: 'caseload', label: t('counselor.menu.caseload') }]);
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
