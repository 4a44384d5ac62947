import type { ZodType } from 'zod';

/** The few parts of zod 4's schema definitions the conversion walks. */
interface SchemaDef {
  type: string;
  shape?: Record<string, ZodType>;
  innerType?: ZodType;
  in?: ZodType;
  element?: ZodType;
  options?: ZodType[];
  valueType?: ZodType;
  left?: ZodType;
  right?: ZodType;
  getter?: () => ZodType;
}

const defOf = (schema: ZodType): SchemaDef => (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;

/** What JSON and a query string can say of a date: an ISO 8601 date, or date and time with an optional zone. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const DECIMAL = /^-?\d+(?:\.\d+)?$/;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/**
 * A REST input as the contract expects it: JSON has no dates and a query string has only text, so a value is
 * turned into the type its schema names where that is unambiguous (an ISO date string into a Date; from a query
 * string also `42` into a number, `true`/`false` into a boolean, one value into a list). Anything else is left as
 * sent, for the contract to refuse by its field's name. The contract's schemas are only read, never changed: the
 * tRPC API validates with the very same objects.
 */
export function inputFromJson(schema: ZodType, value: unknown, fromText: boolean): unknown {
  const def = defOf(schema);
  if (WRAPPERS.has(def.type) && def.innerType) return inputFromJson(def.innerType, value, fromText);
  switch (def.type) {
    case 'pipe':
      return def.in ? inputFromJson(def.in, value, fromText) : value;
    case 'lazy':
      return def.getter ? inputFromJson(def.getter(), value, fromText) : value;
    case 'date':
      return typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value)) ? new Date(value) : value;
    case 'number':
      return fromText && typeof value === 'string' && DECIMAL.test(value) ? Number(value) : value;
    case 'boolean':
      return fromText && (value === 'true' || value === 'false') ? value === 'true' : value;
    case 'array': {
      const list = fromText && typeof value === 'string' ? [value] : value;
      return Array.isArray(list) && def.element ? list.map((item) => inputFromJson(def.element as ZodType, item, fromText)) : list;
    }
    case 'object':
      if (!isRecord(value) || !def.shape) return value;
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => {
          const field = Object.hasOwn(def.shape as object, key) ? def.shape?.[key] : undefined;
          return [key, field ? inputFromJson(field, item, fromText) : item];
        }),
      );
    case 'record':
      if (!isRecord(value) || !def.valueType) return value;
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, inputFromJson(def.valueType as ZodType, item, fromText)]));
    // Each branch turns only what it names; where two branches disagree about a field, the contract refuses it anyway.
    case 'union':
      return (def.options ?? []).reduce<unknown>((converted, option) => inputFromJson(option, converted, fromText), value);
    case 'intersection':
      return [def.left, def.right].reduce<unknown>(
        (converted, side) => (side ? inputFromJson(side, converted, fromText) : converted),
        value,
      );
    default:
      return value;
  }
}
