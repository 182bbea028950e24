/**
 * A code typed while onboarding is still asking something: uses the code and ends onboarding (a
 * family member who pastes their code has said who they are). One step, no questions.
 */
import { emit, setup } from 'xstate';
import { effect, type FlowEmitted, type FlowEvent, type FlowOutput } from './flow-protocol.js';

export const ENTER_CODE_VERSION = 1;

export const enterCodeMachine = setup({
  types: {
    context: {} as { code: string },
    events: {} as FlowEvent,
    input: {} as { code: string },
    output: {} as FlowOutput,
    emitted: {} as FlowEmitted,
  },
}).createMachine({
  id: 'enter-code',
  context: ({ input }) => ({ code: input.code }),
  initial: 'redeem',
  states: {
    redeem: {
      entry: emit(({ context }) => effect({ kind: 'redeem-code', code: context.code })),
      always: 'done',
    },
    done: { type: 'final' },
  },
});
