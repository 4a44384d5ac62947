import { describe, expect, it } from 'vitest';
import { dueCountdownStep } from './countdown-step';

describe('dueCountdownStep', () => {
  const steps = [7, 3, 1];
  it.each([
    [10, 14, null],
    [8, 14, null],
    [7, 14, 7],
    [6, 14, 7],
    [3, 14, 3],
    [2, 10, 3],
    [1, 14, 1],
    [0, 14, 1],
    [-1, 14, 1],
  ])('%i days left (opened at %i) -> %s', (daysLeft, atOpening, step) => {
    expect(dueCountdownStep(steps, daysLeft, atOpening)).toBe(step);
  });

  it('leaves out the steps the opening alert already covered', () => {
    expect(dueCountdownStep(steps, 5, 5)).toBeNull();
    expect(dueCountdownStep(steps, 7, 7)).toBeNull();
    expect(dueCountdownStep(steps, 3, 5)).toBe(3);
  });

  it('takes the steps in any order, and none at all', () => {
    expect(dueCountdownStep([1, 7, 3], 2, 14)).toBe(3);
    expect(dueCountdownStep([], 2, 14)).toBeNull();
  });
});
