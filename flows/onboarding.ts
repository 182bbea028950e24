/**
 * Onboarding: who is this (student, family member, counselor) and, for a student, which grade.
 * First contact says what Waypoint does, what it keeps and who can see it.
 */
import { assign, emit, setup } from 'xstate';
import { codeInText } from '../src/domain/codes.js';
import { text, type QuestionReply } from '../src/domain/messages.js';
import { gradeLabel, parseGrade, type Grade } from '../src/domain/grade.js';
import type { Role } from '../src/domain/profile.js';
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

const roleQuestion: QuestionReply = {
  kind: 'question',
  questionId: 'onboarding:role',
  text: 'Who are you?',
  choices: [
    { id: 'student', label: "I'm a student" },
    { id: 'family', label: "I'm a family member" },
    { id: 'counselor', label: "I'm a counselor" },
  ],
};

const gradeQuestion: QuestionReply = {
  kind: 'question',
  questionId: 'onboarding:grade',
  text: 'What grade are you in? (You can also type it, like "8" or "freshman".)',
  choices: [
    { id: 'g5', label: '5th or younger' },
    ...[6, 7, 8, 9, 10, 11, 12].map((g) => ({ id: `g${g}`, label: `${g}th` })),
    { id: 'g13', label: 'After high school' },
  ],
};

const youngGradeQuestion: QuestionReply = {
  kind: 'question',
  questionId: 'onboarding:young-grade',
  text: 'Which grade is that?',
  choices: [0, 1, 2, 3, 4, 5].map((g) => ({ id: `g${g}`, label: g === 0 ? 'K' : `${g}${['', 'st', 'nd', 'rd', 'th', 'th'][g]}` })),
};

const WELCOME =
  "Hi! I'm Waypoint. I help you explore jobs you might like and plan your classes for them. " +
  'I keep your answers, choices and plan. Only you, your counselor, and family you choose to add can see them.';

const FIRST_QUESTION = "This is the first question, so there's nothing to go back to.";
const GRADE_KEPT = 'Okay, I kept your grade as it was.';
const GRADE_CHANGED_NEXT = 'Type plan to see your plan for this year, or help for more.';

const familyCodeQuestion: QuestionReply = {
  kind: 'question',
  questionId: 'onboarding:family-code',
  text: 'Welcome! Do you have a code from your student? Type it here. It looks like KX7M-4PQR.',
  choices: [{ id: 'no-code', label: "I don't have one yet" }],
};
const NO_CODE_YET =
  'No problem. Ask your student to say "invite my family" to me. They will get a code to give you. ' +
  'Type the code here any time, and then you can see their plan and what is due this year.';
const NOT_A_CODE = "That doesn't look like a code. Codes have 8 letters and numbers, like KX7M-4PQR.";
const COUNSELOR_BY_ADMIN =
  "Counselor access is set up by your school's Waypoint admin, so nobody can turn it on from the chat. " +
  'Once they add you, say hi again and I will show your caseload.';

function gradeFrom(event: FlowEvent): Grade | undefined {
  if (event.type === 'ANSWER') return Number(event.choiceId.slice(1));
  if (event.type === 'TEXT') return parseGrade(event.text);
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
        emit(({ context }) => (context.firstContact ? reply(text(WELCOME), roleQuestion) : reply(roleQuestion))),
        assign({ firstContact: false }),
      ],
      on: {
        ANSWER: [
          { guard: 'isStudent', target: 'grade', actions: assign({ role: 'student' }) },
          { guard: 'isFamily', target: 'familyCode', actions: [assign({ role: 'family' }), emit(() => effect({ kind: 'save-profile', role: 'family' }))] },
          { guard: 'isCounselor', target: 'done', actions: emit(() => reply(text(COUNSELOR_BY_ADMIN))) },
        ],
        BACK: { actions: emit(() => reply(text(FIRST_QUESTION), roleQuestion)) },
      },
    },
    grade: {
      tags: ['free-text'],
      entry: emit(() => reply(gradeQuestion)),
      on: {
        ANSWER: [
          { guard: 'saysYounger', target: 'youngGrade' },
          { guard: 'hasGrade', target: 'saved', actions: assign({ grade: ({ event }) => gradeFrom(event) }) },
        ],
        TEXT: { guard: 'hasGrade', target: 'saved', actions: assign({ grade: ({ event }) => gradeFrom(event) }) },
        BACK: [{ guard: 'gradeOnly', target: 'done', actions: emit(() => reply(text(GRADE_KEPT))) }, { target: 'role' }],
      },
    },
    youngGrade: {
      tags: ['free-text'],
      entry: emit(() => reply(youngGradeQuestion)),
      on: {
        ANSWER: { target: 'saved', actions: assign({ grade: ({ event }) => gradeFrom(event) }) },
        TEXT: { guard: 'hasGrade', target: 'saved', actions: assign({ grade: ({ event }) => gradeFrom(event) }) },
        BACK: 'grade',
      },
    },
    familyCode: {
      tags: ['free-text'],
      entry: emit(() => reply(familyCodeQuestion)),
      on: {
        ANSWER: { target: 'done', actions: emit(() => reply(text(NO_CODE_YET))) },
        TEXT: [
          { guard: 'isCode', target: 'done', actions: emit(({ event }) => effect({ kind: 'redeem-code', code: codeFrom(event)! })) },
          { actions: emit(() => reply(text(NOT_A_CODE), familyCodeQuestion)) },
        ],
        BACK: 'role',
      },
    },
    saved: {
      entry: [
        emit(({ context }) => effect({ kind: 'save-profile', role: 'student', grade: context.grade })),
        emit(({ context }) =>
          reply(text(context.gradeOnly ? `Got it: ${gradeLabel(context.grade!)}. ${GRADE_CHANGED_NEXT}` : `Got it: ${gradeLabel(context.grade!)}.`)),
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
