/**
 * remindersDue works each student out on numbers (so a sweep over a million students makes no
 * status object per student). These cases check it gives exactly what the rules of reviewStatus
 * and overdueReason give, student by student, for many made-up students and moments, whether the
 * plan comes as dates (a plan record) or as epoch ms (the facts index).
 */
import {
  MAKE_PLAN_GRADES,
  digestWeekOf,
  remindersDue,
  reminderKey,
  reviewStatus,
  schoolCalendar,
  type Reminder,
  type ReviewPolicy,
  type SentReminders,
  type StudentForReminders,
} from '../../../src/domain/reminders/index.js';
import { metInWindowOf, overdueReason } from '../../../src/domain/reminders/plan-status.js';
import { local, policy } from './policy-fixtures.js';

/** remindersDue as it was written before, on reviewStatus and overdueReason: the reference. */
function byStatus(students: StudentForReminders[], p: ReviewPolicy, now: Date, sent: SentReminders): Reminder[] {
  const calendar = schoolCalendar(p, now);
  const out: Reminder[] = [];
  const overdueByCounselor = new Map<string, string[]>();
  for (const s of students) {
    if (s.graduated) continue;
    const status = reviewStatus(s.plan, p, now, calendar);
    const w = status.openWindow;
    if (w && status.state === 'no-plan') {
      const key = reminderKey(s.studentKey, w.id, 'make-plan');
      const g = s.grade;
      if (g !== undefined && g >= MAKE_PLAN_GRADES.from && g <= MAKE_PLAN_GRADES.to && !sent.has(key)) {
        out.push({ key, kind: 'make-plan', recipientKey: s.studentKey, studentKey: s.studentKey, window: w, reason: `${w.label} window ${w.firstDay} to ${w.lastDay} is open; grade ${g}, no plan yet` });
      }
    }
    if (w && !w.reviewed && status.state !== 'no-plan' && !metInWindowOf(s.meetings, w.id)) {
      const first = reminderKey(s.studentKey, w.id, 'first');
      const second = reminderKey(s.studentKey, w.id, 'second');
      const span = `${w.label} window ${w.firstDay} to ${w.lastDay}`;
      if (!sent.has(first)) out.push({ key: first, kind: 'first', recipientKey: s.studentKey, studentKey: s.studentKey, window: w, reason: `${span} is open; no review since it opened` });
      else if (!sent.has(second)) {
        const firstAt = sent.sentAt(first);
        const firstMs = firstAt === undefined ? NaN : Date.parse(firstAt);
        if (now.getTime() - firstMs >= p.secondReminderAfterDays * 86_400_000) {
          out.push({
            key: second, kind: 'second', recipientKey: s.studentKey, studentKey: s.studentKey, window: w,
            reason: `first reminder sent ${firstAt!.slice(0, 10)}; still no review after ${p.secondReminderAfterDays} days (${span})`,
          });
        }
      }
    }
    if (s.counselorKeys?.length && overdueReason(status, s.meetings, calendar, now.getTime())) {
      for (const c of s.counselorKeys) {
        let list = overdueByCounselor.get(c);
        if (!list) overdueByCounselor.set(c, (list = []));
        list.push(s.studentKey);
      }
    }
  }
  const weekOf = digestWeekOf(p, now);
  for (const [counselorKey, overdueStudentKeys] of overdueByCounselor) {
    const key = reminderKey(counselorKey, `week-${weekOf}`, 'counselor-digest');
    if (sent.has(key)) continue;
    out.push({
      key, kind: 'counselor-digest', recipientKey: counselorKey, counselorKey, weekOf, overdueStudentKeys,
      reason: `weekly digest (week of ${weekOf}): ${overdueStudentKeys.length} overdue student${overdueStudentKeys.length === 1 ? '' : 's'}`,
    });
  }
  return out;
}

/** A small deterministic random source, so a failure can be run again. */
function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

const FROM = local('2024-06-01 00:00').getTime();
const TO = local('2027-07-01 00:00').getTime();

function madeUp(rand: () => number, n: number, now: Date, p: ReviewPolicy): { students: StudentForReminders[]; sent: SentReminders } {
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const time = () => new Date(FROM + rand() * (TO - FROM)).toISOString();
  const windowIds = ['2024-25', '2025-26', '2026-27'].flatMap((y) => p.windows.map((w) => `${y}-${w.id}`));
  const sentAt = new Map<string, string | undefined>();
  const students: StudentForReminders[] = [];
  for (let i = 0; i < n; i++) {
    const studentKey = `slack:U${i}`;
    const s: StudentForReminders = { studentKey };
    const planKind = rand();
    if (planKind < 0.7) {
      s.plan = {
        versions: planKind < 0.05 ? [] : [{ at: planKind < 0.08 ? 'not a time' : time() }],
        reviews: Array.from({ length: Math.floor(rand() * 4) }, () => ({ at: rand() < 0.05 ? 'garbage' : time() })),
      };
    }
    if (rand() < 0.7) s.counselorKeys = Array.from({ length: 1 + Math.floor(rand() * 2) }, () => `slack:UC${Math.floor(rand() * 4)}`);
    if (rand() < 0.3) s.meetings = { meetings: Array.from({ length: 1 + Math.floor(rand() * 2) }, () => (rand() < 0.7 ? { at: time(), windowId: pick(windowIds) } : { at: time() })) };
    if (rand() < 0.8) s.grade = 6 + Math.floor(rand() * 8);
    if (rand() < 0.05) s.graduated = true;
    students.push(s);
    for (const w of windowIds) {
      for (const kind of ['first', 'second', 'make-plan'] as const) {
        if (rand() < 0.15) sentAt.set(reminderKey(studentKey, w, kind), rand() < 0.8 ? new Date(now.getTime() - rand() * 30 * 86_400_000).toISOString() : undefined);
      }
    }
  }
  for (let c = 0; c < 4; c++) if (rand() < 0.3) sentAt.set(reminderKey(`slack:UC${c}`, `week-${digestWeekOf(p, now)}`, 'counselor-digest'), undefined);
  return { students, sent: { has: (k) => sentAt.has(k), sentAt: (k) => sentAt.get(k) } };
}

/** The same student with the plan's times as numbers, as the facts index gives them. */
function asNumbers(s: StudentForReminders): StudentForReminders {
  if (!s.plan) return s;
  const { plan, ...rest } = s;
  const at = plan.versions[0]?.at;
  let last = NaN;
  for (const r of plan.reviews) {
    const ms = Date.parse(r.at);
    if (!Number.isNaN(ms) && !(ms <= last)) last = ms;
  }
  return { ...rest, draftedMs: at === undefined ? NaN : Date.parse(at), lastReviewMs: last };
}

describe('which reminders are due, worked out on numbers', () => {
  for (const timeZone of ['America/Chicago', 'Pacific/Honolulu']) {
    it(`gives exactly what reviewStatus and overdueReason give, for 400 made-up students at 60 moments (${timeZone})`, () => {
      const p = policy(timeZone);
      const rand = random(timeZone.length * 7919);
      for (let k = 0; k < 60; k++) {
        const now = new Date(FROM + 365 * 86_400_000 + rand() * (TO - FROM - 400 * 86_400_000));
        const { students, sent } = madeUp(rand, 400, now, p);
        const expected = byStatus(students, p, now, sent);
        expect(remindersDue(students, p, now, sent)).toEqual(expected);
        expect(remindersDue(students.map(asNumbers), p, now, sent)).toEqual(expected);
      }
    });
  }

  it('takes the students as they come from an iterator, one at a time', () => {
    const p = policy();
    const now = local('2025-10-01 10:00');
    const { students, sent } = madeUp(random(42), 200, now, p);
    function* oneByOne() {
      yield* students;
    }
    expect(remindersDue({ [Symbol.iterator]: oneByOne }, p, now, sent)).toEqual(byStatus(students, p, now, sent));
  });
});
