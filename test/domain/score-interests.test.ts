import { scoreInterests, type Answer, type InterestResult } from '../../src/domain/score-interests.js';
import { converse, framework, items, studentWhoSaysYesTo, type Student } from './interest-students.js';

/** The student answers every item once, in file order (no adaptive choice). */
function answerAll(student: Student): Answer[] {
  return items.map((item) => ({ itemId: item.id, value: student(item) }));
}

const topClusters = (r: InterestResult, n = 3) => r.clusters.slice(0, n).map((c) => c.clusterId);

const natureLover = studentWhoSaysYesTo(
  ['care-for-animals', 'grow-garden', 'outside-all-day', 'farm-work', 'protect-nature'],
  ['hike-woods', 'animal-shelter', 'run-farm', 'care-horses', 'park-ranger'],
);
const handsOnFixer = studentWhoSaysYesTo(
  ['take-apart-bike', 'build-with-hands', 'fix-broken-things', 'fix-engines', 'welding', 'shop-class', 'wire-lights', 'build-a-house'],
  ['fix-old-bike', 'stick-bridge', 'building-class', 'fix-tractors', 'build-school', 'robot-arm'],
);
const helper = studentWhoSaysYesTo(
  ['help-someone-hurt', 'listen-to-friends', 'care-for-little-kids', 'help-older-people', 'hospital-work', 'help-families'],
  ['kids-day-camp', 'cheer-up-friend', 'hospital-visit', 'people-class', 'bandage-knee'],
);

describe('scoring a student who loves animals, plants and the outdoors', () => {
  for (const [how, answers] of [
    ['answering every question', answerAll(natureLover)],
    ['in the adaptive conversation', converse(natureLover, 9).answers],
  ] as const) {
    test(`${how}: Agriculture, Food and Natural Resources and the Nature path come first`, () => {
      const result = scoreInterests(framework, items, answers);
      expect(result.clusters[0]!.clusterId).toBe('agriculture');
      expect(result.paths[0]!.pathId).toBe('natural-resources-agriculture');
    });
  }

  test('the reason quotes what they said yes to and what they picked', () => {
    const top = scoreInterests(framework, items, answerAll(natureLover)).clusters[0]!;
    expect(top.reason).toMatch(/^you said yes to taking care of animals and to growing plants/);
    expect(top.reason).toContain('you picked');
    expect(top.phrases).toEqual(expect.arrayContaining(['taking care of animals', 'growing plants', 'hiking in the woods']));
  });
});

describe('scoring a hands-on fixer', () => {
  test('Manufacturing, Architecture and Construction or Transportation is in the top 3', () => {
    for (const answers of [answerAll(handsOnFixer), converse(handsOnFixer, 10).answers]) {
      const result = scoreInterests(framework, items, answers);
      expect(topClusters(result)).toEqual(
        expect.arrayContaining([expect.stringMatching(/^(manufacturing|architecture-construction|transportation)$/)]),
      );
      expect(result.paths[0]!.pathId).toBe('industrial-engineering-technology');
    }
  });

  test('"yes" to fixing engines and to building things is quoted back like the student said it', () => {
    const result = scoreInterests(framework, items, [
      { itemId: 'build-with-hands', value: 'yes' },
      { itemId: 'fix-engines', value: 'yes' },
      { itemId: 'draw-and-paint', value: 'no' },
    ]);
    const manufacturing = result.clusters.find((c) => c.clusterId === 'manufacturing')!;
    expect(manufacturing.reason).toBe('you said yes to building things with your hands and to fixing engines');
    expect(topClusters(result)).toContain('manufacturing');
  });
});

describe('scoring a helper and caretaker', () => {
  test('Health Science or Human Services comes first', () => {
    for (const answers of [answerAll(helper), converse(helper, 8).answers]) {
      const result = scoreInterests(framework, items, answers);
      expect(['health-science', 'human-services']).toContain(result.clusters[0]!.clusterId);
      expect(['health-services', 'human-services']).toContain(result.paths[0]!.pathId);
    }
  });
});

describe('reasons', () => {
  test('a picked option is quoted as "you picked ..."', () => {
    const result = scoreInterests(framework, items, [{ itemId: 'pick-saturday', value: 'hike-woods' }]);
    expect(result.clusters[0]!.clusterId).toBe('agriculture');
    expect(result.clusters[0]!.reason).toBe('you picked hiking in the woods');
  });

  test('"maybe" answers are quoted as maybe, never as yes', () => {
    const result = scoreInterests(framework, items, [
      { itemId: 'play-music', value: 'maybe' },
      { itemId: 'care-for-animals', value: 'no' },
    ]);
    const arts = result.clusters.find((c) => c.clusterId === 'arts-av')!;
    expect(arts.reason).toContain('you said maybe to playing music or performing');
    expect(arts.reason).not.toContain('yes');
    expect(arts.phrases).toEqual([]);
  });

  test('no reason is generic: none says "based on your answers"', () => {
    for (const student of [natureLover, handsOnFixer, helper]) {
      const result = scoreInterests(framework, items, answerAll(student));
      for (const r of [...result.clusters, ...result.paths]) {
        expect(r.reason).not.toMatch(/based on/i);
        expect(r.reason.length).toBeGreaterThan(10);
      }
    }
  });

  test('a cluster nothing pointed at, next to one the student liked, says what it is close to', () => {
    const result = scoreInterests(framework, items, [{ itemId: 'drive-big-vehicles', value: 'yes' }]);
    const stem = result.clusters.find((c) => c.clusterId === 'stem')!;
    expect(stem.reason).toContain('driving big trucks, buses or trains');
    expect(stem.reason).not.toMatch(/you said yes/);
  });
});

describe('a student who says yes to nothing', () => {
  const allNo = items.map((item) => ({ itemId: item.id, value: 'no' }));

  test('still gets every path and cluster, ranked, with a kind reason', () => {
    const result = scoreInterests(framework, items, allNo);
    expect(result.clusters).toHaveLength(16);
    expect(result.paths).toHaveLength(6);
    expect(result.clusters[0]!.reason).toContain("that's okay");
    for (const r of [...result.clusters, ...result.paths]) {
      expect(r.reason).not.toContain('you said yes');
      expect(r.phrases).toEqual([]);
    }
  });

  test('with no answers at all, nothing pretends the student said something', () => {
    const result = scoreInterests(framework, items, []);
    expect(result.clusters.map((c) => c.clusterId)).toEqual(framework.clusters.map((c) => c.id));
    for (const r of result.clusters) expect(r.reason).toBe("we haven't talked about this one yet");
  });
});

describe('the result', () => {
  test('lists every cluster and path once, best first', () => {
    const result = scoreInterests(framework, items, answerAll(handsOnFixer));
    expect(new Set(result.clusters.map((c) => c.clusterId))).toEqual(new Set(framework.clusters.map((c) => c.id)));
    expect(new Set(result.paths.map((p) => p.pathId))).toEqual(new Set(framework.paths.map((p) => p.id)));
    for (const list of [result.clusters, result.paths]) {
      for (let i = 1; i < list.length; i++) expect(list[i - 1]!.score).toBeGreaterThanOrEqual(list[i]!.score);
    }
  });

  test('answers to questions that no longer exist, or values that do not fit, are ignored', () => {
    const clean = scoreInterests(framework, items, [{ itemId: 'grow-garden', value: 'yes' }]);
    const noisy = scoreInterests(framework, items, [
      { itemId: 'retired-question', value: 'yes' },
      { itemId: 'grow-garden', value: 'yes' },
      { itemId: 'draw-and-paint', value: 'absolutely' },
      { itemId: 'pick-saturday', value: 'not-an-option' },
    ]);
    expect(noisy).toEqual(clean);
  });

  test('"None of these" on a pick counts against its options', () => {
    const none = scoreInterests(framework, items, [{ itemId: 'pick-saturday', value: 'no' }]);
    const arts = none.clusters.find((c) => c.clusterId === 'arts-av')!;
    const untouched = none.clusters.find((c) => c.clusterId === 'finance')!;
    expect(arts.score).toBeLessThan(untouched.score);
  });

  test('a yes counts more than a picked option, and a pick more than a maybe', () => {
    const score = (answers: Answer[]) =>
      scoreInterests(framework, items, answers).clusters.find((c) => c.clusterId === 'agriculture')!.score;
    const yes = score([{ itemId: 'care-for-animals', value: 'yes' }]);
    const picked = score([{ itemId: 'pick-saturday', value: 'hike-woods' }]);
    const maybe = score([{ itemId: 'care-for-animals', value: 'maybe' }]);
    const no = score([{ itemId: 'care-for-animals', value: 'no' }]);
    expect(yes).toBeGreaterThan(picked);
    expect(picked).toBeGreaterThan(maybe);
    expect(maybe).toBeGreaterThan(no);
  });
});
