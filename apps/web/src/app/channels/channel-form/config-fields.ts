import { CHANNEL_CONFIG_SCHEMAS, CHANNEL_SECRET_FIELDS, isMaskedSecret, type ChannelKind } from '@mini-netumo/contracts';
import { z } from 'zod';

/** text: one line; list: several values, one per line; map: `Name: value` lines. */
export type ConfigFieldType = 'text' | 'list' | 'map';

/** One input of a channel's config, derived from the contract schema so the form cannot drift from it. */
export interface ConfigField {
  key: string;
  type: ConfigFieldType;
  /** Shown as a password input (or, for a map, every value is secret). */
  secret: boolean;
  /** The schema has a default or accepts null: leaving it empty is fine. */
  optional: boolean;
}

type JsonSchema = z.core.JSONSchema.JSONSchema;

/** What one property's JSON Schema says the value is; a nullable value is `anyOf` its type and null. */
function typeOf(property: JsonSchema): { type: ConfigFieldType; nullable: boolean } {
  const variants = property.anyOf ?? [property];
  const type = variants.some((variant) => variant.type === 'array')
    ? 'list'
    : variants.some((variant) => variant.type === 'object')
      ? 'map'
      : 'text';
  return { type, nullable: variants.some((variant) => variant.type === 'null') };
}

/**
 * The config inputs of a kind, in the schema's order. The JSON Schema of what the form may send (`io: 'input'`)
 * leaves out of `required` what has a default.
 */
export function configFields(kind: ChannelKind): ConfigField[] {
  const secrets: readonly string[] = CHANNEL_SECRET_FIELDS[kind];
  const schema = z.toJSONSchema(CHANNEL_CONFIG_SCHEMAS[kind], { io: 'input' });
  const required = schema.required ?? [];
  return Object.entries(schema.properties ?? {}).map(([key, property]) => {
    const { type, nullable } = typeof property === 'boolean' ? { type: 'text' as const, nullable: false } : typeOf(property);
    return {
      key,
      type,
      secret: secrets.includes(key) || secrets.includes(`values-of:${key}`),
      optional: nullable || !required.includes(key),
    };
  });
}

/** The text an input holds for a saved config value. */
export function toInputText(field: ConfigField, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (field.type === 'list') return Array.isArray(value) ? value.join('\n') : String(value);
  if (field.type === 'map') {
    return Object.entries(value as Record<string, string>)
      .map(([name, text]) => `${name}: ${text}`)
      .join('\n');
  }
  return String(value);
}

/** The config in the contract's input shape, unparsed: the contract schema decides what is valid. */
export function toConfig(fields: readonly ConfigField[], texts: Readonly<Partial<Record<string, string>>>): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const field of fields) {
    const text = texts[field.key] ?? '';
    if (field.type === 'list') {
      config[field.key] = text
        .split(/[\n,]/)
        .map((part) => part.trim())
        .filter(Boolean);
    } else if (field.type === 'map') {
      const entries = text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => {
          const colon = line.indexOf(':');
          return colon < 0 ? [line.trim(), ''] : [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
        });
      config[field.key] = Object.fromEntries(entries);
    } else {
      config[field.key] = text;
    }
  }
  return config;
}

/** What a saved secret's input says beside it: sending the mask back keeps the saved value. */
export function secretHint(value: string): string | null {
  if (!isMaskedSecret(value)) return null;
  const tail = value.replace(/^•+/, '');
  return tail ? `Saved secret ending in ${tail}; leave it as is to keep it` : 'Saved secret; leave it as is to keep it';
}

/** A field key as a person reads it: `webhookUrl` → `Webhook URL`. */
export function labelOf(key: string): string {
  const words = key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/\burl\b/, 'URL');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
