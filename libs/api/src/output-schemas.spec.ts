import { describe, expect, it } from 'vitest';
import { appRouter } from './_app';

type Procedures = Record<string, { _def: { type: 'query' | 'mutation' | 'subscription'; output?: unknown } }>;

describe('output schemas', () => {
  it('every query and mutation answers through a contract schema, which drops what the contract does not name', () => {
    // `_def.procedures` is typed as the nested router record, but at run time it is flat: 'monitors.create' → procedure.
    const procedures = Object.entries(appRouter._def.procedures as unknown as Procedures);
    // events.live streams LiveEvents the domain builds from the same mappers; tRPC does not parse what a subscription yields.
    const unchecked = procedures.filter(([, { _def }]) => _def.type !== 'subscription' && _def.output === undefined).map(([path]) => path);
    expect(unchecked).toEqual([]);
  });
});
