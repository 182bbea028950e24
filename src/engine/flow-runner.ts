import { createActor, type AnyStateMachine } from 'xstate';
import type { FlowEmitted, FlowEvent, FlowOutput } from '../../flows/flow-protocol.js';
import type { QuestionReply } from '../domain/messages.js';

/** A conversation flow the engine can run: a pure machine with a version for its snapshots. */
export interface FlowDefinition {
  id: string;
  version: number;
  machine: AnyStateMachine;
  /** How help describes being in it: "answering the interest questions". */
  doing: string;
  /**
   * Ids of the questions this flow asks that a command also answers (a late press after the flow
   * ended): while the flow runs, an answer to one goes to the flow.
   */
  questionIds?: string[];
  /**
   * The question this flow asked, made again in the turn's language: someone who switches language
   * ("español") in the middle of a flow is asked it again in the new one. Undefined when the flow
   * cannot make that question again (it is then asked as it was).
   */
  askAgain?: (question: QuestionReply) => QuestionReply | undefined;
}

/** The flow a user is in, as stored: machine version, its input and its persisted snapshot. */
export interface ActiveFlow {
  flow: string;
  version: number;
  input: unknown;
  snapshot: unknown;
}

export interface FlowStep {
  emitted: FlowEmitted[];
  /** Still running: the new stored state. Undefined when the flow finished. */
  active?: ActiveFlow;
  output?: FlowOutput;
}

function run(def: FlowDefinition, input: unknown, snapshot: unknown | undefined, event?: FlowEvent): FlowStep {
  const actor = createActor(def.machine, snapshot === undefined ? { input } : { input, snapshot: snapshot as never });
  const emitted: FlowEmitted[] = [];
  actor.on('*', (e) => emitted.push(e as FlowEmitted));
  let failure: unknown;
  actor.subscribe({ error: (err) => (failure = err) });
  actor.start();
  if (event) actor.send(event);
  const snap = actor.getSnapshot();
  const persisted = snap.status === 'active' ? actor.getPersistedSnapshot() : undefined;
  actor.stop();
  if (failure || snap.status === 'error') throw failure ?? new Error(`flow ${def.id} failed`);
  if (snap.status === 'done') return { emitted, output: (snap.output ?? {}) as FlowOutput };
  return { emitted, active: { flow: def.id, version: def.version, input, snapshot: persisted } };
}

/** Starts a flow: its first state's replies come back in `emitted`. */
export function startFlow(def: FlowDefinition, input: unknown): FlowStep {
  return run(def, input, undefined);
}

/** Restores the stored snapshot, sends one event, and returns what changed. */
export function sendToFlow(def: FlowDefinition, active: ActiveFlow, event: FlowEvent): FlowStep {
  return run(def, active.input, active.snapshot, event);
}

/** Whether the flow's current state takes free text (state tag "free-text"). */
export function flowTakesText(def: FlowDefinition, active: ActiveFlow): boolean {
  // Tags belong to states, not to context: work each state value out once per machine.
  const value = JSON.stringify((active.snapshot as { value?: unknown } | undefined)?.value ?? null);
  let known = textStates.get(def.machine);
  if (!known) textStates.set(def.machine, (known = new Map()));
  let takes = known.get(value);
  if (takes === undefined) {
    const actor = createActor(def.machine, { input: active.input, snapshot: active.snapshot as never });
    takes = actor.getSnapshot().hasTag('free-text');
    if (known.size < 1000) known.set(value, takes);
  }
  return takes;
}

const textStates = new WeakMap<AnyStateMachine, Map<string, boolean>>();
