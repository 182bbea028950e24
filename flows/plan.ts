/**
 * Plan conversations of more than one step: a change waiting for yes or no, a review of the plan
 * (is it still right? -> changes, each confirmed -> saved), and a goal typed after "I'll type my
 * own". The plan feature reads and checks changes (it needs the stored plan) and sends them here
 * as PROPOSE; this flow holds what is waiting and asks for the effects that change the plan.
 * It runs beside another flow: the interest questions wait and come back when it ends.
 */
import { assign, emit, setup } from 'xstate';
import { isReviewDoneWords, typedGoal } from '../src/domain/plan/review-words.js';
import { effect, reply, type FlowEmitted, type FlowEvent, type FlowOutput, type PlanProposal } from './flow-protocol.js';
import * as say from './plan-replies.js';

export const PLAN_FLOW_VERSION = 1;

export type PlanFlowInput =
  | { start: 'confirm'; proposal: PlanProposal; preview: string }
  | { start: 'review' }
  | { start: 'goal' };

interface Ctx {
  proposal?: PlanProposal;
  preview?: string;
  /** A review is going on: after each change its question comes back. */
  reviewing: boolean;
}

const answered = (questionId: string, choiceId: string) => ({ event }: { event: FlowEvent }) =>
  event.type === 'ANSWER' && event.questionId === questionId && event.choiceId === choiceId;
const answeredOther = (questionId: string, choiceId: string) => ({ event }: { event: FlowEvent }) =>
  event.type === 'ANSWER' && event.questionId === questionId && event.choiceId !== choiceId;

export const planMachine = setup({
  types: {
    context: {} as Ctx,
    events: {} as FlowEvent,
    input: {} as PlanFlowInput,
    output: {} as FlowOutput,
    emitted: {} as FlowEmitted,
  },
  guards: {
    startsWithConfirm: ({ context }) => context.proposal !== undefined,
    startsWithReview: ({ context }) => context.reviewing,
    reviewing: ({ context }) => context.reviewing,
    confirmYes: answered(say.CONFIRM_Q, 'yes'),
    confirmNo: answeredOther(say.CONFIRM_Q, 'yes'),
    reviewYes: answered(say.REVIEW_Q, 'yes'),
    reviewNo: answeredOther(say.REVIEW_Q, 'yes'),
    goalLater: answered(say.GOAL_TYPED_Q, 'later'),
    doneWords: ({ event }) => event.type === 'TEXT' && isReviewDoneWords(event.text),
    goalText: ({ event }) => event.type === 'TEXT' && typedGoal(event.text) !== undefined,
  },
  actions: {
    keepProposal: assign(({ event }) => (event.type === 'PROPOSE' ? { proposal: event.proposal, preview: event.preview } : {})),
    askConfirm: emit(({ context }) => reply(say.confirm(context.preview ?? ''))),
    applyChange: emit(({ context }) => effect({ kind: 'apply-plan-change', proposal: context.proposal! })),
    forgetProposal: assign({ proposal: undefined, preview: undefined }),
    declined: emit(() => reply(say.declined())),
    undone: emit(() => reply(say.proposalUndone())),
    finishReview: emit(() => effect({ kind: 'finish-review' })),
    askForChange: emit(() => reply(say.askForChange())),
    setGoal: emit(({ event }) => effect({ kind: 'set-goal', goal: event.type === 'TEXT' ? typedGoal(event.text)! : '' })),
    goalLater: emit(() => reply(say.goalLater())),
  },
}).createMachine({
  id: 'plan',
  context: ({ input }) => ({
    reviewing: input.start === 'review',
    ...(input.start === 'confirm' ? { proposal: input.proposal, preview: input.preview } : {}),
  }),
  initial: 'opening',
  on: {
    // A new change replaces one still waiting; in a review, it is one of the review's changes.
    PROPOSE: { target: '.confirm', actions: 'keepProposal', reenter: true },
    FINISH: { guard: 'reviewing', target: '.done', actions: 'finishReview' },
  },
  states: {
    opening: {
      always: [
        { guard: 'startsWithConfirm', target: 'confirm' },
        { guard: 'startsWithReview', target: 'review' },
        { target: 'goal' },
      ],
    },
    confirm: {
      entry: 'askConfirm',
      on: {
        ANSWER: [
          { guard: 'confirmYes', target: 'afterChange', actions: ['applyChange', 'forgetProposal'] },
          { guard: 'confirmNo', target: 'afterChange', actions: ['declined', 'forgetProposal'] },
        ],
        BACK: { target: 'afterChange', actions: ['declined', 'forgetProposal'] },
        CANCEL: { target: 'afterChange', actions: ['undone', 'forgetProposal'] },
      },
    },
    afterChange: {
      always: [{ guard: 'reviewing', target: 'review.again' }, { target: 'done' }],
    },
    review: {
      initial: 'first',
      // Changes are typed in the student's words and read by the plan feature (PROPOSE); only
      // "done" and its kin are read here.
      tags: ['free-text'],
      on: {
        TEXT: { guard: 'doneWords', target: 'done', actions: 'finishReview' },
        ANSWER: [
          { guard: 'reviewYes', target: 'done', actions: 'finishReview' },
          { guard: 'reviewNo', target: '.changes', actions: 'askForChange' },
        ],
      },
      states: {
        first: { entry: emit(() => reply(say.reviewQuestion(true))) },
        again: { entry: emit(() => reply(say.reviewQuestion(false))) },
        changes: {},
      },
    },
    goal: {
      entry: emit(() => reply(say.typeGoal())),
      tags: ['free-text'],
      on: {
        TEXT: { guard: 'goalText', target: 'done', actions: 'setGoal' },
        ANSWER: { guard: 'goalLater', target: 'done', actions: 'goalLater' },
        BACK: { target: 'done', actions: 'goalLater' },
      },
    },
    done: { type: 'final' },
  },
});
