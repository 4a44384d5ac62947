import type { CheckErrorKind } from '@mini-netumo/contracts';

/** Why a check failed, in words. A Record, so an error kind added to the contract fails the build until it has one. */
export const ERROR_KIND_LABELS: Record<CheckErrorKind, string> = {
  dns: 'name did not resolve',
  refused: 'connection refused',
  reset: 'connection reset',
  timeout: 'timed out',
  tls: 'TLS failure',
  status: 'unexpected status code',
  keyword: 'expected text missing',
  json: 'JSON check failed',
  body_too_large: 'body too large',
  redirects: 'too many redirects',
  protocol: 'protocol error',
  mismatch: 'unexpected answer',
  missed: 'ping missed',
  job_failed: 'job reported failure',
  run_too_long: 'run took too long',
};
