import { describe, expect, it } from '@jest/globals';
import { firstName } from '../../src/domain/first-name.js';

describe('what to call someone in a short line', () => {
  it('is the first word of a name, or a title with the last name, never a title alone', () => {
    expect(firstName('Ana Ruiz')).toBe('Ana');
    expect(firstName('Ms. Lee')).toBe('Ms. Lee');
    expect(firstName('Dr. Priya Patel')).toBe('Dr. Patel');
    expect(firstName('Sra. Díaz')).toBe('Sra. Díaz');
    expect(firstName('Ms.')).toBe('Ms.');
    expect(firstName('  ')).toBeUndefined();
    expect(firstName(undefined)).toBeUndefined();
  });
});
