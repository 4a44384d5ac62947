import { hostileDate, hostileString, hostileValue, poisoned } from './hostile-values';
import type { Random } from './seeded-random';

type Path = readonly (string | number)[];

/** Every place in a value that can be changed: object fields and array items, at any depth. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object' || value instanceof Date) return [];
  const entries = Array.isArray(value) ? value.map((item, index) => [index, item] as const) : Object.entries(value);
  return entries.flatMap(([key, item]) => [[...prefix, key], ...pathsOf(item, [...prefix, key])]);
}

function deepClone<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map(deepClone) as T;
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, deepClone(item)])) as T;
  return value;
}

/** A changed copy of the leaf at `path`: poisoned text, an extreme date, any other value, or gone. */
function mutateAt(random: Random, root: unknown, path: Path, maxPieces: number): void {
  const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root) as Record<
    string | number,
    unknown
  >;
  const key = path[path.length - 1] as string | number;
  const current = parent[key];
  const roll = random.next();
  if (roll < 0.1) {
    delete parent[key];
  } else if (typeof current === 'string' && roll < 0.6) {
    parent[key] = poisoned(random, current);
  } else if (current instanceof Date && roll < 0.6) {
    parent[key] = hostileDate(random);
  } else if (current !== null && typeof current === 'object' && !Array.isArray(current) && roll < 0.5) {
    // A new key beside the known ones: header names and record keys are user input too.
    (current as Record<string, unknown>)[random.chance(0.5) ? poisoned(random, 'X-Key') : hostileString(random, 6)] = random.chance(0.5)
      ? 'v'
      : hostileValue(random, maxPieces);
  } else {
    parent[key] = hostileValue(random, maxPieces);
  }
}

/** A valid input with one to three of its fields broken: the inputs that get past most checks. */
export function nearValid(random: Random, valid: unknown, maxPieces: number): unknown {
  const copy = deepClone(valid);
  const paths = pathsOf(copy);
  if (paths.length === 0) return hostileValue(random, maxPieces);
  for (let count = random.chance(0.8) ? 1 : random.int(2, 3); count > 0; count--) {
    const live = pathsOf(copy);
    if (live.length > 0) mutateAt(random, copy, random.pick(live), maxPieces);
  }
  return copy;
}
