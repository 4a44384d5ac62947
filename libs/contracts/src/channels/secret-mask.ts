/** What a saved secret looks like in API output; sent back unchanged on update it means "keep the saved value". */
export const SECRET_MASK = '••••';

/** Secrets shorter than this show no tail at all: four characters of a short token would give too much away. */
const MIN_LENGTH_FOR_TAIL = 12;

export function maskSecret(value: string): string {
  return value.length >= MIN_LENGTH_FOR_TAIL ? `${SECRET_MASK}${value.slice(-4)}` : SECRET_MASK;
}

export function isMaskedSecret(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(SECRET_MASK);
}
