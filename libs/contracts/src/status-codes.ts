import { z } from 'zod';
import { storableText } from './storable-text';

/** One accepted status: a single code (`301`) or an inclusive range (`200-299`). */
export interface StatusCodeRange {
  from: number;
  to: number;
}

const ENTRY = /^(\d{3})(?:\s*-\s*(\d{3}))?$/;

/** Parses `200-299,301` into ranges; returns an error message naming the bad part instead of throwing. */
export function parseStatusCodes(text: string): { ranges: StatusCodeRange[] } | { error: string } {
  const parts = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  if (parts.length === 0) return { error: 'expectedStatusCodes must list at least one code or range' };
  const ranges: StatusCodeRange[] = [];
  for (const part of parts) {
    const match = ENTRY.exec(part);
    if (!match) return { error: `expectedStatusCodes: "${part}" is not a code (301) or a range (200-299)` };
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    if (from < 100 || to > 599) return { error: `expectedStatusCodes: "${part}" is outside 100-599` };
    if (from > to) return { error: `expectedStatusCodes: "${part}" starts after it ends` };
    ranges.push({ from, to });
  }
  return { ranges };
}

/** True when the status code falls into one of the accepted ranges. */
export function statusCodeMatches(text: string, statusCode: number): boolean {
  const parsed = parseStatusCodes(text);
  if ('error' in parsed) return false;
  return parsed.ranges.some((range) => statusCode >= range.from && statusCode <= range.to);
}

/** The expected status codes as the user writes them, validated: `200-299,301`. */
export const expectedStatusCodesSchema = z
  .string({ error: 'expectedStatusCodes must be text such as 200-299,301' })
  .check(storableText('expectedStatusCodes'))
  .trim()
  .superRefine((value, ctx) => {
    const parsed = parseStatusCodes(value);
    if ('error' in parsed) ctx.addIssue({ code: 'custom', message: parsed.error });
  });
