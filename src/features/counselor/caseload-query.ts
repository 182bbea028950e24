/**
 * What a counselor asks of their list, read from their words: "who is overdue", "show 11th
 * graders", "overdue 12th graders", "how many students have a plan", "who chose manufacturing",
 * "find garcia". Pure: the words in, a query out; rows in, the matching rows out. A query also
 * travels in a button's value ("more", "remind these"), so it has a short text form.
 */
import type { FrameworkIndex } from '../../domain/framework-index.js';
import { gradeLabel } from '../../domain/grade.js';
import { frameworkName } from '../../i18n/framework-words.js';
import { t } from '../../i18n/t.js';
import type { StudentRow } from './caseload-rows.js';
import { findStudents } from './student-search.js';

export type StatusFilter = 'overdue' | 'no-plan' | 'has-plan' | 'no-choice' | 'not-met' | 'met' | 'no-review' | 'no-family';

export interface CaseloadQuery {
  grade?: number;
  status?: StatusFilter;
  /** A chosen Career Pathway, Cluster or Path (framework id). */
  pathwayId?: string;
  clusterId?: string;
  pathId?: string;
  /** Part of a name or an id. */
  name?: string;
}

const GRADE_WORDS: [RegExp, number][] = [
  [/\b(freshm[ae]n|freshmens)\b/, 9],
  [/\bsophomores?\b/, 10],
  [/\bjuniors?\b/, 11],
  [/\bseniors?\b/, 12],
];

const STATUS: [RegExp, StatusFilter][] = [
  [/\b(overdue|behind|late|past due)\b|\batrasad[oa]s?\b/, 'overdue'],
  [/\b(no|without( a)?|dont have( a)?|do not have( a)?|missing( a)?|havent (made|started)( a)?|not started( a)?) plans?\b|\bplan yet\b|\bsin plan(es)?\b|\bno tienen? (un )?plan\b/, 'no-plan'],
  [/\b(no|without( a)?|missing( a)?) (family|parent|parents)( linked)?\b|\b(havent|not) linked\b/, 'no-family'],
  [/\b(not met|havent met|have not met|no meeting|not seen|havent seen|need(s)? a meeting|not had a meeting)\b/, 'not-met'],
  [/\b(met|seen|had a meeting)( this| in the)? (window|fall|spring|semester)\b|\bwho ive met\b/, 'met'],
  [/\b(no (path|paths|cluster|pathway|choice)|not chosen|havent chosen|havent picked|no pathway yet)\b/, 'no-choice'],
  [/\b(no review|not reviewed|havent reviewed|have not reviewed|not done (their|the) review)\b/, 'no-review'],
  [/\b(have|has|with) (a )?plans?\b|\b(tienen|tiene|con) (un )?plan\b/, 'has-plan'],
];

/** Words that ask for the list or shape the sentence, not a name. */
const FILLER = new Set(
  (
    'who whos is are were has have had how many much show list me my all the of in a an students student kids kid ' +
    'graders grader grade find search for look lookup up pull see view open count number total which what with ' +
    'please pls everyone everybody them those ones that do does their there caseload roster on filter by give get ' +
    'chose choose picked pick in into want wants yet so far any ' +
    // Spanish: "los de 11", "los que están atrasados".
    'los las el la de del que quien quienes esta está estan están mis a al para todos estudiantes alumnos cuantos cuántos ver mostrar'
  ).split(' '),
);

function gradeOf(words: string): number | undefined {
  // Spanish too: "11º", "11vo", "grado 11", "los de 11".
  const n = /\b(\d{1,2})(?:st|nd|rd|th)\b|\bgrade (\d{1,2})\b|\b(\d{1,2}) grade|\b(\d{1,2})(?:º|°|(?:ro|do|to|vo|no|mo)\b)|\bgrado (\d{1,2})\b|\blos de (\d{1,2})\b/.exec(words);
  const g = n ? Number(n[1] ?? n[2] ?? n[3] ?? n[4] ?? n[5] ?? n[6]) : undefined;
  if (g !== undefined && g >= 1 && g <= 12) return g;
  return GRADE_WORDS.find(([re]) => re.test(words))?.[1];
}

const plain = (s: string) => s.toLowerCase().replace(/&/g, ' and ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** A chosen pathway, cluster or path named in the words (longest name first). */
function choiceOf(words: string, fw: FrameworkIndex): Pick<CaseloadQuery, 'pathwayId' | 'clusterId' | 'pathId'> & { said?: string } {
  const padded = ` ${words} `;
  const entries = [
    ...fw.pathways.map((p) => ({ key: 'pathwayId' as const, id: p.id, name: plain(p.name) })),
    ...fw.clusters.map((c) => ({ key: 'clusterId' as const, id: c.id, name: plain(c.name) })),
    ...fw.paths.map((p) => ({ key: 'pathId' as const, id: p.id, name: plain(p.name) })),
  ].sort((a, b) => b.name.length - a.name.length);
  const hit = entries.find((e) => e.name.length >= 4 && padded.includes(` ${e.name} `));
  if (hit) return { [hit.key]: hit.id, said: hit.name };
  // One distinctive word of a cluster's name ("manufacturing", "agriculture").
  for (const c of fw.clusters) {
    const first = plain(c.name).split(' ')[0]!;
    if (first.length >= 6 && padded.includes(` ${first} `) && fw.clusters.filter((o) => plain(o.name).startsWith(first)).length === 1) return { clusterId: c.id, said: first };
  }
  return {};
}

/** The query in the counselor's words; `rest` is what was left over (a name, or words we did not read). */
export function readQuery(words: string, fw: FrameworkIndex): CaseloadQuery & { rest: string; counting: boolean } {
  const q: CaseloadQuery = {};
  let left = ` ${words} `;
  const grade = gradeOf(words);
  if (grade !== undefined) {
    q.grade = grade;
    left = left.replace(/\b\d{1,2}(st|nd|rd|th|º|°|ro|do|to|vo|no|mo)?(?=\s)|\bgrade\b|\bgraders?\b|\bgrado\b|\bfreshm[ae]ns?\b|\bsophomores?\b|\bjuniors?\b|\bseniors?\b/g, ' ');
  }
  for (const [re, status] of STATUS) {
    if (re.test(words)) {
      q.status = status;
      left = left.replace(new RegExp(re.source, 'g'), ' ');
      break;
    }
  }
  const choice = choiceOf(words, fw);
  if (choice.said) left = left.replace(` ${choice.said} `, ' ');
  delete choice.said;
  Object.assign(q, choice);
  const rest = left.split(/\s+/).filter((w) => w && !FILLER.has(w)).join(' ');
  return { ...q, rest, counting: /^how many\b|^count\b|^number of\b|^cu[aá]nt[oa]s\b/.test(words) };
}

export function hasFilter(q: CaseloadQuery): boolean {
  return q.grade !== undefined || q.status !== undefined || q.pathwayId !== undefined || q.clusterId !== undefined || q.pathId !== undefined || Boolean(q.name);
}

function statusMatches(r: StudentRow, s: StatusFilter): boolean {
  switch (s) {
    case 'overdue':
      return r.status.code === 'overdue';
    case 'no-plan':
      return !r.hasPlan;
    case 'has-plan':
      return r.hasPlan;
    case 'no-choice':
      return r.noChoice;
    case 'not-met':
      return r.meetingWindow !== undefined && !r.metThisWindow;
    case 'met':
      return r.metThisWindow;
    case 'no-review':
      return r.hasPlan && !r.status.reviewedThisSchoolYear;
    case 'no-family':
      return !r.familyLinked;
  }
}

/** The rows the query asks for (a name search keeps its best matches first). */
export function applyQuery(rows: readonly StudentRow[], q: CaseloadQuery, fw: FrameworkIndex): StudentRow[] {
  let out = rows.filter(
    (r) =>
      (q.grade === undefined || r.grade === q.grade) &&
      (q.status === undefined || statusMatches(r, q.status)) &&
      (q.pathwayId === undefined || r.pathwayId === q.pathwayId) &&
      (q.clusterId === undefined || r.clusterId === q.clusterId) &&
      (q.pathId === undefined || (r.clusterId !== undefined && fw.pathOfCluster(r.clusterId)?.id === q.pathId)),
  );
  if (q.name) out = findStudents(out, q.name);
  return out;
}

const STATUSES_READ: readonly StatusFilter[] = ['overdue', 'no-plan', 'has-plan', 'no-choice', 'not-met', 'met', 'no-review', 'no-family'];

/**
 * "are in 11th grade and are overdue for a review" (after "23 of 412 students"), in the turn's
 * language. As a `label` (the reminder preview's "(in 11th grade and are overdue for a review)")
 * the first part is said without its verb.
 */
export function describeQuery(q: CaseloadQuery, fw: FrameworkIndex, form: 'sentence' | 'label' = 'sentence'): string {
  const parts: [key: string, params?: Record<string, string>][] = [];
  if (q.grade !== undefined) parts.push(['grade', { grade: gradeLabel(q.grade) }]);
  if (q.status) parts.push([`status.${q.status}`]);
  const chose = chosenName(q, fw);
  if (chose) parts.push(['chose', { choice: chose }]);
  if (q.name) parts.push(['name', { name: q.name }]);
  const said = parts.map(([key, params], i) => t(`counselor.query.${form === 'label' && i === 0 ? 'label' : 'sentence'}.${key}`, params));
  return said.join(t('counselor.query.joiner'));
}

/** The pathway, cluster or path asked about: its official name (with the Spanish one first in Spanish). */
function chosenName(q: CaseloadQuery, fw: FrameworkIndex): string | undefined {
  const pathway = q.pathwayId ? fw.pathway(q.pathwayId) : undefined;
  if (pathway) return frameworkName('pathway', pathway.id, pathway.name);
  const cluster = q.clusterId ? fw.cluster(q.clusterId) : undefined;
  if (cluster) return frameworkName('cluster', cluster.id, cluster.name);
  const path = q.pathId ? fw.path(q.pathId) : undefined;
  return path ? frameworkName('path', path.id, path.name) : undefined;
}

/** The short text form for a button's value: "g=11;s=overdue;n=garcia". */
export function encodeQuery(q: CaseloadQuery): string {
  const parts: string[] = [];
  if (q.grade !== undefined) parts.push(`g=${q.grade}`);
  if (q.status) parts.push(`s=${q.status}`);
  if (q.pathwayId) parts.push(`w=${q.pathwayId}`);
  if (q.clusterId) parts.push(`c=${q.clusterId}`);
  if (q.pathId) parts.push(`p=${q.pathId}`);
  if (q.name) parts.push(`n=${q.name.replace(/[;=]/g, ' ').slice(0, 60)}`);
  return parts.join(';');
}

const STATUSES = new Set<string>(STATUSES_READ);

export function decodeQuery(code: string): CaseloadQuery {
  const q: CaseloadQuery = {};
  for (const part of code.split(';')) {
    const [k, v = ''] = part.split('=');
    if (k === 'g' && /^\d{1,2}$/.test(v)) q.grade = Number(v);
    else if (k === 's' && STATUSES.has(v)) q.status = v as StatusFilter;
    else if (k === 'w' && v) q.pathwayId = v;
    else if (k === 'c' && v) q.clusterId = v;
    else if (k === 'p' && v) q.pathId = v;
    else if (k === 'n' && v) q.name = v;
  }
  return q;
}
