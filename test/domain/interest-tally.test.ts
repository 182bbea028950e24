import { collectEvidence, type UnitEvidence } from '../../src/domain/interest-evidence.js';
import { tallyAnswers, unitSpace } from '../../src/domain/interest-tally.js';
import type { Answer } from '../../src/domain/score-interests.js';
import { framework, items } from './interest-students.js';

/** Answer lists a conversation can hold, and some it should not: repeats, unknown items, values that fit nothing. */
function randomAnswers(count: number, seed: number): Answer[][] {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  return Array.from({ length: count }, () => {
    const length = Math.floor(rnd() * 26);
    return Array.from({ length }, () => {
      if (rnd() < 0.05) return { itemId: 'no-such-item', value: 'yes' };
      const item = items[Math.floor(rnd() * items.length)]!;
      const values = item.kind === 'pick' ? [...(item.options ?? []).map((o) => o.id), 'no', 'maybe', 'yes'] : ['yes', 'maybe', 'no', 'later'];
      return { itemId: item.id, value: values[Math.floor(rnd() * values.length)]! };
    });
  });
}

const isDirect = (u: UnitEvidence) => u.observations.some((o) => o.weight === 1 && ['yes', 'maybe', 'no'].includes(o.kind));

describe('the tally the next question is chosen from', () => {
  it('adds up every answer list exactly as the results read it, for clusters and for paths', () => {
    for (const answers of randomAnswers(400, 99)) {
      const evidence = collectEvidence(framework, items, answers);
      for (const young of [false, true]) {
        const tally = tallyAnswers(framework, items, answers, young);
        const units = young ? evidence.paths : evidence.clusters;
        unitSpace(framework, items, young).unitIds.forEach((id, u) => {
          const unit = units.get(id)!;
          expect([id, tally.n[u], tally.sum[u], tally.direct[u] === 1]).toEqual([id, unit.n, unit.sum, isDirect(unit)]);
        });
        expect(tally.anyPositive).toBe(evidence.anyPositive);
      }
    }
  });

  it('counts only the latest answer when an item was answered twice', () => {
    const item = items.find((i) => i.kind === 'yes-no')!;
    const once = tallyAnswers(framework, items, [{ itemId: item.id, value: 'no' }], false);
    const twice = tallyAnswers(framework, items, [{ itemId: item.id, value: 'yes' }, { itemId: item.id, value: 'no' }], false);
    expect([...twice.n]).toEqual([...once.n]);
    expect([...twice.sum]).toEqual([...once.sum]);
    expect(twice.anyPositive).toBe(false);
  });
});
