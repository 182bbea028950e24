import { progressLabel } from '../../src/domain/messages.js';
import {
  chooseNextItem,
  questionLimit,
  MAX_ANSWERS,
  YOUNG_MAX_ANSWERS,
} from '../../src/domain/choose-next-item.js';
import type { Answer } from '../../src/domain/score-interests.js';
import { clustersOf, converse, framework, items, seeded, studentWhoLikes, type Student } from './interest-students.js';

const rankOf = (ids: string[], id: string) => ids.indexOf(id) + 1;

describe('a student who likes exactly one cluster (grade 9)', () => {
  const counts: number[] = [];
  const countsWithNone: number[] = [];

  for (const cluster of framework.clusters) {
    test(`${cluster.name}: ends in the top 3 within ${MAX_ANSWERS} answers`, () => {
      // Must pick an option on every pick (as the buttons offer), so a misfit pick adds noise.
      const { answers, result } = converse(studentWhoLikes([cluster.id]), 9);
      expect(rankOf(result.clusters.map((c) => c.clusterId), cluster.id)).toBeGreaterThanOrEqual(1);
      expect(rankOf(result.clusters.map((c) => c.clusterId), cluster.id)).toBeLessThanOrEqual(3);
      expect(result.paths[0]!.pathId).toBe(cluster.pathId);
      expect(answers.length).toBeLessThanOrEqual(MAX_ANSWERS);
      counts.push(answers.length);

      // Same student, answering "None of these" when no option fits.
      const withNone = converse(studentWhoLikes([cluster.id], true), 9);
      expect(rankOf(withNone.result.clusters.map((c) => c.clusterId), cluster.id)).toBeLessThanOrEqual(3);
      countsWithNone.push(withNone.answers.length);
    });
  }

  test('takes about 12 to 18 answers on average', () => {
    expect(counts).toHaveLength(16);
    const average = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    // Measured: about 17.9 when every pick needs an answer, 15.9 with "None of these".
    console.log(
      `one-cluster students: average ${average(counts).toFixed(1)} answers (min ${Math.min(...counts)}, max ${Math.max(...counts)}); ` +
        `with "None of these" on picks ${average(countsWithNone).toFixed(1)}`,
    );
    expect(average(counts)).toBeGreaterThanOrEqual(11);
    expect(average(counts)).toBeLessThanOrEqual(19);
    expect(average(countsWithNone)).toBeLessThanOrEqual(18);
  });
});

describe('students with two interests', () => {
  test('both clusters end in the top 3 for nearly every pair, never past the cap', () => {
    let both = 0;
    let pairs = 0;
    for (const a of framework.clusters) {
      for (const b of framework.clusters) {
        if (a.id >= b.id) continue;
        const { answers, result } = converse(studentWhoLikes([a.id, b.id]), 11);
        const top3 = result.clusters.slice(0, 3).map((c) => c.clusterId);
        pairs++;
        if (top3.includes(a.id) && top3.includes(b.id)) both++;
        expect(top3.includes(a.id) || top3.includes(b.id)).toBe(true);
        expect(answers.length).toBeLessThanOrEqual(MAX_ANSWERS);
      }
    }
    expect(pairs).toBe(120);
    expect(both).toBeGreaterThanOrEqual(114); // measured 119 of 120
  });
});

describe('a student in grade 3', () => {
  for (const path of framework.paths) {
    test(`who likes the ${path.nickname}: gets only young questions and that path first, in fewer questions`, () => {
      const { asked, result } = converse(studentWhoLikes(path.clusterIds), 3);
      expect(asked.every((item) => item.young)).toBe(true);
      expect(result.paths[0]!.pathId).toBe(path.id);
      expect(asked.length).toBeLessThanOrEqual(12);
      expect(asked.length).toBeLessThanOrEqual(YOUNG_MAX_ANSWERS);
    });
  }

  test('is never asked an item that is not worded for young children, even when the young ones run out', () => {
    const everythingYes: Student = (item) => (item.kind === 'yes-no' ? 'yes' : item.options![0]!.id);
    for (const grade of [0, 1, 2, 3, 4, 5]) {
      const { asked } = converse(everythingYes, grade);
      expect(asked.every((item) => item.young)).toBe(true);
      expect(asked.length).toBeLessThanOrEqual(YOUNG_MAX_ANSWERS);
    }
  });
});

describe('asking', () => {
  const students: [string, Student][] = [
    ['all yes', (item) => (item.kind === 'yes-no' ? 'yes' : item.options![0]!.id)],
    ['all maybe', (item) => (item.kind === 'yes-no' ? 'maybe' : item.options![item.options!.length - 1]!.id)],
    ['all no', (item) => (item.kind === 'yes-no' ? 'no' : 'no')],
    ['all maybe, picks unsure', () => 'maybe'],
  ];

  for (const [name, student] of students) {
    test(`an "${name}" student finishes within ${MAX_ANSWERS} answers and never hears a question twice`, () => {
      for (const grade of [3, 7, 9, 12, 14]) {
        const { asked } = converse(student, grade);
        expect(asked.length).toBeGreaterThan(0);
        expect(asked.length).toBeLessThanOrEqual(MAX_ANSWERS);
        expect(new Set(asked.map((i) => i.id)).size).toBe(asked.length);
      }
    });
  }

  test('a student who says no to everything is not kept long', () => {
    const { asked } = converse(() => 'no', 9);
    expect(asked.length).toBeLessThanOrEqual(14);
  });

  test('noisy students never hear a question twice and usually get their cluster in the top 3', () => {
    const random = seeded(7);
    let hits = 0;
    let total = 0;
    for (let round = 0; round < 3; round++) {
      for (const cluster of framework.clusters) {
        const student: Student = (item) => {
          const r = random();
          if (item.kind === 'pick') {
            const fit = item.options!.find((o) => o.clusterIds.includes(cluster.id));
            return fit && r < 0.8 ? fit.id : item.options![Math.floor(random() * item.options!.length)]!.id;
          }
          if (item.clusterIds.includes(cluster.id)) return r < 0.75 ? 'yes' : r < 0.9 ? 'maybe' : 'no';
          return r < 0.1 ? 'yes' : r < 0.25 ? 'maybe' : 'no';
        };
        const { asked, result } = converse(student, 10);
        expect(new Set(asked.map((i) => i.id)).size).toBe(asked.length);
        expect(asked.length).toBeLessThanOrEqual(MAX_ANSWERS);
        total += asked.length;
        if (result.clusters.slice(0, 3).some((c) => c.clusterId === cluster.id)) hits++;
      }
    }
    expect(hits).toBeGreaterThanOrEqual(42); // of 48
    expect(total / 48).toBeLessThanOrEqual(21);
  });

  test('covers every cluster within the first 8 questions', () => {
    for (const cluster of framework.clusters) {
      const { asked } = converse(studentWhoLikes([cluster.id]), 9);
      const seen = new Set(asked.slice(0, 8).flatMap(clustersOf));
      expect(framework.clusters.filter((c) => !seen.has(c.id)).map((c) => c.id)).toEqual([]);
    }
  });

  test('covers every path within the first 6 questions in grade 2', () => {
    const pathOf = new Map(framework.clusters.map((c) => [c.id, c.pathId]));
    for (const path of framework.paths) {
      const { asked } = converse(studentWhoLikes(path.clusterIds), 2);
      const seen = new Set(asked.slice(0, 6).flatMap(clustersOf).map((c) => pathOf.get(c)));
      expect(framework.paths.filter((p) => !seen.has(p.id)).map((p) => p.id)).toEqual([]);
    }
  });

  test('stops asking about a cluster the student clearly turned down', () => {
    // Likes Agriculture only: after two plain "no" answers about drawing and music, Arts is out.
    const artsOnly = new Set(items.filter((i) => i.kind === 'yes-no' && i.clusterIds.join() === 'arts-av').map((i) => i.id));
    expect(artsOnly.size).toBeGreaterThanOrEqual(4);
    const { asked } = converse(studentWhoLikes(['agriculture']), 9);
    expect(asked.filter((i) => artsOnly.has(i.id)).length).toBeLessThanOrEqual(1);
  });

  test('stops asking about a cluster already clearly ahead', () => {
    const agOnly = new Set(items.filter((i) => i.kind === 'yes-no' && i.clusterIds.join() === 'agriculture').map((i) => i.id));
    expect(agOnly.size).toBeGreaterThanOrEqual(3);
    const { asked } = converse(studentWhoLikes(['agriculture']), 9);
    expect(asked.filter((i) => agOnly.has(i.id)).length).toBeLessThan(agOnly.size);
  });

  test('is repeatable: the same answers always lead to the same next question', () => {
    const student = studentWhoLikes(['health-science', 'education-training']);
    const first = converse(student, 10).asked.map((i) => i.id);
    const second = converse(student, 10).asked.map((i) => i.id);
    expect(second).toEqual(first);
  });

  test('opens with the first item of the data file and never asks two picks in a row', () => {
    const { asked } = converse(studentWhoLikes(['marketing']), 9);
    expect(asked[0]!.id).toBe(items[0]!.id);
    for (let i = 1; i < asked.length; i++) {
      expect([asked[i - 1]!.kind, asked[i]!.kind]).not.toEqual(['pick', 'pick']);
    }
  });

  test('asks nothing more once MAX_ANSWERS answers are in', () => {
    const answers: Answer[] = items.slice(0, MAX_ANSWERS).map((item) => ({ itemId: item.id, value: 'yes' }));
    expect(chooseNextItem(framework, items, answers, 10)).toBeUndefined();
    expect(chooseNextItem(framework, items, answers.slice(0, 3), 10)).toBeDefined();
  });

  test('never repeats an item even when old answers name items that no longer exist', () => {
    const answers: Answer[] = [
      { itemId: 'retired-question', value: 'yes' },
      { itemId: items[0]!.id, value: 'yes' },
    ];
    const next = chooseNextItem(framework, items, answers, 9)!;
    expect(next.id).not.toBe(items[0]!.id);
  });
});

describe('questionLimit', () => {
  test('is the cap for the grade: 24 from grade 6 up, 16 for grades K-5', () => {
    expect(questionLimit(items, 9)).toBe(MAX_ANSWERS);
    expect(questionLimit(items, 6)).toBe(MAX_ANSWERS);
    expect(questionLimit(items, 2)).toBe(YOUNG_MAX_ANSWERS);
  });

  test('is never more than the questions there are for the grade', () => {
    expect(questionLimit(items.slice(0, 5), 9)).toBe(5);
    expect(questionLimit(items.filter((i) => i.young).slice(0, 3), 2)).toBe(3);
  });

  test('is never passed, whatever the answers, and reads "up to" on every question', () => {
    for (const grade of [2, 6, 9]) {
      for (const value of ['yes', 'maybe', 'no'] as const) {
        const answers: Answer[] = [];
        for (let item = chooseNextItem(framework, items, answers, grade); item; item = chooseNextItem(framework, items, answers, grade)) {
          answers.push({ itemId: item.id, value: item.kind === 'yes-no' || value === 'no' ? value : item.options![0]!.id });
        }
        expect(answers.length).toBeLessThanOrEqual(questionLimit(items, grade));
      }
    }
    expect(progressLabel({ index: 3, total: MAX_ANSWERS, atMost: true })).toBe(`3 of up to ${MAX_ANSWERS}`);
    expect(progressLabel({ index: 4, total: 5 })).toBe('4 of 5');
  });
});
