import { z } from 'zod';

/** `limit` of a list request: a whole number from 1 to `max`, `fallback` when left out. */
export const limitField = (max: number, fallback: number) =>
  z
    .number({ error: 'limit must be a number' })
    .int({ error: 'limit must be a whole number' })
    .min(1, { error: 'limit must be at least 1' })
    .max(max, { error: `limit must be at most ${max}` })
    .default(fallback);

/** `offset` of a list request: rows to skip, 0 when left out. */
export const offsetField = () =>
  z
    .number({ error: 'offset must be a number' })
    .int({ error: 'offset must be a whole number' })
    .min(0, { error: 'offset must be at least 0' })
    .default(0);
