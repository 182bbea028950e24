import { parseGrade } from '../../src/domain/grade.js';

describe('reading a grade from what someone typed', () => {
  it.each([
    ['8', 8],
    ['8th', 8],
    ['eighth grade', 8],
    ["I'm in 7th grade", 7],
    ['ninth', 9],
    ['freshman', 9],
    ["I'm a freshman", 9],
    ['sophomore', 10],
    ['a junior', 11],
    ['senior', 12],
    ['kindergarten', 0],
    ['K', 0],
    ['after high school', 13],
  ])('"%s" is grade %s', (typed, grade) => {
    expect(parseGrade(typed)).toBe(grade);
  });

  it.each(['', 'banana', '13', 'grade'])('"%s" is not a grade', (typed) => {
    expect(parseGrade(typed)).toBeUndefined();
  });
});
