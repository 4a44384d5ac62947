import { hostileDate, hostileObject, hostileValue, nonObjectInput } from './hostile-values';
import { nearValid } from './near-valid';
import type { Random } from './seeded-random';

/**
 * `count` inputs for one procedure: mostly near-valid (a valid input with a field or two broken), then whole
 * inputs that are not objects, random trees, every field hostile at once, extreme dates, and a few valid ones.
 */
export function fuzzInputs(random: Random, valid: readonly unknown[], count: number, maxPieces: number): unknown[] {
  const examples = valid.length > 0 ? valid : [{}];
  return Array.from({ length: count }, () => {
    const roll = random.next();
    const example = random.pick(examples);
    if (roll < 0.1) return nonObjectInput(random);
    if (roll < 0.2) return hostileObject(random, maxPieces);
    if (roll < 0.27) return everyFieldHostile(random, example, maxPieces);
    if (roll < 0.3) return { ...(example as object), from: hostileDate(random), to: hostileDate(random) };
    if (roll < 0.35) return example;
    return nearValid(random, example, maxPieces);
  });
}

function everyFieldHostile(random: Random, example: unknown, maxPieces: number): unknown {
  if (example === null || typeof example !== 'object') return hostileValue(random, maxPieces);
  return Object.fromEntries(Object.keys(example).map((key) => [key, hostileValue(random, maxPieces)]));
}
