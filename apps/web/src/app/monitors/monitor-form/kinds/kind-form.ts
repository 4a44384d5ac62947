import type { NonNullableFormBuilder } from '@angular/forms';
import type { MonitorConfigOf, MonitorKind } from '@mini-netumo/contracts';
import type { DnsFormField, DnsFormGroup, DnsFormValue } from './dns/dns-form';
import type { HeartbeatFormField, HeartbeatFormGroup, HeartbeatFormValue } from './heartbeat/heartbeat-form';
import type { HttpFormField, HttpFormGroup, HttpFormValue } from './http/http-form';
import type { TcpFormField, TcpFormGroup, TcpFormValue } from './tcp/tcp-form';

/** Per kind: what its inputs hold, their reactive group, and the contract paths they show messages for. */
export interface KindFormTypes {
  http: { value: HttpFormValue; group: HttpFormGroup; field: HttpFormField };
  tcp: { value: TcpFormValue; group: TcpFormGroup; field: TcpFormField };
  dns: { value: DnsFormValue; group: DnsFormGroup; field: DnsFormField };
  heartbeat: { value: HeartbeatFormValue; group: HeartbeatFormGroup; field: HeartbeatFormField };
}

/** What each kind's inputs hold, by kind. */
export type KindFormValues = { [K in MonitorKind]: KindFormTypes[K]['value'] };
export type KindFormValue<K extends MonitorKind> = KindFormValues[K];
export type KindFormGroup<K extends MonitorKind> = KindFormTypes[K]['group'];
/** A field of any kind's section, by contract path. */
export type KindFormField = KindFormTypes[MonitorKind]['field'];

/**
 * The monitor form's model of one kind: its fields, how a saved monitor fills them, and how they become the
 * kind's part of the contract input, which the contract schema alone then validates.
 */
export interface KindForm<K extends MonitorKind> {
  /** The fields of its main section, in the order shown. */
  fields: readonly KindFormTypes[K]['field'][];
  /** The fields it adds to the shared Advanced panel, in the order shown. */
  advancedFields: readonly KindFormTypes[K]['field'][];
  empty(): KindFormValue<K>;
  fromConfig(config: MonitorConfigOf<K>): KindFormValue<K>;
  /** The kind's fields in the contract's input shape, unparsed (blank inputs become null where that means "none"). */
  toInput(value: KindFormValue<K>): Record<string, unknown>;
  /** What the contract cannot see because the form's shape loses it, as [field, message]. */
  problems(value: KindFormValue<K>): [KindFormTypes[K]['field'], string][];
  build(fb: NonNullableFormBuilder, value: KindFormValue<K>): KindFormGroup<K>;
  /** Before `setValue`: makes the group's lists (header rows) as long as the value's. */
  fit(fb: NonNullableFormBuilder, group: KindFormGroup<K>, value: KindFormValue<K>): void;
}
