import { createActor } from 'xstate';
import type { FlowEmitted, FlowEvent, PlanProposal } from '../../flows/flow-protocol.js';
import { planMachine, type PlanFlowInput } from '../../flows/plan.js';
import { CONFIRM_Q, GOAL_TYPED_Q, REVIEW_Q } from '../../flows/plan-replies.js';

const proposal: PlanProposal = { change: { kind: 'remove', name: 'HOSA' }, at: '2026-11-23T15:00:00.000Z', version: 1 };

/** Runs the plan flow from `input` through `events`, the way the engine does (restored between turns). */
function run(input: PlanFlowInput, events: FlowEvent[]) {
  let snapshot: unknown;
  const turns: FlowEmitted[][] = [];
  let status = 'active';
  let value: unknown;
  for (const event of [undefined, ...events]) {
    const actor = createActor(planMachine, snapshot === undefined ? { input } : { input, snapshot: snapshot as never });
    const emitted: FlowEmitted[] = [];
    actor.on('*', (e) => emitted.push(e as FlowEmitted));
    actor.start();
    if (event) actor.send(event);
    const snap = actor.getSnapshot();
    status = snap.status;
    value = snap.value;
    snapshot = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    actor.stop();
    turns.push(emitted);
  }
  const questions = turns.map((t) => t.flatMap((e) => (e.type === 'reply' ? e.replies.filter((r) => r.kind === 'question').map((r) => (r as { questionId: string }).questionId) : [])));
  const effects = turns.flatMap((t) => t.flatMap((e) => (e.type === 'effect' ? [e.effect.kind] : [])));
  return { status, value, questions, effects, turns };
}

const answer = (questionId: string, choiceId: string): FlowEvent => ({ type: 'ANSWER', questionId, choiceId });

describe('the plan flow', () => {
  it('asks about a change and applies it only after "yes"', () => {
    const r = run({ start: 'confirm', proposal, preview: 'Remove HOSA.' }, [answer(CONFIRM_Q, 'yes')]);
    expect(r.questions[0]).toEqual([CONFIRM_Q]);
    expect(r.effects).toEqual(['apply-plan-change']);
    expect(r.status).toBe('done');
  });

  it('"no", "back" and "undo" while a change waits leave the plan alone', () => {
    for (const event of [answer(CONFIRM_Q, 'no'), { type: 'BACK' } as FlowEvent, { type: 'CANCEL' } as FlowEvent]) {
      const r = run({ start: 'confirm', proposal, preview: 'Remove HOSA.' }, [event]);
      expect(r.effects).toEqual([]);
      expect(r.status).toBe('done');
    }
  });

  it('a new change replaces the one waiting, and "yes" applies the new one', () => {
    const other: PlanProposal = { ...proposal, change: { kind: 'add', name: 'FFA', grade: 10 } };
    const r = run({ start: 'confirm', proposal, preview: 'Remove HOSA.' }, [{ type: 'PROPOSE', proposal: other, preview: 'Add FFA.' }, answer(CONFIRM_Q, 'yes')]);
    expect(r.questions[1]).toEqual([CONFIRM_Q]);
    const applied = r.turns[2]!.find((e) => e.type === 'effect');
    expect(applied).toEqual({ type: 'effect', effect: { kind: 'apply-plan-change', proposal: other } });
  });

  it('a review asks whether the plan is right, takes changes one by one, and is saved on "done"', () => {
    const r = run({ start: 'review' }, [
      answer(REVIEW_Q, 'no'),
      { type: 'PROPOSE', proposal, preview: 'Remove HOSA.' },
      answer(CONFIRM_Q, 'yes'),
      { type: 'TEXT', text: "That's all!" },
    ]);
    expect(r.questions).toEqual([[REVIEW_Q], [], [CONFIRM_Q], [REVIEW_Q], []]);
    expect(r.effects).toEqual(['apply-plan-change', 'finish-review']);
    expect(r.status).toBe('done');
  });

  it('a review is saved by "yes", or by "finish review" at any step, and words it does not know are left for others', () => {
    expect(run({ start: 'review' }, [answer(REVIEW_Q, 'yes')]).effects).toEqual(['finish-review']);
    const mid = run({ start: 'review' }, [answer(REVIEW_Q, 'no'), { type: 'PROPOSE', proposal, preview: 'Remove HOSA.' }, { type: 'FINISH' }]);
    expect(mid.effects).toEqual(['finish-review']);
    const other = run({ start: 'review' }, [{ type: 'TEXT', text: 'what is FAFSA' }]);
    expect(other.turns[1]).toEqual([]);
    expect(other.status).toBe('active');
  });

  it('"finish review" means nothing to a change that is not part of a review', () => {
    const r = run({ start: 'confirm', proposal, preview: 'Remove HOSA.' }, [{ type: 'FINISH' }]);
    expect(r.turns[1]).toEqual([]);
    expect(r.value).toBe('confirm');
  });

  it('a typed goal is set as typed; another kind of change, or "decide later", sets none', () => {
    const typed = run({ start: 'goal' }, [{ type: 'TEXT', text: 'Welding certificate at the career center.' }]);
    expect(typed.questions[0]).toEqual([GOAL_TYPED_Q]);
    expect(typed.turns[1]).toEqual([{ type: 'effect', effect: { kind: 'set-goal', goal: 'Welding certificate at the career center' } }]);
    const change = run({ start: 'goal' }, [{ type: 'TEXT', text: 'move Chemistry to 11th' }]);
    expect(change.effects).toEqual([]);
    expect(change.status).toBe('active');
    const later = run({ start: 'goal' }, [answer(GOAL_TYPED_Q, 'later')]);
    expect(later.effects).toEqual([]);
    expect(later.status).toBe('done');
  });
});
