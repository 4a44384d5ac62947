import superjson from 'superjson';
import type { LiveEvent } from '@mini-netumo/contracts';

/**
 * superjson's wire format (`{ json, meta: { values, v: 1 } }`), written by hand for what live events hold:
 * plain objects, arrays, primitives and Dates. superjson's generic walk was most of the worker's cost of
 * publishing a check. Anything else (a Map, a BigInt, NaN...) goes to superjson itself, so the output is
 * always what superjson.parse reads.
 */
export function encodeEvent(event: LiveEvent): string {
  const values: Record<string, [string]> = {};
  let json: unknown;
  try {
    json = plainObject(event, '', values);
  } catch (error) {
    if (error !== NOT_PLAIN) throw error;
    return superjson.stringify(event);
  }
  for (const _ in values) return JSON.stringify({ json, meta: { values, v: 1 } });
  return JSON.stringify({ json });
}

const NOT_PLAIN = Symbol('not plain');

/** superjson's path syntax: keys joined by dots, with dots and backslashes in a key escaped. */
function pathOf(parent: string, key: string | number): string {
  const escaped = typeof key === 'number' || !/[.\\]/.test(key) ? key : key.replace(/\\/g, '\\\\').replace(/\./g, '\\.');
  return parent === '' ? String(escaped) : `${parent}.${escaped}`;
}

/** A JSON-safe copy; the path is only built for what needs one (a Date, an undefined, a nested object). */
function plain(value: unknown, parent: string, key: string | number, values: Record<string, [string]>): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (Number.isFinite(value) && !Object.is(value, -0)) return value;
    throw NOT_PLAIN;
  }
  if (value === undefined) {
    values[pathOf(parent, key)] = ['undefined'];
    return null;
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw NOT_PLAIN;
    values[pathOf(parent, key)] = ['Date'];
    return value.toISOString();
  }
  const path = pathOf(parent, key);
  if (Array.isArray(value)) return value.map((item, i) => plain(item, path, i, values));
  return plainObject(value, path, values);
}

function plainObject(value: unknown, path: string, values: Record<string, [string]>): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) throw NOT_PLAIN;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = plain((value as Record<string, unknown>)[key], path, key, values);
  return out;
}
