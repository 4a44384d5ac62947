import type { HttpCheckConfig } from './http-check';

/** A plain GET expecting 2xx: the canary's probe, and the starting point tests vary from. */
export function plainGet(url: string, overrides: Partial<HttpCheckConfig> = {}): HttpCheckConfig {
  return {
    url,
    method: 'GET',
    headers: {},
    body: null,
    timeoutMs: 5_000,
    expectedStatusCodes: '200-299',
    bodyAssertion: null,
    maxBodyBytes: 64 * 1024,
    followRedirects: true,
    maxRedirects: 5,
    ignoreTlsErrors: false,
    ...overrides,
  };
}
