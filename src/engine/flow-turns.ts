/**
 * Running a user's flow within a turn: start one, send it an event, and apply what it emits
 * (replies in order, effects through their handlers, the next flow when it finishes). A snapshot
 * from an older machine version, or one that cannot be restored, restarts the flow politely.
 */
import type { Logger } from 'pino';
import type { QuestionReply } from '../domain/messages.js';
import type { FlowEvent } from '../../flows/flow-protocol.js';
import { say } from './engine-words.js';
import type { EffectHandler } from './engine.js';
import { flowTakesText, sendToFlow, startFlow, type FlowDefinition, type FlowStep } from './flow-runner.js';
import type { Session } from './session.js';
import type { TurnWork } from './turn-work.js';

export class FlowTurns {
  constructor(
    private readonly flows: ReadonlyMap<string, FlowDefinition>,
    private readonly effects: Partial<Record<string, EffectHandler>>,
    /** Shows the menu (after a flow that no longer exists). */
    private readonly menu: (work: TurnWork) => void,
    private readonly logger?: Logger,
  ) {}

  /** Whether the user's flow, as stored, reads typed text in its current state. */
  takesText(def: FlowDefinition, session: Session): boolean {
    try {
      return session.active!.version === def.version && flowTakesText(def, session.active!);
    } catch {
      return false;
    }
  }

  start(work: TurnWork, flowId: string, input: unknown): Promise<void> {
    const def = this.flows.get(flowId);
    if (!def) throw new Error(`No flow named ${flowId}`);
    work.session.active = undefined;
    return this.after(work, startFlow(def, input));
  }

  async send(work: TurnWork, event: FlowEvent): Promise<void> {
    const active = work.session.active!;
    const def = this.flows.get(active.flow);
    if (!def) {
      work.session.active = undefined;
      work.replies.push(say.updated());
      return this.menu(work);
    }
    let step: FlowStep;
    try {
      if (active.version !== def.version) throw new Error('version changed');
      step = sendToFlow(def, active, event);
    } catch (err) {
      this.logger?.warn({ user: work.ctx.userKey, flow: def.id, err: String(err) }, 'flow restarted after a restore problem');
      work.replies.push(say.updated());
      return this.start(work, def.id, active.input);
    }
    return this.after(work, step);
  }

  /** Applies a flow step: replies and effects in the order emitted, then the next flow when it finished. */
  private async after(work: TurnWork, step: FlowStep): Promise<void> {
    work.session.active = step.active;
    if (!step.active) work.session.flowQuestion = undefined;
    for (const e of step.emitted) {
      if (e.type === 'reply') {
        work.replies.push(...e.replies);
        const q = [...e.replies].reverse().find((r): r is QuestionReply => r.kind === 'question');
        if (q && step.active) work.session.flowQuestion = q;
      }
      else if (e.effect.kind === 'run-command') work.pendingCommands.push(e.effect.command);
      else {
        const handler = this.effects[e.effect.kind];
        if (!handler) throw new Error(`No handler for effect ${e.effect.kind}`);
        await handler(work.ctx, e.effect);
      }
    }
    if (!step.active && step.output?.next) {
      const { flow, input } = step.output.next;
      await this.start(work, flow, input);
    }
  }
}
