import { CHANNEL_CONFIG_SCHEMAS, CHANNEL_SECRET_FIELDS, isMaskedSecret, type ChannelKind } from '@mini-netumo/contracts';

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

interface ZodDefLike {
  def: { type: string; innerType?: ZodDefLike; out?: ZodDefLike };
}

/** Walks through default / nullable / optional / pipe wrappers to the schema that says what the value is. */
function describe(schema: ZodDefLike): { type: ConfigFieldType; optional: boolean } {
  let optional = false;
  let current: ZodDefLike | undefined = schema;
  while (current) {
    const def: ZodDefLike['def'] = current.def;
    const { type, innerType, out } = def;
    if (type === 'default' || type === 'nullable' || type === 'optional') optional = true;
    if (type === 'array') return { type: 'list', optional };
    if (type === 'record') return { type: 'map', optional };
    current = innerType ?? (type === 'pipe' ? out : undefined);
  }
  return { type: 'text', optional };
}

/** The config inputs of a kind, in the schema's order. */
export function configFields(kind: ChannelKind): ConfigField[] {
  const secrets: readonly string[] = CHANNEL_SECRET_FIELDS[kind];
  const shape = CHANNEL_CONFIG_SCHEMAS[kind].shape as Record<string, ZodDefLike>;
  return Object.entries(shape).map(([key, schema]) => ({
    key,
    ...describe(schema),
    secret: secrets.includes(key) || secrets.includes(`values-of:${key}`),
  }));
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
      config[field.key] = text.split(/[\n,]/).map((part) => part.trim()).filter(Boolean);
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
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().replace(/\burl\b/, 'URL');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
