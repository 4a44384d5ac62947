import { z } from 'zod';
import { storableText } from './storable-text';

/** Longest URL we accept; longer ones are almost always pasted by mistake and break some servers. */
export const MAX_URL_LENGTH = 2048;

/**
 * A monitor target: http or https, with a host, without credentials.
 * Credentials in a URL would be shown in the dashboard and in logs; headers are the place for them.
 */
export const monitorUrlSchema = z
  .string({ error: 'url is required' })
  .check(storableText('url'))
  .trim()
  .min(1, { error: 'url is required' })
  .max(MAX_URL_LENGTH, { error: `url must be at most ${MAX_URL_LENGTH} characters` })
  .superRefine((value, ctx) => {
    const problem = findUrlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** Returns why a URL is not an acceptable target, or null when it is fine. */
export function findUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'url must be a valid absolute URL such as https://example.com';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'url must start with http:// or https://';
  if (!url.hostname) return 'url must contain a host';
  if (url.username || url.password) return 'url must not contain a user name or password';
  return null;
}
