/**
 * Text that only an internal error puts in an answer: JavaScript, JSON.parse, superjson, tRPC, zod defaults,
 * PostgreSQL, Drizzle, stack frames. Our own words never use these ("not valid JSON" would be ours, so the
 * JSON patterns are V8's exact phrasings).
 */
export const LEAK_PATTERNS: readonly RegExp[] = [
  // JavaScript runtime errors
  /Cannot read propert/,
  /Cannot destructure/,
  /is not a function/,
  /is not iterable/,
  /is not defined/,
  /Maximum call stack/,
  /\bundefined\b/,
  /\b(?:Type|Range|Syntax|Reference)Error\b/,
  /Invalid time value/,
  /Cannot convert .* to a BigInt/,
  // JSON.parse (V8)
  /Unexpected token/,
  /Unexpected end of JSON/,
  /JSON at position/,
  /", ?".* is not valid JSON/,
  /Bad control character/,
  /Unterminated string/,
  /Unexpected non-whitespace/,
  // superjson
  /Trying to deserialize/,
  /Unknown transformation/,
  /is not allowed as a property/,
  /prototype pollution/i,
  /index out of bounds/,
  /invalid path/,
  // tRPC's own messages
  /No procedure found on path/,
  /-request to \w+ procedure/,
  /needs to be an object when doing a batch/,
  /Invalid URL-encoding/,
  /content-type header/,
  /Unsupported content-type/,
  /Cannot mix procedure types/,
  /TRPCError/,
  // zod's default messages (ours name the field)
  /Invalid input: expected/,
  /Invalid option: expected/,
  /Too (?:small|big): expected/,
  /Unrecognized key/,
  /Invalid key in record/,
  /ZodError/,
  // PostgreSQL, postgres.js and Drizzle
  /postgres/i,
  /Failed query/,
  /params:/,
  /violates/,
  /invalid byte sequence/,
  /invalid input syntax/,
  /(?:high|low) surrogate/,
  /unsupported Unicode escape/,
  /cannot be converted to text/,
  /duplicate key/,
  /out of range for type/,
  /field value out of range/,
  /syntax error at/,
  /DrizzleQueryError/,
  /SQLSTATE/,
  // stack frames and file paths
  /\bat \//,
  /\bat \S+ \(/,
  /node_modules/,
  /\.[jt]s:\d+/,
];

/** The first pattern the text matches, or null. */
export function findLeak(text: string): string | null {
  return LEAK_PATTERNS.find((pattern) => pattern.test(text))?.source ?? null;
}
