import type { MonitorOf } from '@mini-netumo/contracts';
import type { KindFacts } from './fact';

export function dnsFacts({ hostname, recordType, resolver, expected }: MonitorOf<'dns'>): KindFacts {
  // The worker compares A and AAAA answers whole (an address), the other types by substring.
  const verb = recordType === 'A' || recordType === 'AAAA' ? 'an answer equal to' : 'an answer containing';
  return {
    target: { label: 'Hostname', text: hostname, code: true },
    details: [
      { label: 'Record type', text: recordType },
      resolver === null ? { label: 'Resolver', text: 'system resolver' } : { label: 'Resolver', text: resolver, code: true },
      { label: 'Expects', text: expected === null ? 'any answer' : `${verb} "${expected}"` },
    ],
  };
}
