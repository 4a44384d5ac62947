import { CHANNEL_SECRET_FIELDS, SECRET_MASK, isMaskedSecret, maskSecret, type ChannelKind } from '@mini-netumo/contracts';
import { ValidationError } from '../../core/errors';

type Config = Record<string, unknown>;
const MAP_PREFIX = 'values-of:';

/** Visits every secret string of a config, with its path in it: plain fields, and every value of the maps marked `values-of:`. */
function eachSecret(
  kind: ChannelKind,
  config: Config,
  visit: (value: string, replace: (next: string) => void, path: readonly string[]) => void,
): void {
  for (const field of CHANNEL_SECRET_FIELDS[kind] as readonly string[]) {
    if (field.startsWith(MAP_PREFIX)) {
      const name = field.slice(MAP_PREFIX.length);
      const map = config[name];
      if (!map || typeof map !== 'object') continue;
      for (const [key, value] of Object.entries(map as Config)) {
        if (typeof value === 'string') visit(value, (next) => ((map as Config)[key] = next), [name, key]);
      }
    } else if (typeof config[field] === 'string') {
      visit(config[field] as string, (next) => (config[field] = next), [field]);
    }
  }
}

const copy = (config: Config): Config => structuredClone(config);

/** The config as the API shows it: each secret as `••••` plus its last four characters. */
export function maskChannelConfig(kind: ChannelKind, config: Config): Config {
  const masked = copy(config);
  eachSecret(kind, masked, (value, replace) => replace(maskSecret(value)));
  return masked;
}

/**
 * A form sends back masked secrets it did not change: put the saved values back. A masked value with no saved
 * counterpart (a new channel, a new header) cannot be honoured, and the error names the field.
 */
export function restoreMaskedSecrets(kind: ChannelKind, incoming: Config, saved: Config | null): Config {
  const merged = copy(incoming);
  const savedValues = new Map<string, string>();
  if (saved) eachSecret(kind, copy(saved), (value, _replace, path) => savedValues.set(path.join('.'), value));
  eachSecret(kind, merged, (value, replace, path) => {
    if (!isMaskedSecret(value)) return;
    const original = savedValues.get(path.join('.'));
    if (original === undefined || maskSecret(original) !== value) {
      throw ValidationError.at(
        ['config', ...path],
        `config.${path.join('.')}: enter the value (${SECRET_MASK} only keeps a value already saved)`,
      );
    }
    replace(original);
  });
  return merged;
}

/** Every secret value in a config, longest first, for redaction. */
export function secretValuesOf(kind: ChannelKind, config: Config): string[] {
  const values: string[] = [];
  eachSecret(kind, copy(config), (value) => values.push(value));
  return values.filter((value) => value.length >= 4).sort((a, b) => b.length - a.length);
}

/** Removes any secret from text bound for the database, the logs or the API (a provider may echo it back). */
export function redactSecrets(text: string, secrets: string[]): string {
  let out = text;
  for (const value of secrets) out = out.split(value).join(SECRET_MASK);
  return out;
}
