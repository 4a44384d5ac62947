import type { BodyAssertion, MonitorOf } from '@mini-netumo/contracts';
import type { KindFacts } from './fact';

export function httpFacts(monitor: MonitorOf<'http'>): KindFacts {
  const assertion = describeAssertion(monitor.bodyAssertion);
  return {
    target: { label: 'URL', text: monitor.url, href: monitor.url, tag: monitor.method },
    details: [
      { label: 'Expects', text: `${monitor.expectedStatusCodes}${assertion ? `, ${assertion}` : ''}` },
      { label: 'Redirects', text: monitor.followRedirects ? `followed, up to ${monitor.maxRedirects}` : 'not followed' },
      { label: 'TLS', text: monitor.ignoreTlsErrors ? 'certificate errors ignored' : 'verified', warning: monitor.ignoreTlsErrors },
    ],
  };
}

/** "body contains "ok"", "JSON status equals "up"": the body check in words. */
export function describeAssertion(assertion: BodyAssertion | null): string | null {
  if (!assertion) return null;
  switch (assertion.type) {
    case 'contains':
      return `body contains "${assertion.value}"`;
    case 'not_contains':
      return `body does not contain "${assertion.value}"`;
    case 'regex':
      return `body matches /${assertion.pattern}/${assertion.flags}`;
    case 'json':
      return `JSON ${assertion.path} ${assertion.op} ${assertion.value}`;
  }
}
