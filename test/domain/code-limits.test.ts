import {
  GLOBAL_MAX_WRONG,
  isLocked,
  recordWrongCode,
  recordWrongCodeForEveryone,
  type EveryoneAttempts,
} from '../../src/domain/code-limits.js';
import type { CodeAttempts } from '../../src/domain/codes.js';

const MIN = 60_000;

function guess(times: number[]): { state: CodeAttempts | undefined; locks: (string | undefined)[] } {
  let state: CodeAttempts | undefined;
  const locks: (string | undefined)[] = [];
  for (const t of times) {
    if (isLocked(state, new Date(t))) {
      locks.push('refused');
      continue;
    }
    const r = recordWrongCode(state, 'console:x', new Date(t));
    state = r.attempts;
    locks.push(r.locked);
  }
  return { state, locks };
}

describe('limits on guessing codes', () => {
  const start = Date.parse('2026-01-01T10:00:00Z');

  it('the tenth wrong code within an hour pauses code entry for an hour', () => {
    const times = Array.from({ length: 10 }, (_, i) => start + i * (6 * MIN - 1));
    const { state, locks } = guess(times);
    expect(locks).toEqual([...Array(9).fill(undefined), 'hour']);
    const last = times[9]!;
    expect(isLocked(state, new Date(last + 60 * MIN - 1))).toBe(true);
    expect(isLocked(state, new Date(last + 60 * MIN))).toBe(false);
  });

  it('after an hour pause, the next wrong code does not lock again at once', () => {
    const times = Array.from({ length: 10 }, (_, i) => start + i * MIN);
    const after = times[9]! + 60 * MIN;
    const { locks } = guess([...times, after]);
    expect(locks.at(-1)).toBeUndefined();
  });

  it('30 wrong codes in a day, kept under 10 an hour, pause code entry for a day', () => {
    const times = Array.from({ length: 30 }, (_, i) => start + i * 7 * MIN);
    const { state, locks } = guess(times);
    expect(locks.filter((l) => l === 'hour')).toEqual([]);
    expect(locks.at(-1)).toBe('day');
    expect(isLocked(state, new Date(times[29]! + 24 * 60 * MIN - 1))).toBe(true);
    expect(isLocked(state, new Date(times[29]! + 24 * 60 * MIN))).toBe(false);
  });

  it('the same 30 wrong codes spread over two days do not lock', () => {
    const times = Array.from({ length: 30 }, (_, i) => start + i * 100 * MIN);
    expect(guess(times).locks.every((l) => l === undefined)).toBe(true);
  });

  it('wrong codes from everyone together pause all code entry for 15 minutes, counted per minute', () => {
    let record: EveryoneAttempts | undefined;
    let pausedAt = -1;
    for (let i = 0; i < GLOBAL_MAX_WRONG; i++) {
      const r = recordWrongCodeForEveryone(record, new Date(start + Math.floor(i / 10) * MIN));
      record = r.record;
      if (r.paused) pausedAt = i;
    }
    expect(pausedAt).toBe(GLOBAL_MAX_WRONG - 1);
    const at = start + Math.floor((GLOBAL_MAX_WRONG - 1) / 10) * MIN;
    expect(isLocked(record, new Date(at + 15 * MIN - 1))).toBe(true);
    expect(isLocked(record, new Date(at + 15 * MIN))).toBe(false);
  });

  it('the everyone-together count forgets wrong codes older than an hour and stays small', () => {
    let record: EveryoneAttempts | undefined;
    for (let i = 0; i < 3 * GLOBAL_MAX_WRONG; i++) {
      const r = recordWrongCodeForEveryone(record, new Date(start + i * 20_000)); // 3 a minute: 180 an hour
      expect(r.paused).toBe(false);
      record = r.record;
    }
    expect(record!.perMinute.length).toBeLessThanOrEqual(61);
  });
});
