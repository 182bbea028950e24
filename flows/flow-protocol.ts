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
import type { PlanChange } from '../src/domain/plan/parse-plan-change.js';

/** A plan change shown to the student and waiting for their yes or no. */
export interface PlanProposal {
  change: PlanChange;
  /** When it was shown: a "yes" long after does not apply it. */
  at: string;
  /** The plan version it was shown against. */
  version: number;
}

export type FlowEvent =
  /** One of the choices of the question this flow asked last (tapped, typed, or a number). */
  | { type: 'ANSWER'; questionId: string; choiceId: string }
  /** Free text, sent only while the flow's current state has the tag "free-text". */
  | { type: 'TEXT'; text: string }
  | { type: 'BACK' }
  /** A plan change to show and ask about ("move Chemistry to 11th"), read and checked by the plan feature. */
  | { type: 'PROPOSE'; proposal: PlanProposal; preview: string }
  /** What is waiting was taken back ("undo" while a change waits for yes or no). */
  | { type: 'CANCEL' }
  /** "finish review": the review is saved as it is. */
  | { type: 'FINISH' };

/** Things a flow asks the engine to do; the engine's effect handlers do the I/O. */
export type Effect =
  | { kind: 'save-profile'; role: Role; grade?: Grade }
  | { kind: 'save-interest-result'; grade: Grade; answers: Answer[]; result: InterestResult }
  | { kind: 'save-choice'; pathId: string; clusterId?: string; pathwayId?: string }
  /** Start a command by name once this turn's replies are out (e.g. "plan" after choosing a pathway). */
  | { kind: 'run-command'; command: string }
  /** Use a family invite code or class code (already normalised: "KX7M4PQR"); says how it went. */
  | { kind: 'redeem-code'; code: string }
  /** Apply a change the student said yes to (if it is still fresh), as a new plan version. */
  | { kind: 'apply-plan-change'; proposal: PlanProposal }
  /** Record the student's review of their plan. */
  | { kind: 'finish-review' }
  /** Set the goal after high school the student typed. */
  | { kind: 'set-goal'; goal: string }
  /** Send a counselor's reminder to these students now, or store it to go out at `sendAt` (flows/counselor-remind.ts). */
  | { kind: 'counselor-remind'; students: { key: string; name?: string; hasPlan: boolean }[]; sendAt?: string };

export type FlowEmitted = { type: 'reply'; replies: Reply[] } | { type: 'effect'; effect: Effect };

export interface FlowOutput {
  /** A flow to start next, with its input. */
  next?: { flow: string; input: unknown };
}

export const reply = (...replies: Reply[]): FlowEmitted => ({ type: 'reply', replies });
export const effect = (e: Effect): FlowEmitted => ({ type: 'effect', effect: e });
