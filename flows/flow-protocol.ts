/**
 * How the engine and a conversation flow talk. Flows are pure XState v5 machines: they receive
 * FlowEvents, and *emit* replies and effects (the engine shows the replies and carries out the
 * effects: saving records and the like). When a flow reaches its final state its output may name
 * the flow to start next.
 */
import type { Reply } from '../src/domain/messages.js';
import type { Grade } from '../src/domain/grade.js';
import type { Role } from '../src/domain/profile.js';
import type { Answer, InterestResult } from '../src/domain/score-interests.js';

export type FlowEvent =
  /** One of the choices of the question this flow asked last (tapped, typed, or a number). */
  | { type: 'ANSWER'; questionId: string; choiceId: string }
  /** Free text, sent only while the flow's current state has the tag "free-text". */
  | { type: 'TEXT'; text: string }
  | { type: 'BACK' };

/** Things a flow asks the engine to do; the engine's effect handlers do the I/O. */
export type Effect =
  | { kind: 'save-profile'; role: Role; grade?: Grade }
  | { kind: 'save-interest-result'; grade: Grade; answers: Answer[]; result: InterestResult }
  | { kind: 'save-choice'; pathId: string; clusterId?: string; pathwayId?: string }
  /** Start a command by name once this turn's replies are out (e.g. "plan" after choosing a pathway). */
  | { kind: 'run-command'; command: string }
  /** Use a family invite code or class code (already normalised: "KX7M4PQR"); says how it went. */
  | { kind: 'redeem-code'; code: string };

export type FlowEmitted = { type: 'reply'; replies: Reply[] } | { type: 'effect'; effect: Effect };

export interface FlowOutput {
  /** A flow to start next, with its input. */
  next?: { flow: string; input: unknown };
}

export const reply = (...replies: Reply[]): FlowEmitted => ({ type: 'reply', replies });
export const effect = (e: Effect): FlowEmitted => ({ type: 'effect', effect: e });
