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
import { stayedPut } from './intent-routing.js';

export class FlowTurns {
  constructor(
    private readonly flows: ReadonlyMap<string, FlowDefinition>,
    private readonly effects: Partial<Record<string, EffectHandler>>,
    /** Shows the menu (after a flow that no longer exists). */
    private readonly menu: (work: TurnWork) => void,
    private readonly logger?: Logger,
  ) {}

  /**
   * After the language changed: the flow's waiting question (and the one of a flow waiting aside)
   * made again in the turn's language, so it is asked again in the new one.
   */
  askAgainInLanguage(work: TurnWork): void {
    const { session } = work;
    const again = (flowId: string | undefined, q: QuestionReply | undefined) => (flowId && q ? this.flows.get(flowId)?.askAgain?.(q) : undefined);
    const now = again(session.active?.flow, session.flowQuestion);
    if (now) {
      if (session.pending?.questionId === now.questionId) session.pending = now;
      session.flowQuestion = now;
    }
    const aside = again(session.aside?.active.flow, session.aside?.flowQuestion);
    if (aside && session.aside) session.aside = { ...session.aside, flowQuestion: aside };
  }

  /** Whether the user's flow, as stored, reads typed text in its current state. */
  takesText(def: FlowDefinition, session: Session): boolean {
    try {
      return session.active!.version === def.version && flowTakesText(def, session.active!);
    } catch {
      return false;
    }
  }

  /**
   * Starts a flow. In place of the current one, or, with `keepCurrent`, beside it: the current flow
   * waits and comes back when this one ends (one waits at a time; the same flow again replaces itself).
   */
  start(work: TurnWork, flowId: string, input: unknown, keepCurrent = false): Promise<void> {
    const def = this.flows.get(flowId);
    if (!def) throw new Error(`No flow named ${flowId}`);
    const { session } = work;
    if (!keepCurrent) session.aside = undefined;
    else if (session.active && session.active.flow !== flowId) {
      session.aside = { active: session.active, ...(session.flowQuestion ? { flowQuestion: session.flowQuestion } : {}) };
    }
    session.active = undefined;
    session.flowQuestion = undefined;
    return this.after(work, startFlow(def, input));
  }

  /** Sends an event to the active flow; true when it answered (said or did something, or ended). */
  async send(work: TurnWork, event: FlowEvent): Promise<boolean> {
    const active = work.session.active;
    if (!active) return false;
    const def = this.flows.get(active.flow);
    if (!def) {
      work.session.active = undefined;
      work.replies.push(say.updated());
      this.menu(work);
      return true;
    }
    let step: FlowStep;
    try {
      if (active.version !== def.version) throw new Error('version changed');
      step = sendToFlow(def, active, event);
    } catch (err) {
      this.logger?.warn({ user: work.ctx.userKey, flow: def.id, err: String(err) }, 'flow restarted after a restore problem');
      work.replies.push(say.updated());
      await this.start(work, def.id, active.input, true);
      return true;
    }
    await this.after(work, step);
    return step.emitted.length > 0 || !step.active;
  }

  /**
   * Free text, read by a flow whose state takes it. When the flow moves on, that was the answer.
   * When it stays where it was ("that doesn't look like a code"), `byMeaning` may answer the text
   * for what it means instead, and only if it does not does the flow's own answer stand. False when
   * the flow found nothing in the text (it is then read for what it means as usual).
   */
  async readText(work: TurnWork, text: string, byMeaning: () => Promise<boolean>): Promise<boolean> {
    const { session } = work;
    const before = { active: session.active, flowQuestion: session.flowQuestion, replies: work.replies.length };
    await this.send(work, { type: 'TEXT', text });
    if (work.replies.length === before.replies) return false;
    if (!stayedPut(before.active, session.active)) return true;
    const flowSaid = work.replies.splice(before.replies);
    const after = { active: session.active, flowQuestion: session.flowQuestion };
    session.active = before.active;
    session.flowQuestion = before.flowQuestion;
    if (await byMeaning()) return true;
    Object.assign(session, after);
    work.replies.push(...flowSaid);
    return true;
  }

  /** Whether the active flow asks this question (its answer goes to the flow, not to a command). */
  asks(work: TurnWork, questionId: string): boolean {
    const active = work.session.active;
    return active !== undefined && (this.flows.get(active.flow)?.questionIds?.includes(questionId) ?? false);
  }

  /** Applies a flow step: replies and effects in the order emitted, then the next flow when it finished. */
  private async after(work: TurnWork, step: FlowStep): Promise<void> {
    const { session } = work;
    session.active = step.active;
    if (!step.active) session.flowQuestion = undefined;
    let said = false;
    let asked = false;
    for (const e of step.emitted) {
      if (e.type === 'reply') {
        work.replies.push(...e.replies);
        said = true;
        const q = [...e.replies].reverse().find((r): r is QuestionReply => r.kind === 'question');
        if (q && step.active) {
          session.flowQuestion = q;
          asked = true;
        }
      }
      else if (e.effect.kind === 'run-command') work.pendingCommands.push(e.effect.command);
      else {
        const handler = this.effects[e.effect.kind];
        if (!handler) throw new Error(`No handler for effect ${e.effect.kind}`);
        await handler(work.ctx, e.effect);
      }
    }
    // A flow that spoke without asking has moved past its last question: there is none to come back to.
    if (step.active && said && !asked) session.flowQuestion = undefined;
    if (!step.active && step.output?.next) {
      const { flow, input } = step.output.next;
      return this.start(work, flow, input, true);
    }
    if (!step.active && session.aside) {
      // A side flow ended: the flow that waited comes back (its question is asked at the end of the turn).
      session.active = session.aside.active;
      session.flowQuestion = session.aside.flowQuestion;
      session.aside = undefined;
    }
  }
}
