/**
 * A counselor's reminder, in two steps: the preview (who, how many, what the message says) and
 * the answer. Inside sending hours the answer is Yes or No; in quiet hours or on a weekend it is
 * "Send at 7:00 Monday" (the next allowed moment) or Cancel. The counselor feature builds the
 * preview; this flow holds it and asks for the send (or the scheduled send) as an effect.
 */
import { emit, setup } from 'xstate';
import { text, type QuestionReply } from '../src/domain/messages.js';
import { t } from '../src/i18n/t.js';
import { effect, reply, type FlowEmitted, type FlowEvent, type FlowOutput } from './flow-protocol.js';

export const COUNSELOR_REMIND_VERSION = 1;
export const COUNSELOR_REMIND_FLOW = 'counselor-remind';
export const REMIND_CONFIRM_Q = 'counselor:remind-confirm';

export interface RemindFlowInput {
  students: { key: string; name?: string; hasPlan: boolean }[];
  /** "Remind 23 students (Sam, Ana, Ben and 20 more)? They get: ..." */
  preview: string;
  /** Outside sending hours: when it may go out, as an instant and in words ("7:00 Monday"). */
  later?: { at: string; words: string };
}

export function remindQuestion(input: RemindFlowInput): QuestionReply {
  return {
    kind: 'question',
    questionId: REMIND_CONFIRM_Q,
    text: input.later ? `${input.preview}\n${t('counselor.remind.quietNow')}` : input.preview,
    choices: input.later
      ? [
          // "yes" (or "ok", "sure") means sending at that time: the only way to send now.
          { id: 'yes', label: t('counselor.remind.sendAt', { when: input.later.words }) },
          { id: 'no', label: t('counselor.remind.cancel') },
        ]
      : [
          { id: 'yes', label: t('counselor.remind.yesSend') },
          { id: 'no', label: t('counselor.remind.no') },
        ],
  };
}

const picked = (choiceId: string) => ({ event }: { event: FlowEvent }) =>
  event.type === 'ANSWER' && event.questionId === REMIND_CONFIRM_Q && event.choiceId === choiceId;

export const counselorRemindMachine = setup({
  types: {
    context: {} as RemindFlowInput,
    events: {} as FlowEvent,
    input: {} as RemindFlowInput,
    output: {} as FlowOutput,
    emitted: {} as FlowEmitted,
  },
  guards: {
    yes: ({ context, event }) => context.later === undefined && picked('yes')({ event }),
    later: ({ context, event }) => context.later !== undefined && picked('yes')({ event }),
    no: picked('no'),
  },
  actions: {
    ask: emit(({ context }) => reply(remindQuestion(context))),
    send: emit(({ context }) => effect({ kind: 'counselor-remind', students: context.students })),
    schedule: emit(({ context }) => effect({ kind: 'counselor-remind', students: context.students, sendAt: context.later!.at })),
    cancelled: emit(() => reply(text(t('counselor.remind.cancelled')))),
  },
}).createMachine({
  id: COUNSELOR_REMIND_FLOW,
  context: ({ input }) => input,
  initial: 'asking',
  states: {
    asking: {
      entry: 'ask',
      on: {
        ANSWER: [
          { guard: 'yes', target: 'done', actions: 'send' },
          { guard: 'later', target: 'done', actions: 'schedule' },
          { guard: 'no', target: 'done', actions: 'cancelled' },
        ],
        BACK: { target: 'done', actions: 'cancelled' },
        CANCEL: { target: 'done', actions: 'cancelled' },
      },
    },
    done: { type: 'final' },
  },
});
