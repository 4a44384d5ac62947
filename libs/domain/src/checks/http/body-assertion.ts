import vm from 'node:vm';
import type { BodyAssertion, CheckErrorKind } from '@mini-netumo/contracts';

/** A pathological pattern on a large body can backtrack for minutes; this bounds it. */
const REGEX_TIME_LIMIT_MS = 250;
const regexScript = new vm.Script('pattern.test(text)');

export type AssertionFailure = { kind: CheckErrorKind; message: string };

/** Checks the body against the monitor's assertion; null when it holds. */
export function checkBodyAssertion(assertion: BodyAssertion | null, body: string): AssertionFailure | null {
  if (!assertion) return null;
  switch (assertion.type) {
    case 'contains':
      return body.includes(assertion.value) ? null : { kind: 'keyword', message: `body does not contain "${assertion.value}"` };
    case 'not_contains':
      return body.includes(assertion.value) ? { kind: 'keyword', message: `body contains "${assertion.value}"` } : null;
    case 'regex':
      return checkRegex(assertion.pattern, assertion.flags, body);
    case 'json':
      return checkJson(assertion.path, assertion.op, assertion.value, body);
  }
}

function checkRegex(pattern: string, flags: string, body: string): AssertionFailure | null {
  try {
    const matched = regexScript.runInNewContext({ pattern: new RegExp(pattern, flags), text: body }, { timeout: REGEX_TIME_LIMIT_MS });
    return matched ? null : { kind: 'keyword', message: `body does not match /${pattern}/${flags}` };
  } catch (error) {
    // The error comes from the vm's realm, so `instanceof Error` is false; its text is what we have.
    const timedOut = /timed out/i.test(String(error));
    return {
      kind: 'keyword',
      message: timedOut ? `regular expression took longer than ${REGEX_TIME_LIMIT_MS} ms` : `regular expression failed: ${String(error)}`,
    };
  }
}

function checkJson(path: string, op: 'equals' | 'contains', expected: string, body: string): AssertionFailure | null {
  let document: unknown;
  try {
    document = JSON.parse(body);
  } catch {
    return { kind: 'json', message: 'body is not valid JSON' };
  }
  const found = readJsonPath(document, path);
  if (!found.exists) return { kind: 'json', message: `JSON path ${path} not found` };
  const actual = found.value;
  const matches = op === 'equals' ? jsonEquals(actual, expected) : jsonContains(actual, expected);
  if (matches) return null;
  const shown = JSON.stringify(actual);
  return {
    kind: 'json',
    message: `JSON ${path} is ${shown.length > 80 ? `${shown.slice(0, 77)}...` : shown}, expected it to ${op === 'equals' ? 'equal' : 'contain'} ${expected}`,
  };
}

/** `status`, `data.items[0].state`, `$.a.b`, `a["odd key"]`. */
export function parseJsonPath(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  const source = path.trim().replace(/^\$\.?/, '');
  const token = /([^.[\]]+)|\[(\d+)\]|\["([^"]*)"\]/g;
  let match: RegExpExecArray | null;
  while ((match = token.exec(source)) !== null) {
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else if (match[3] !== undefined) segments.push(match[3]);
  }
  return segments;
}

function readJsonPath(document: unknown, path: string): { exists: boolean; value?: unknown } {
  let current: unknown = document;
  for (const segment of parseJsonPath(path)) {
    if (current === null || typeof current !== 'object' || !(segment in current)) return { exists: false };
    current = (current as Record<string | number, unknown>)[segment];
  }
  return { exists: true, value: current };
}

/** The user types the expected value as text: `true`, `42`, `"ok"`, `ok` or a JSON object all work. */
function jsonEquals(actual: unknown, expected: string): boolean {
  if (typeof actual === 'string') return actual === expected || JSON.stringify(actual) === expected.trim();
  try {
    return JSON.stringify(actual) === JSON.stringify(JSON.parse(expected));
  } catch {
    return String(actual) === expected;
  }
}

function jsonContains(actual: unknown, expected: string): boolean {
  if (typeof actual === 'string') return actual.includes(expected);
  if (Array.isArray(actual)) return actual.some((item) => jsonEquals(item, expected));
  return JSON.stringify(actual).includes(expected);
}
