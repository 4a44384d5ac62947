import { describe, expect, it } from 'vitest';
import { staysTight } from './heap-growth';

describe('the worker heap growth rule', () => {
  it('stays tight while full collections are at least 5 s apart, and lets V8 choose when they come faster', () => {
    // 10,000 monitors every 60 s: a full collection every ~9–11 s with the tight factor.
    expect(staysTight(true, 9_300)).toBe(true);
    expect(staysTight(true, 5_000)).toBe(true);
    // 100,000 monitors: about one a second.
    expect(staysTight(true, 1_200)).toBe(false);
    expect(staysTight(true, 4_999)).toBe(false);
  });

  it("goes back to tight only when V8's own collections are three times as far apart, so the two do not take turns", () => {
    // V8's factor of up to 4 makes the gaps up to three times longer at the same pace.
    expect(staysTight(false, 2_800)).toBe(false);
    expect(staysTight(false, 9_500)).toBe(false);
    expect(staysTight(false, 14_999)).toBe(false);
    expect(staysTight(false, 15_000)).toBe(true);
  });
});
