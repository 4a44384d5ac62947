import type { NonNullableFormBuilder } from '@angular/forms';
import type { DnsRecordType, MonitorConfigOf } from '@mini-netumo/contracts';
import type { KindForm } from '../kind-form';

/** What the DNS inputs hold; an empty resolver means the system's, an empty expectation any answer. */
export interface DnsFormValue {
  hostname: string;
  recordType: DnsRecordType;
  resolver: string;
  expected: string;
}

export const DNS_FIELDS = ['hostname', 'recordType', 'resolver', 'expected'] as const;
export type DnsFormField = (typeof DNS_FIELDS)[number];

export function buildDnsGroup(fb: NonNullableFormBuilder, value: DnsFormValue) {
  return fb.group({
    hostname: [value.hostname],
    recordType: fb.control<DnsRecordType>(value.recordType),
    resolver: [value.resolver],
    expected: [value.expected],
  });
}

export type DnsFormGroup = ReturnType<typeof buildDnsGroup>;

/** Blank means "none" here; the contract would refuse blank text rather than guess. */
const orNull = (text: string) => (text.trim() === '' ? null : text);

export const DNS_FORM: KindForm<'dns'> = {
  fields: DNS_FIELDS,
  advancedFields: [],
  empty: () => ({ hostname: '', recordType: 'A', resolver: '', expected: '' }),
  fromConfig: (monitor: MonitorConfigOf<'dns'>) => ({
    hostname: monitor.hostname,
    recordType: monitor.recordType,
    resolver: monitor.resolver ?? '',
    expected: monitor.expected ?? '',
  }),
  toInput: (value) => ({ ...value, resolver: orNull(value.resolver), expected: orNull(value.expected) }),
  problems: () => [],
  build: buildDnsGroup,
  fit: () => undefined,
};
