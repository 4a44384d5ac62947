import { describe, expect, it } from 'vitest';
import { jobSlotAt } from './job-slot';

describe('jobSlotAt', () => {
  it("reads a scheduler job's due time from its id, whatever its own timestamp says", () => {
    const job = { id: 'repeat:3f1c2b4e-0000-4000-8000-000000000000:1796583781234', timestamp: 1796583778340 };
    expect(jobSlotAt(job).getTime()).toBe(1796583781234);
  });

  it('takes the time a one-off job was added', () => {
    expect(jobSlotAt({ id: '42', timestamp: 1796583778340 }).getTime()).toBe(1796583778340);
    expect(jobSlotAt({ id: 'catch-up-abc', timestamp: 5 }).getTime()).toBe(5);
    expect(jobSlotAt({ timestamp: 7 }).getTime()).toBe(7);
  });
});
