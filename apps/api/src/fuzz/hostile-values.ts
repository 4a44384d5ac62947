import type { Random } from './seeded-random';

/**
 * What strings are made of: NUL, lone and paired surrogates, controls, quotes, bidi and BOM marks. No ':' or
 * '/' or '.', so no generated string is ever a URL or a host name (nothing may be probed), and no letters that
 * could spell a word of the leak deny-list.
 */
const STRING_PIECES = [
  'a',
  'b',
  'z',
  '0',
  '9',
  ' ',
  '-',
  '_',
  '\u0000',
  '\ud800',
  '\udfff',
  '\udc00\ud800',
  '\ud83d\ude00',
  'é',
  '\n',
  '\r',
  '\t',
  '"',
  "'",
  '\\',
  '<',
  '>',
  '{',
  '}',
  '%',
  '~',
  '\u202e',
  '\ufeff',
  '\u0001',
  '\u007f',
  '\uffff',
];

/** Marks that PostgreSQL refuses in text or jsonb. */
const POISON = ['\u0000', '\ud800', '\udfff', '\udc00x'];

const NUMBERS = [
  0,
  -0,
  -1,
  1.5,
  NaN,
  Infinity,
  -Infinity,
  1e308,
  -1e308,
  2 ** 53,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
  2 ** 31,
  -(2 ** 31) - 1,
  5e-324,
  86_401,
  10_081,
];

/** A Date that superjson still encodes (it calls toISOString, which throws on an invalid date) as a bad ISO text. */
function invalidDate(): Date {
  const date = new Date(Number.NaN);
  date.toISOString = () => 'not a date';
  return date;
}

const DATES = [8.64e15, -8.64e15, 0, -1, 253_402_300_800_000, 253_402_300_799_999, -62_198_755_200_000, Date.now()];

export function hostileString(random: Random, maxPieces: number): string {
  if (random.chance(0.05)) return 'a'.repeat(random.pick([101, 1_001, 2_049, maxPieces * 4]));
  const count = random.int(0, random.chance(0.8) ? 12 : maxPieces);
  let text = '';
  for (let index = 0; index < count; index++) text += random.pick(STRING_PIECES);
  return random.chance(0.3) ? text + random.pick(POISON) : text;
}

/** The same text with something PostgreSQL refuses appended (after a URL's path, so its host stays loopback). */
export function poisoned(random: Random, text: string): string {
  const poison = random.pick(POISON);
  return /^https?:/.test(text) || random.chance(0.5) ? text + poison : poison + text;
}

export const hostileNumber = (random: Random): number =>
  random.chance(0.8) ? random.pick(NUMBERS) : random.int(-1e6, 1e6) * random.pick([1, 0.5, 1e6]);

export const hostileDate = (random: Random): Date => (random.chance(0.15) ? invalidDate() : new Date(random.pick(DATES)));

/** Keys that might trip code that indexes objects by user input ('constructor' and '__proto__': see raw-requests.ts). */
const KEYS = ['a', 'id', 'name', 'kind', 'type', 'toString', 'hasOwnProperty', 'valueOf', '', '\u0000', '\ud800', 'X-Token'];

/** Any value superjson can carry: scalars, dates, bigints, maps, sets, regexps, undefined, and nested trees. */
export function hostileValue(random: Random, maxPieces: number, depth = 0): unknown {
  const kinds = depth > 2 ? 9 : 12;
  switch (random.int(0, kinds - 1)) {
    case 0:
    case 1:
      return hostileString(random, maxPieces);
    case 2:
      return hostileNumber(random);
    case 3:
      return hostileDate(random);
    case 4:
      return random.pick([null, undefined, true, false]);
    case 5:
      return BigInt(random.pick(['0', '-1', '99999999999999999999999']));
    case 6:
      return random.pick([/a+/gi, new Set([1, 'a']), new Map<unknown, unknown>([['a', 1]]), new Error('fuzz')]);
    case 7:
      return random.pick([[], [hostileString(random, 4)], [0, null]]);
    case 8:
      return {};
    case 9:
    case 10:
      return hostileObject(random, maxPieces, depth + 1);
    default:
      return Array.from({ length: random.int(0, 4) }, () => hostileValue(random, maxPieces, depth + 1));
  }
}

export function hostileObject(random: Random, maxPieces: number, depth = 0): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (let count = random.int(0, 5); count > 0; count--) {
    const key = random.chance(0.7) ? random.pick(KEYS) : hostileString(random, 6);
    object[key] = hostileValue(random, maxPieces, depth);
  }
  return object;
}

/** A whole input that is not an object at all. */
export const nonObjectInput = (random: Random): unknown =>
  random.pick<() => unknown>([
    () => null,
    () => hostileNumber(random),
    () => hostileString(random, 8),
    () => [],
    () => [hostileObject(random, 8)],
    () => true,
    () => hostileDate(random),
    () => BigInt(7),
  ])();
