/**
 * Onboarding: who is this (student, family member, counselor) and, for a student, which grade.
 * First contact says what Waypoint does, what it keeps and who can see it. A family member hears
 * first what a family can do here (their student's plan, what's due this year, who the counselor
 * is), then is asked for their student's code. Every word comes from the "onboarding" catalog, in
 * the turn's language (questions are built when asked, not once at load).
 */
import { assign, emit, setup } from 'xstate';
import { codeInText } from '../src/domain/codes.js';
import { text, type QuestionReply } from '../src/domain/messages.js';
import { gradeLabel, parseGrade, type Grade } from '../src/domain/grade.js';
import type { Role } from '../src/domain/profile.js';
import { t, tIn } from '../src/i18n/t.js';
import { effect, reply, type FlowEmitted, type FlowEvent, type FlowOutput } from './flow-protocol.js';

export const ONBOARDING_VERSION = 2;

interface Ctx {
  role?: Role;
  grade?: Grade;
  /** First contact (a greeting first) or a change of role/grade later. */
  firstContact: boolean;
  /** "change my grade" from a student: only the grade is asked, and nothing starts after it. */
  gradeOnly?: boolean;
}

/** The words that say who someone is, in every language we speak ("mom", "mamá"), from the catalogs. */
const roleWords = (role: Role): string[] =>
  (['en', 'es'] as const).flatMap((l) => tIn(l)(`onboarding.role.${role}Words`).split(',').map((w) => w.trim()).filter(Boolean));

export const ROLE_QUESTION_ID = 'onboarding:role';

const roleQuestion = (): QuestionReply => ({
  kind: 'question',
  questionId: ROLE_QUESTION_ID,
  text: t('onboarding.role.question'),
  choices: [
    { id: 'student', label: t('onboarding.role.student'), also: roleWords('student') },
    { id: 'family', label: t('onboarding.role.family'), also: roleWords('family') },
    { id: 'counselor', label: t('onboarding.role.counselor'), also: roleWords('counselor') },
  ],
});

const gradeQuestion = (): QuestionReply => ({
  kind: 'question',
  questionId: 'onboarding:grade',
  text: t('onboarding.grade.question'),
  choices: [
    { id: 'g5', label: t('onboarding.grade.fifthOrYounger') },
    ...[6, 7, 8, 9, 10, 11, 12].map((g) => ({ id: `g${g}`, label: t(`onboarding.ordinal.${g}`) })),
    { id: 'g13', label: t('onboarding.grade.afterHighSchool') },
  ],
});

const youngGradeQuestion = (): QuestionReply => ({
  kind: 'question',
  questionId: 'onboarding:young-grade',
  text: t('onboarding.grade.youngQuestion'),
  choices: [0, 1, 2, 3, 4, 5].map((g) => ({ id: `g${g}`, label: g === 0 ? t('onboarding.grade.kindergartenShort') : t(`onboarding.ordinal.${g}`) })),
});

/** "kindergarten", "8th grade", "first year after high school" (in the turn's language). */
export function gradeName(g: Grade): string {
  if (g === 0) return t('onboarding.gradeName.k');
  if (g === 13) return t('onboarding.gradeName.year1After');
  if (g === 14) return t('onboarding.gradeName.year2After');
  if (g >= 1 && g <= 12) return t('onboarding.gradeName.nth', { ordinal: t(`onboarding.ordinal.${g}`) });
  return gradeLabel(g);
}

const familyCodeQuestion = (): QuestionReply => ({
  kind: 'question',
  questionId: 'onboarding:family-code',
  text: t('onboarding.family.codeQuestion'),
  choices: [{ id: 'no-code', label: t('onboarding.family.noCode') }],
});

/** An onboarding question made again in the turn's language (after a switch to another language). */
export function askOnboardingAgain(question: QuestionReply): QuestionReply | undefined {
  switch (question.questionId) {
    case ROLE_QUESTION_ID:
      return roleQuestion();
    case 'onboarding:grade':
      return gradeQuestion();
    case 'onboarding:young-grade':
      return youngGradeQuestion();
    case 'onboarding:family-code':
      return familyCodeQuestion();
    default:
      return undefined;
  }
}

/**
 * Grades typed in Spanish ("octavo", "8vo", "8.º", "noveno grado", "kínder"): read beside the
 * English words, whatever the turn's language (a parent may switch back and forth).
 */
const SPANISH_GRADES: Record<string, Grade> = {
  kinder: 0, kínder: 0, kindergarten: 0,
  primero: 1, primer: 1, segundo: 2, tercero: 3, tercer: 3, cuarto: 4, quinto: 5,
  sexto: 6, septimo: 7, séptimo: 7, setimo: 7, octavo: 8, noveno: 9, decimo: 10, décimo: 10,
  undecimo: 11, undécimo: 11, onceavo: 11, duodecimo: 12, duodécimo: 12, doceavo: 12,
};

export function parseSpanishGrade(typed: string): Grade | undefined {
  const words = typed
    .toLowerCase()
    .replace(/\b(grado|año|ano|estoy|en|el|de|voy|a|soy|del)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const num = /^(\d{1,2})\s*(\.?\s*[ºo°]|vo|mo|ro|to|no|er|do)?\.?$/.exec(words);
  if (num) {
    const n = Number(num[1]);
    return n >= 1 && n <= 12 ? n : undefined;
  }
  if (/(termin[eé]|despu[eé]s de) (la )?(prepa|preparatoria|high school)/.test(typed.toLowerCase())) return 13;
  return SPANISH_GRADES[words];
}

function gradeFrom(event: FlowEvent): Grade | undefined {
  if (event.type === 'ANSWER') return Number(event.choiceId.slice(1));
  if (event.type === 'TEXT') return parseGrade(event.text) ?? parseSpanishGrade(event.text);
  return undefined;
}

function codeFrom(event: FlowEvent): string | undefined {
  return event.type === 'TEXT' ? codeInText(event.text) : undefined;
}

export const onboardingMachine = setup({
  types: {
    context: {} as Ctx,
    events: {} as FlowEvent,
    input: {} as { firstContact?: boolean; gradeOnly?: boolean } | undefined,
    output: {} as FlowOutput,
    emitted: {} as FlowEmitted,
  },
  guards: {
    isStudent: ({ event }) => event.type === 'ANSWER' && event.choiceId === 'student',
    isFamily: ({ event }) => event.type === 'ANSWER' && event.choiceId === 'family',
    isCounselor: ({ event }) => event.type === 'ANSWER' && event.choiceId === 'counselor',
    saysYounger: ({ event }) => event.type === 'ANSWER' && event.choiceId === 'g5',
    hasGrade: ({ event }) => gradeFrom(event) !== undefined,
    isCode: ({ event }) => codeFrom(event) !== undefined,
    gradeOnly: ({ context }) => context.gradeOnly === true,
  },
}).createMachine({
  id: 'onboarding',
  context: ({ input }) =>
    input?.gradeOnly ? { firstContact: false, gradeOnly: true, role: 'student' as const } : { firstContact: input?.firstContact ?? true },
  initial: 'start',
  states: {
    start: { always: [{ guard: 'gradeOnly', target: 'grade' }, { target: 'role' }] },
    role: {
      // The welcome is said once; coming back here ("back" at the grade question) only asks again.
      entry: [
        emit(({ context }) => (context.firstContact ? reply(text(t('onboarding.welcome')), roleQuestion()) : reply(roleQuestion()))),
        assign({ firstContact: false }),
      ],
      on: {
        ANSWER: [
          { guard: 'isStudent', target: 'grade', actions: assign({ role: 'student' }) },
          { guard: 'isFamily', target: 'familyCode', actions: [assign({ role: 'family' }), emit(() => effect({ kind: 'save-profile', role: 'family' }))] },
          { guard: 'isCounselor', target: 'done', actions: emit(() => reply(text(t('onboarding.counselorByAdmin')))) },
        ],
        BACK: { actions: emit(() => reply(text(t('onboarding.firstQuestion')), roleQuestion())) },
      },
    },
    grade: {
      tags: ['free-text'],
      entry: emit(() => reply(gradeQuestion())),
      on: {
        ANSWER: [
          { guard: 'saysYounger', target: 'youngGrade' },
          { guard: 'hasGrade', target: 'saved', actions: assign({ grade: ({ event }) => gradeFrom(event) }) },
        ],
        TEXT: { guard: 'hasGrade', target: 'saved', actions: assign({ grade: ({ event }) => gradeFrom(event) }) },
        BACK: [{ guard: 'gradeOnly', target: 'done', actions: emit(() => reply(text(t('onboarding.grade.kept')))) }, { target: 'role' }],
      },
    },
    youngGrade: {
      tags: ['free-text'],
      entry: emit(() => reply(youngGradeQuestion())),
      on: {
        ANSWER: { target: 'saved', actions: assign({ grade: ({ event }) => gradeFrom(event) }) },
        TEXT: { guard: 'hasGrade', target: 'saved', actions: assign({ grade: ({ event }) => gradeFrom(event) }) },
        BACK: 'grade',
      },
    },
    familyCode: {
      tags: ['free-text'],
      // Family first: what a family can do here, then the code that links them to their student.
      entry: emit(() => reply(text(t('onboarding.family.intro')), familyCodeQuestion())),
      on: {
        ANSWER: { target: 'done', actions: emit(() => reply(text(t('onboarding.family.noCodeYet')))) },
        TEXT: [
          { guard: 'isCode', target: 'done', actions: emit(({ event }) => effect({ kind: 'redeem-code', code: codeFrom(event)! })) },
          { actions: emit(() => reply(text(t('onboarding.family.notACode')), familyCodeQuestion())) },
        ],
        BACK: 'role',
      },
    },
    saved: {
      entry: [
        emit(({ context }) => effect({ kind: 'save-profile', role: 'student', grade: context.grade })),
        emit(({ context }) =>
          reply(text(t(context.gradeOnly ? 'onboarding.grade.changed' : 'onboarding.grade.gotIt', { grade: gradeName(context.grade!) }))),
        ),
      ],
      always: 'done',
    },
    done: { type: 'final' },
  },
  output: ({ context }) =>
    context.role === 'student' && context.grade !== undefined && !context.gradeOnly
      ? { next: { flow: 'explore', input: { grade: context.grade } } }
      : {},
});
