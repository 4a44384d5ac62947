import { describe, expect, it } from 'vitest';
import type { MonitorStatus } from '@mini-netumo/contracts';
import { evaluateCheck } from './monitor-state';

/** Feeds a sequence of check outcomes through the state machine and returns each status. */
function run(start: MonitorStatus, outcomes: boolean[], threshold: number): MonitorStatus[] {
  let state = { status: start, consecutiveFailures: 0 };
  return outcomes.map((ok) => {
    state = evaluateCheck(state, ok, threshold).next;
    return state.status;
  });
}

describe('evaluateCheck', () => {
  it.each<[string, MonitorStatus, boolean[], number, MonitorStatus[]]>([
    ['first success decides up', 'pending', [true], 2, ['up']],
    ['one failure keeps pending', 'pending', [false], 2, ['pending']],
    ['two failures from pending go down', 'pending', [false, false], 2, ['pending', 'down']],
    ['one failure keeps up', 'up', [false], 2, ['up']],
    ['two consecutive failures go down', 'up', [false, false], 2, ['up', 'down']],
    ['a success between failures resets the count', 'up', [false, true, false], 2, ['up', 'up', 'up']],
    ['up again on the first success', 'up', [false, false, true], 2, ['up', 'down', 'up']],
    ['threshold 1 goes down at once', 'up', [false], 1, ['down']],
    ['threshold 3 needs three', 'up', [false, false, false], 3, ['up', 'up', 'down']],
    ['staying down adds no transition', 'up', [false, false, false, false], 2, ['up', 'down', 'down', 'down']],
    ['resumed monitor starts over as pending', 'paused', [false], 2, ['pending']],
  ])('%s', (_name, start, outcomes, threshold, expected) => {
    expect(run(start, outcomes, threshold)).toEqual(expected);
  });

  it('reports transitions only when the status changes', () => {
    expect(evaluateCheck({ status: 'up', consecutiveFailures: 1 }, false, 2).transition).toEqual({ from: 'up', to: 'down' });
    expect(evaluateCheck({ status: 'down', consecutiveFailures: 2 }, false, 2).transition).toBeNull();
    expect(evaluateCheck({ status: 'down', consecutiveFailures: 5 }, true, 2).transition).toEqual({ from: 'down', to: 'up' });
    expect(evaluateCheck({ status: 'up', consecutiveFailures: 0 }, true, 2).transition).toBeNull();
  });

  it('counts consecutive failures and resets them on success', () => {
    expect(evaluateCheck({ status: 'down', consecutiveFailures: 4 }, false, 2).next.consecutiveFailures).toBe(5);
    expect(evaluateCheck({ status: 'down', consecutiveFailures: 4 }, true, 2).next.consecutiveFailures).toBe(0);
  });
});
