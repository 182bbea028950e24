/**
 * A family member reads their student's whole plan, grade by grade ("show his plan", "muéstreme el
 * plan de Diego", "qué clases toma"), or gets it as a PDF to print ("download the plan",
 * "descargar el plan en pdf"), in their own language. Read-only: only the student changes it.
 * Only linked students are shown (asked which one when there are several); a name that is not one
 * of theirs gets the same "I can't share that" as any other attempt. Every view and export is audited.
 */
import { firstName, voiceFor } from '../../domain/family/index.js';
import type { FrameworkIndex } from '../../domain/framework-index.js';
import { MEETINGS, type MeetingRecord } from '../../domain/meetings.js';
import { matchChoice } from '../../domain/match-choice.js';
import { text, type Choice, type FileReply, type Reply } from '../../domain/messages.js';
import { normalizeWords } from '../../domain/normalize-words.js';
import { currentPlan, currentVersion, optionsReply, parsePlanChange, planHeader, planTable, type Plan } from '../../domain/plan/index.js';
import { signatureLine } from '../../domain/plan-signatures.js';
import type { Profile } from '../../domain/profile.js';
import type { Command, TurnContext } from '../../engine/command.js';
import { writePlanExports } from '../../export/write-plan-exports.js';
import { t } from '../../i18n/t.js';
import { audit } from '../people/audit.js';
import { checkAccess, denyAccess, linkedStudents, type DenialLogger } from '../people/links.js';
import { schoolOf } from '../plan/plan-records.js';
import { howToLink } from './whats-due-command.js';

export const PLAN_WHICH_Q = 'family:plan-which';
export const EXPORT_WHICH_Q = 'family:plan-export-which';

export interface FamilyPlanDeps {
  fw: FrameworkIndex;
  /** Folder for the PDF; none = this process cannot save files. */
  exportDir?: string;
  logger?: DenialLogger;
}

/** Words that stand for "my student" rather than a name. */
const NOT_A_NAME = /^(his|her|their|the|my|our|mi|mis|su|sus|el|la|hijo|hija|son|daughter|kid|child|hijos|student|estudiante)$/;
const WHOSE = String.raw`(?:(?:his|her|their|the|my (?:son|daughter|kid|child)s?|our (?:son|daughter)s?|(?<named>[a-z]+)s) )`;
const OF_WHOM = String.raw`(?: (?:de|para) (?:mi (?:hijo|hija)|su (?:hijo|hija)|(?<named>[a-z]+)))?`;
const VIEW = [
  new RegExp(String.raw`^(?:show|see|view|open|can i see|i want to see|let me see)(?: me)? ${WHOSE}(?:whole |full )?plan(?: of study)?$`),
  new RegExp(String.raw`^${WHOSE}(?:whole |full )?plan(?: of study)?$`),
  new RegExp(String.raw`^what classes (?:is|does|will) (?:he|she|they|(?<named>[a-z]+)) (?:take|taking|have|having)(?: next year)?$`),
  new RegExp(String.raw`^(?:muestreme|muestrame|ensename|enseneme|ver|quiero ver|puedo ver)? ?(?:el|su) plan(?: completo| de estudios)?${OF_WHOM}$`),
  new RegExp(String.raw`^(?:que|cuales) clases (?:toma|va a tomar|lleva|tiene|esta tomando)(?: (?:mi (?:hijo|hija)|(?<named>[a-z]+)))?$`),
];
const EXPORT = [
  new RegExp(String.raw`^(?:download|print|export|send me|get|can i get|i want)(?: me)? ${WHOSE}plan(?: of study)?(?: as a pdf| pdf| to print)?$`),
  new RegExp(String.raw`^${WHOSE}plan (?:as a )?pdf$`),
  new RegExp(String.raw`^(?:descargar|descargue|imprimir|bajar|mandeme|envieme|quiero|me manda|me puede mandar)(?: el| su)? plan(?: de estudios)?${OF_WHOM}(?: en pdf| para imprimir)?$`),
  new RegExp(String.raw`^(?:el|su) plan${OF_WHOM} en pdf$`),
];

/** What the words ask: undefined when neither; with the name they give, if any. */
function asked(patterns: RegExp[], words: string): { named?: string } | undefined {
  const w = normalizeWords(words);
  for (const p of patterns) {
    const m = p.exec(w);
    if (!m) continue;
    const named = m.groups?.named;
    return named && !NOT_A_NAME.test(named) ? { named } : {};
  }
  return undefined;
}

export const asksForPlan = (words: string): boolean => asked(VIEW, words) !== undefined;
export const asksForPlanPdf = (words: string): boolean => asked(EXPORT, words) !== undefined;

interface Student {
  key: string;
  profile?: Profile;
  plan?: Plan;
  /** First name, or "your student". */
  name: string;
}

async function loadStudent(ctx: TurnContext, key: string): Promise<Student> {
  const store = ctx.records.store;
  const [profile, plan] = await Promise.all([store.get<Profile>('profiles', key), store.get<Plan>('plans', key)]);
  return {
    key,
    ...(profile ? { profile } : {}),
    ...(plan && Array.isArray(plan.versions) && plan.versions.length > 0 ? { plan } : {}),
    name: firstName(profile?.displayName) ?? t('family.yourStudent'),
  };
}

/** A button for a student: their first name, else their grade ("Student in 9th grade"), else "Student 2". */
function choiceLabel(s: Student, i: number): string {
  const grade = s.profile?.grade;
  const inGrade = grade === undefined ? undefined : t('family.studentIn', { grade: t(`family.gradeLabel.g${Math.min(Math.max(Math.round(grade), 0), 14)}`) });
  return firstName(s.profile?.displayName) ?? inGrade ?? t('family.studentN', { n: i + 1 });
}

/**
 * The student these words or this button are about: the one linked student, the one named, or
 * undefined after asking which (or after refusing).
 */
async function whichStudent(ctx: TurnContext, deps: FamilyPlanDeps, questionId: string, input: { text?: string; choiceId?: string; questionId?: string }, patterns: RegExp[]): Promise<Student | undefined> {
  if (input.questionId === questionId) {
    const key = input.choiceId ?? '';
    return (await checkAccess(ctx, key, deps.logger)) ? loadStudent(ctx, key) : undefined;
  }
  const keys = await linkedStudents(ctx.records.store, ctx.userKey);
  const named = asked(patterns, input.text ?? '')?.named;
  if (keys.length === 0) {
    if (named) await denyAccess(ctx, undefined, deps.logger);
    else ctx.say(...howToLink());
    return undefined;
  }
  const students = await Promise.all(keys.map((k) => loadStudent(ctx, k)));
  const choices: Choice[] = students.map((s, i) => ({ id: s.key, label: choiceLabel(s, i) }));
  if (named) {
    const picked = matchChoice(named, choices);
    if (!picked) return void (await denyAccess(ctx, undefined, deps.logger));
    return students.find((s) => s.key === picked.id);
  }
  if (students.length === 1) return students[0];
  ctx.say({ kind: 'question', questionId, text: t(questionId === PLAN_WHICH_Q ? 'family.plan.whichStudent' : 'family.plan.whichPdf'), choices });
  return undefined;
}

async function headerOf(ctx: TurnContext, deps: FamilyPlanDeps, s: Student & { plan: Plan }) {
  const name = s.profile?.displayName?.trim();
  const school = await schoolOf(ctx.records.store, s.key);
  return planHeader(s.plan, deps.fw.framework, { ...(name ? { name } : {}), ...(school ? { school } : {}) });
}

function noPlan(s: Student): Reply {
  const voice = voiceFor('family', s.name === t('family.yourStudent') ? undefined : s.name);
  return text(t('family.plan.noPlan', { name: voice.name, Name: voice.Name }));
}

/** The whole plan, this year marked, the options after high school, who signed, and what they can do with it. */
async function planReplies(ctx: TurnContext, deps: FamilyPlanDeps, s: Student & { plan: Plan }): Promise<Reply[]> {
  const grade = s.profile?.grade;
  const c = currentPlan(s.plan);
  const thisYear = grade === undefined ? undefined : Math.min(Math.max(grade, c.firstGrade), 14);
  const replies: Reply[] = [planTable(s.plan, await headerOf(ctx, deps, s), t('family.plan.title', { name: s.name }), undefined, thisYear), optionsReply(s.plan)];
  const record = await ctx.records.store.get<MeetingRecord>(MEETINGS, s.key);
  const version = currentVersion(s.plan).number;
  if (record?.signatures.some((x) => x.planVersion === version)) replies.push(text(signatureLine(record, version)));
  replies.push(text(t('family.plan.readOnly', { name: s.name })));
  return replies;
}

/** "show his plan" / "muéstreme el plan de Diego" / "qué clases toma", for family members. */
export function familyPlanCommand(deps: FamilyPlanDeps): Command {
  return {
    id: 'family-plan',
    intents: ['family-plan'],
    get menuLabel() {
      return t('family.menu.plan');
    },
    get help() {
      return t('family.help.plan');
    },
    roles: ['family'],
    questionIds: [PLAN_WHICH_Q],
    matches: asksForPlan,
    run: async (ctx, input) => {
      const s = await whichStudent(ctx, deps, PLAN_WHICH_Q, input, VIEW);
      if (!s) return;
      if (!s.plan) return void ctx.say(noPlan(s));
      await audit(ctx.records.store, { at: ctx.now.toISOString(), by: ctx.userKey, action: 'plan-viewed', subject: s.key });
      ctx.say(...(await planReplies(ctx, deps, s as Student & { plan: Plan })));
    },
  };
}

/** "download the plan" / "descargar el plan en pdf": the student's plan as a PDF, in the reader's language. */
export function familyPlanPdfCommand(deps: FamilyPlanDeps): Command {
  return {
    id: 'family-plan-pdf',
    intents: ['plan-export'],
    get help() {
      return t('family.help.planPdf');
    },
    roles: ['family'],
    questionIds: [EXPORT_WHICH_Q],
    matches: asksForPlanPdf,
    run: async (ctx, input) => {
      const s = await whichStudent(ctx, deps, EXPORT_WHICH_Q, input, EXPORT);
      if (!s) return;
      if (!s.plan) return void ctx.say(noPlan(s));
      if (!deps.exportDir) return void ctx.say(text(t('family.plan.noFiles')));
      const now = ctx.now.toISOString();
      const stamp = now.replace(/[^0-9]/g, '').slice(0, 14);
      try {
        const files = await writePlanExports(s.plan, await headerOf(ctx, deps, s as Student & { plan: Plan }), {
          folder: deps.exportDir,
          // Unique on disk; people see only "plan-of-study-diego-2026-12-01" (no internal ids).
          baseName: `plan-of-study-${ctx.userKey}-${s.key}-${stamp}`,
          shownName: `plan-of-study-${normalizeWords(s.profile?.displayName ?? '').split(' ')[0] || 'student'}-${now.slice(0, 10)}`,
          now,
          ...(s.profile?.grade !== undefined ? { studentGrade: s.profile.grade } : {}),
        });
        await audit(ctx.records.store, { at: now, by: ctx.userKey, action: 'export', subject: s.key });
        const pdf = files.replies.find((r): r is FileReply => r.mimeType === 'application/pdf')!;
        ctx.say(text(t('family.plan.pdfIntro', { name: s.name })), { ...pdf, text: t('family.plan.pdf', { name: s.name }) });
      } catch {
        ctx.say(text(t('family.plan.pdfFailed')));
      }
    },
  };
}

/**
 * Clearly a change to a plan: a move, a swap, a goal, or adding or removing something in a given
 * grade. "add my daughter" or "remove link" are not (linking words go on to their own commands).
 */
function isClearPlanChange(words: string): boolean {
  const change = parsePlanChange(words);
  if (!change) return false;
  if (change.kind === 'add' || change.kind === 'remove') return change.grade !== undefined;
  return change.kind !== 'undo';
}

/** A change typed by a family member ("move chemistry to 12th", "mueve química a 12"): only the student changes the plan. */
export function familyPlanChangeCommand(): Command {
  return {
    id: 'family-plan-change',
    roles: ['family'],
    matches: isClearPlanChange,
    run: async (ctx) => {
      const keys = await linkedStudents(ctx.records.store, ctx.userKey);
      const only = keys.length === 1 ? await loadStudent(ctx, keys[0]!) : undefined;
      ctx.say(text(t('family.plan.studentChanges', { name: only?.name ?? t('family.yourStudent') })));
    },
  };
}

