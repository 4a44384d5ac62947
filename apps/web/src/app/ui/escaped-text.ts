/** The control characters a person can type as an escape, and the escape that stands for each. */
const ESCAPES: Readonly<Record<string, string>> = { '\r': '\\r', '\n': '\\n', '\t': '\\t', '\\': '\\\\' };
const BYTES: Readonly<Record<string, string>> = { r: '\r', n: '\n', t: '\t', '\\': '\\' };

/**
 * Typed text as the bytes it stands for: `\r`, `\n`, `\t` become CR, LF and tab, `\\` one backslash; any other
 * backslash stays as typed. Protocols such as SMTP or Redis want `QUIT\r\n`, which no text input can hold.
 */
export function unescapeText(typed: string): string {
  return typed.replace(/\\([rnt\\])/g, (_escape, letter: string) => BYTES[letter] ?? letter);
}

/** Stored bytes as a person types them: the inverse of `unescapeText` (every backslash doubled, so it reads back as itself). */
export function escapeText(text: string): string {
  return text.replace(/[\r\n\t\\]/g, (char) => ESCAPES[char] ?? char);
}
