import { describe, expect, it } from 'vitest';
import type { CheckVerdict, MonitorStatus } from '@mini-netumo/contracts';
import { evaluateCheck } from './monitor-state';

const U: CheckVerdict = 'up';
const D: CheckVerdict = 'down';
const X: CheckVerdict = 'unknown';

/** Feeds a sequence of verdicts through the state machine and returns each status. */
function run(start: MonitorStatus, verdicts: CheckVerdict[], failureThreshold = 2, recoveryThreshold = 1): MonitorStatus[] {
  let state = { status: start, consecutiveFailures: 0, consecutiveSuccesses: 0 };
  return verdicts.map((verdict) => {
    state = evaluateCheck(state, verdict, { failureThreshold, recoveryThreshold }).next;
    return state.status;
  });
}

describe('evaluateCheck', () => {
  it.each<[string, MonitorStatus, CheckVerdict[], number, number, MonitorStatus[]]>([
    ['first success decides up', 'pending', [U], 2, 1, ['up']],
    ['one failure keeps pending', 'pending', [D], 2, 1, ['pending']],
    ['two failures from pending go down', 'pending', [D, D], 2, 1, ['pending', 'down']],
    ['one failure keeps up', 'up', [D], 2, 1, ['up']],
    ['two consecutive failures go down', 'up', [D, D], 2, 1, ['up', 'down']],
    ['a success between failures resets the count', 'up', [D, U, D], 2, 1, ['up', 'up', 'up']],
    ['up again on the first success', 'up', [D, D, U], 2, 1, ['up', 'down', 'up']],
    ['threshold 1 goes down at once', 'up', [D], 1, 1, ['down']],
    ['threshold 3 needs three', 'up', [D, D, D], 3, 1, ['up', 'up', 'down']],
    ['staying down adds no transition', 'up', [D, D, D, D], 2, 1, ['up', 'down', 'down', 'down']],
    ['resumed monitor starts over as pending', 'paused', [D], 2, 1, ['pending']],
    ['recovery threshold 2 needs two successes', 'down', [U, U], 2, 2, ['down', 'up']],
    ['a failure while recovering stays down and restarts recovery', 'down', [U, D, U, U], 2, 2, ['down', 'down', 'down', 'up']],
    ['unknown changes nothing', 'up', [X, X, X], 2, 1, ['up', 'up', 'up']],
    ['unknown neither breaks nor extends a failure streak', 'up', [D, X, D], 2, 1, ['up', 'up', 'down']],
    ['unknown does not count towards recovery', 'down', [U, X, U], 2, 2, ['down', 'down', 'up']],
    ['unknown leaves pending pending', 'pending', [X], 2, 1, ['pending']],
  ])('%s', (_name, start, verdicts, failureThreshold, recoveryThreshold, expected) => {
    expect(run(start, verdicts, failureThreshold, recoveryThreshold)).toEqual(expected);
  });

  it('reports transitions only when the status changes', () => {
    const t = { failureThreshold: 2, recoveryThreshold: 1 };
    const at = (status: MonitorStatus, consecutiveFailures: number) => ({ status, consecutiveFailures, consecutiveSuccesses: 0 });
    expect(evaluateCheck(at('up', 1), D, t).transition).toEqual({ from: 'up', to: 'down' });
    expect(evaluateCheck(at('down', 2), D, t).transition).toBeNull();
    expect(evaluateCheck(at('down', 5), U, t).transition).toEqual({ from: 'down', to: 'up' });
    expect(evaluateCheck(at('up', 0), U, t).transition).toBeNull();
    expect(evaluateCheck(at('up', 1), X, t).transition).toBeNull();
  });

  it('counts consecutive failures and successes', () => {
    const t = { failureThreshold: 2, recoveryThreshold: 3 };
    const down = { status: 'down' as const, consecutiveFailures: 4, consecutiveSuccesses: 0 };
    expect(evaluateCheck(down, D, t).next).toEqual({ status: 'down', consecutiveFailures: 5, consecutiveSuccesses: 0 });
    expect(evaluateCheck(down, U, t).next).toEqual({ status: 'down', consecutiveFailures: 0, consecutiveSuccesses: 1 });
  });
});
