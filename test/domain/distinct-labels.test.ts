import { describe, expect, it } from '@jest/globals';
import { distinctLabels } from '../../src/domain/distinct-labels.js';

describe('buttons that name people', () => {
  it('show names, never ids; a shared name gets its detail, then a number; no name gets a placeholder', () => {
    const labels = distinctLabels(
      [{ name: 'Ana Diaz', detail: '11th grade' }, { name: 'Ana Diaz', detail: '9th grade' }, { name: 'Ben Kim', detail: '9th grade' }, { name: 'Cy Roe', detail: '10th grade' }, { name: 'Cy Roe', detail: '10th grade' }, {}],
      (n) => `Student ${n}`,
    );
    expect(labels).toEqual(['Ana Diaz, 11th grade', 'Ana Diaz, 9th grade', 'Ben Kim', 'Cy Roe, 10th grade (1)', 'Cy Roe, 10th grade (2)', 'Student 1']);
  });
});
