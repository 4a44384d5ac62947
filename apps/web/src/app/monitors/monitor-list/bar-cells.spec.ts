import { describe, expect, it } from 'vitest';
import { aCheckResult } from '../data-access/monitor-fixtures';
import { barWithCheck, emptyBar } from '../data-access/overview-bar';
import { barCells } from './bar-cells';

const HOUR = 3_600_000;
const NOW = Date.UTC(2025, 0, 2, 12, 30);
const bar = barWithCheck(emptyBar(NOW), aCheckResult({ checkedAt: new Date(NOW), verdict: 'up', ok: true, latencyMs: 40 }));

describe('barCells', () => {
  it('gives 24 cells, the last the current hour, each titled with its hour, state and latency', () => {
    const cells = barCells(bar, NOW);
    expect(cells).toHaveLength(24);
    expect(cells[23]).toMatchObject({ state: 'up' });
    expect(cells[23]?.title).toMatch(/: up, 40 ms average$/);
    expect(cells[0]).toMatchObject({ state: 'none' });
    expect(cells[0]?.title).not.toMatch(/ms average/);
  });

  it('slides a bar to the current hour, so every row ends at the same time', () => {
    expect(
      barCells(bar, NOW + HOUR)
        .map((cell) => cell.state)
        .slice(-2),
    ).toEqual(['up', 'none']);
  });

  it('builds the cells of a bar once per hour: a live check rebuilds its own row only', () => {
    expect(barCells(bar, NOW)).toBe(barCells(bar, NOW + 60_000));
    expect(barCells(bar, NOW + HOUR)).not.toBe(barCells(bar, NOW));
  });
});
