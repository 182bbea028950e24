/**
 * The least a turn can do under DESIGN.md's contract, for the channel benches: load the session,
 * restore a one-state XState actor from its persisted snapshot, send one event, save
 * `getPersistedSnapshot()` with the session, stop the actor, and answer with a fixed question. No
 * routing, no interest logic, no words. Whatever a channel loses to this handler against a bare
 * app, no engine that follows the contract can win back.
 */
import { assign, createActor, emit, setup } from 'xstate';
import type { QuestionReply } from '../src/domain/messages.js';
import { BENCH_QUESTION as question } from './channel-bench-plan.js';
import type { TurnHandler } from '../src/engine/turn-handler.js';
import { MemoryStore } from '../src/store/memory-store.js';
import type { Store } from '../src/store/store.js';

interface MinimalSession {
  snapshot?: unknown;
  pending: QuestionReply;
  recent: { messageId: string }[];
}

const machine = setup({
  types: { context: {} as { answers: string[] }, events: {} as { type: 'ANSWER'; choiceId: string } },
}).createMachine({
  context: { answers: [] },
  initial: 'asking',
  states: {
    asking: {
      entry: emit({ type: 'reply' }),
      on: { ANSWER: { target: 'asking', reenter: true, actions: assign({ answers: ({ context, event }) => [...context.answers, event.choiceId] }) } },
    },
  },
});

/** A fresh minimal handler; sessions go to `store` (its own in-memory one by default). */
export function minimalFlowTurn(store: Store = new MemoryStore()): TurnHandler {
  return {
    async handle(turn) {
      const session = (await store.get<MinimalSession>('sessions', turn.userId)) ?? { pending: question, recent: [] };
      const actor = createActor(machine, session.snapshot === undefined ? {} : { snapshot: session.snapshot as never });
      actor.on('*', () => undefined);
      actor.start();
      actor.send({ type: 'ANSWER', choiceId: turn.text ?? turn.action?.value ?? '' });
      session.snapshot = actor.getPersistedSnapshot();
      actor.stop();
      session.recent = [...session.recent, { messageId: turn.messageId }].slice(-40);
      await store.put('sessions', turn.userId, session);
      return { replies: [question], duplicate: false };
    },
  };
}
