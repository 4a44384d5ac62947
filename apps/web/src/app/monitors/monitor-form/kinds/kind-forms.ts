import type { MonitorKind } from '@mini-netumo/contracts';
import { DNS_FORM } from './dns/dns-form';
import { HEARTBEAT_FORM } from './heartbeat/heartbeat-form';
import { HTTP_FORM } from './http/http-form';
import type { KindForm } from './kind-form';
import { TCP_FORM } from './tcp/tcp-form';

/**
 * The form model of every kind. A mapped type, not `satisfies`: indexing it with a generic kind keeps each
 * entry's value and group types tied to that kind. A kind without its entry fails `tsc`.
 */
export const KIND_FORMS: { [K in MonitorKind]: KindForm<K> } = {
  http: HTTP_FORM,
  tcp: TCP_FORM,
  dns: DNS_FORM,
  heartbeat: HEARTBEAT_FORM,
};
