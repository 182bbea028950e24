import { createActor } from 'xstate';
import { createExploreMachine } from '../../flows/explore.js';
import type { FlowEmitted } from '../../flows/flow-protocol.js';
import { chooseNextItem } from '../../src/domain/choose-next-item.js';
import { choicesFor } from '../../src/domain/interest-items.js';
import { progressLabel, type QuestionReply, type Reply } from '../../src/domain/messages.js';
import { appData } from '../helpers/test-app.js';

/** Unclear answers: "Maybe" to every yes-no question; on a pick, its first option or "None of these". */
type Style = 'maybe, first option' | 'maybe, none of these' | 'yes to everything';

async function walk(grade: number, style: Style) {
  const data = await appData();
  const machine = createExploreMachine({ framework: data.framework, items: data.items, canPlan: true });
  const actor = createActor(machine, { input: { grade } });
  const replies: Reply[] = [];
  actor.on('*', (e) => {
    const emitted = e as FlowEmitted;
    if (emitted.type === 'reply') replies.push(...emitted.replies);
  });
  actor.start();
  for (let i = 0; i < 100 && actor.getSnapshot().value === 'asking'; i++) {
    const item = chooseNextItem(data.framework.framework, data.items, actor.getSnapshot().context.answers, grade)!;
    const choices = choicesFor(item);
    const choiceId =
      style === 'yes to everything' ? choices[0]!.id : item.kind === 'yes-no' ? 'maybe' : style === 'maybe, first option' ? choices[0]!.id : 'no';
    actor.send({ type: 'ANSWER', questionId: `interest:${item.id}`, choiceId });
  }
  const questions = replies.filter((r): r is QuestionReply => r.kind === 'question' && r.questionId.startsWith('interest:'));
  const intro = replies.find((r) => r.kind === 'text' && /quick questions/.test(r.text));
  return { state: actor.getSnapshot().value, intro: intro?.kind === 'text' ? intro.text : '', questions };
}

describe('the count the quiz promises', () => {
  for (const grade of [3, 6, 9]) {
    for (const style of ['maybe, first option', 'maybe, none of these', 'yes to everything'] as const) {
      it(`grade ${grade}, ${style}: never passes the intro's number, and every label reads the same way`, async () => {
        const { state, intro, questions } = await walk(grade, style);
        expect(state).toBe('results');
        const promised = Number(/I'll ask up to (\d+) quick questions/.exec(intro)?.[1]);
        expect(promised).toBeGreaterThan(0);
        expect(intro).not.toMatch(/about \d/);
        expect(questions.length).toBeGreaterThan(0);
        expect(questions.length).toBeLessThanOrEqual(promised);
        questions.forEach((q, i) => {
          expect(q.progress).toEqual({ index: i + 1, total: promised, atMost: true });
          expect(progressLabel(q.progress!)).toBe(`${i + 1} of up to ${promised}`);
        });
      });
    }
  }

  it('covers the case from the report: unclear answers going past the old "about 15"', async () => {
    const { questions } = await walk(9, 'maybe, first option');
    expect(questions.length).toBeGreaterThan(15);
    expect(progressLabel(questions.at(-1)!.progress!)).toBe(`${questions.length} of up to 24`);
  });

  it('says "up to" again when going back from the first question', async () => {
    const data = await appData();
    const actor = createActor(createExploreMachine({ framework: data.framework, items: data.items, canPlan: true }), { input: { grade: 9 } });
    const replies: Reply[] = [];
    actor.on('*', (e) => {
      const emitted = e as FlowEmitted;
      if (emitted.type === 'reply') replies.push(...emitted.replies);
    });
    actor.start();
    replies.length = 0;
    actor.send({ type: 'BACK' });
    const again = replies.find((r): r is QuestionReply => r.kind === 'question');
    expect(again?.progress).toEqual({ index: 1, total: 24, atMost: true });
  });
});
