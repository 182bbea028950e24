import { bandForGrade, whatsDue } from '../../../src/domain/family/index.js';
import type { CardReply, Reply } from '../../../src/domain/messages.js';
import { ALL_GRADES, FALL, SPRING, gradeActions, makePlan, status } from './family-fixtures.js';

const all = (replies: Reply[]) => replies.map((r) => r.text).join('\n');
const card = (replies: Reply[]) => replies.find((r): r is CardReply => r.kind === 'card');
const GRADE_WORDS: Record<number, string> = {
  0: 'in kindergarten', 1: 'in 1st grade', 2: 'in 2nd grade', 3: 'in 3rd grade', 4: 'in 4th grade', 5: 'in 5th grade',
  6: 'in 6th grade', 7: 'in 7th grade', 8: 'in 8th grade', 9: 'in 9th grade', 10: 'in 10th grade', 11: 'in 11th grade',
  12: 'in 12th grade', 13: 'in their first year after high school', 14: 'in their second year after high school',
};

describe("what's due this year, for a family member", () => {
  describe.each(ALL_GRADES)('grade %i', (grade) => {
    const band = bandForGrade(gradeActions, grade);

    it('starts with the grade and the next step, then what the student should do and what the family can do', () => {
      const replies = whatsDue({ grade, gradeActions, studentName: 'Jordan Lee' });
      expect(replies[0]!.text).toMatch(new RegExp(`^Jordan is ${GRADE_WORDS[grade]}[. ]`));
      expect(replies[0]!.text).toContain(band.planExpected);
      const student = replies.findIndex((r) => r.text === `This year the big things are:\n${band.student.map((s) => `- ${s}`).join('\n')}`);
      const family = replies.findIndex((r) => r.text === `How you can help:\n${band.family.map((s) => `- ${s}`).join('\n')}`);
      expect(student).toBeGreaterThan(0);
      expect(family).toBe(student + 1);
      for (const c of band.community) expect(all(replies)).toContain(c);
    });

    if (grade >= 6) {
      it('with a plan, leads with the check-in when one is due or overdue', () => {
        const due = whatsDue({ grade, gradeActions, plan: makePlan(6), reviewInfo: status('due', { openWindow: { ...FALL, reviewed: false } }), studentName: 'Jordan' });
        expect(due[0]!.text).toBe(
          `Jordan is ${GRADE_WORDS[grade]}. It's fall check-in time: Jordan should meet with the counselor about the plan by Nov 15. Families are welcome to join.`,
        );
        const late = whatsDue({ grade, gradeActions, plan: makePlan(6), reviewInfo: status('overdue', { overdue: { because: 'missed-window', window: FALL, since: '2026-11-16' } }), studentName: 'Jordan' });
        expect(late[0]!.text).toMatch(new RegExp(`^Jordan is ${GRADE_WORDS[grade]}\\. Jordan's plan is overdue for a check-in with the counselor\\.`));
      });

      it('without a plan, leads with starting one', () => {
        const replies = whatsDue({ grade, gradeActions, reviewInfo: status('no-plan', { openWindow: { ...FALL, reviewed: false } }), studentName: 'Jordan' });
        expect(replies[0]!.text).toBe(`Jordan is ${GRADE_WORDS[grade]} and doesn't have a plan in Waypoint yet. ${band.planExpected}`);
        expect(replies[1]!.text).toMatch(/^Counselors are meeting with students about plans now, until Nov 15\. .*How you can help start it:\n- /s);
      });
    }

    it('with a plan, shows this year of the plan and the next counselor meeting', () => {
      const plan = makePlan(Math.min(Math.max(grade, 6), 9), { goal: 'Community college: vet tech' });
      const replies = whatsDue({ grade, gradeActions, plan, reviewInfo: status('up-to-date', { nextWindow: SPRING }), studentName: 'Jordan' });
      const text = all(replies);
      if (grade < 6) {
        expect(text).toContain("Jordan's plan starts in 6th grade, so it has nothing for this year.");
        expect(text).not.toMatch(/check-in/);
      } else {
        const c = card(replies)!;
        expect(c.title).toMatch(/^This year in Jordan's plan \(/);
        expect(c.fields).toEqual(
          expect.arrayContaining([
            { label: 'Classes', value: `English ${grade}, Math ${grade}` },
            { label: 'Work-based learning', value: grade >= 9 ? `Job shadow day (${grade})` : 'None listed yet' },
            { label: 'Activities', value: grade >= 9 ? `FFA (${grade})` : 'None listed yet' },
            { label: 'Goal after high school', value: 'Community college: vet tech' },
          ]),
        );
        expect(text).toContain('The next plan check-in with the counselor is in the spring: Feb 1 to Apr 15.');
      }
      expect(text).not.toMatch(/doesn't have a plan in Waypoint/);
    });

    it('without a plan, says what planning is expected at this grade and how to help start it', () => {
      const replies = whatsDue({ grade, gradeActions, reviewInfo: status('no-plan', { nextWindow: SPRING }), studentName: 'Jordan' });
      const text = all(replies);
      expect(card(replies)).toBeUndefined();
      expect(text).toContain(band.planExpected);
      for (const step of band.planStart) expect(text).toContain(step);
      if (grade < 6) {
        expect(band.planExpected).toMatch(/No plan is needed yet/);
        expect(text).not.toMatch(/doesn't have a plan in Waypoint/);
      } else {
        expect(text).toContain(`Jordan is ${GRADE_WORDS[grade]} and doesn't have a plan in Waypoint yet.`);
        expect(text).toContain('How you can help start it:');
        expect(text).toContain('The next plan check-in with the counselor is in the spring: Feb 1 to Apr 15.');
      }
      if (grade >= 6 && grade <= 8) expect(band.planExpected).toMatch(/end of 8th grade/);
      if (grade >= 9) expect(band.planExpected).toMatch(/not too late/i);
    });

    it('keeps each message short enough for a phone', () => {
      const states = [
        status('no-plan', { openWindow: { ...FALL, reviewed: false } }),
        status('due', { openWindow: { ...FALL, reviewed: false } }),
        status('reviewed', { openWindow: { ...FALL, reviewed: true }, nextWindow: SPRING }),
        status('overdue', { overdue: { because: 'missed-window', window: FALL, since: '2026-11-16' } }),
      ];
      for (const plan of [undefined, makePlan(6)]) {
        for (const reviewInfo of states) {
          for (const audience of ['family', 'student'] as const) {
            const replies = whatsDue({ grade, gradeActions, studentName: 'Jordan', audience, reviewInfo, ...(plan ? { plan } : {}) });
            expect(replies.length).toBeLessThanOrEqual(6);
            for (const r of replies) if (r.kind === 'text') expect(r.text.length).toBeLessThanOrEqual(330);
          }
        }
      }
    });
  });

  it('says "your student" when the student has no name', () => {
    const replies = whatsDue({ grade: 8, gradeActions });
    expect(replies[0]!.text).toMatch(/^Your student is in 8th grade and doesn't have a plan in Waypoint yet\./);
  });

  it('names the next review or meeting for each review state', () => {
    const say = (s: Parameters<typeof status>[0], extra = {}) =>
      all(whatsDue({ grade: 9, gradeActions, plan: makePlan(9), reviewInfo: status(s, extra), studentName: 'Jordan' }));
    expect(say('due', { openWindow: { ...FALL, reviewed: false } })).toContain(
      "It's fall check-in time: Jordan should meet with the counselor about the plan by Nov 15. Families are welcome to join.",
    );
    expect(say('reviewed', { openWindow: { ...FALL, reviewed: true }, nextWindow: SPRING })).toContain(
      "Jordan's plan was checked this fall. The next plan check-in with the counselor is in the spring: Feb 1 to Apr 15.",
    );
    expect(say('overdue', { overdue: { because: 'missed-window', window: FALL, since: '2026-11-16' } })).toContain(
      "Jordan's plan is overdue for a check-in with the counselor.",
    );
    expect(say('up-to-date')).toContain('The next plan check-in with the counselor is next school year.');
  });
});

describe("what's due this year, for a student", () => {
  it.each(ALL_GRADES)('grade %i: talks to the student, with their own plan', (grade) => {
    const band = bandForGrade(gradeActions, grade);
    const replies = whatsDue({ grade, gradeActions, audience: 'student', plan: makePlan(Math.max(6, grade > 9 ? 9 : grade)), studentName: 'Jordan' });
    const text = all(replies);
    const you = grade === 0 ? "You're in kindergarten." : grade >= 13 ? "You're in your" : `You're in ${GRADE_WORDS[grade]!.slice(3)}.`;
    expect(replies[0]!.text.startsWith(you)).toBe(true);
    for (const s of band.student) expect(text).toContain(s);
    for (const f of band.family) expect(text).not.toContain(f);
    expect(text).not.toContain('Jordan');
    if (grade >= 6) expect(card(replies)!.title).toMatch(/^This year in your plan/);
  });

  it('without a plan, tells the student how to start one', () => {
    const text = all(whatsDue({ grade: 8, gradeActions, audience: 'student', reviewInfo: status('due', { openWindow: { ...FALL, reviewed: false } }) }));
    expect(text).toContain("You're in 8th grade and don't have a Personal Plan of Study (your map of classes and activities) yet.");
    expect(text).toContain('type explore');
    expect(text).toContain("It's time for your fall plan check-in with your counselor. You have until Nov 15.");
  });
});
