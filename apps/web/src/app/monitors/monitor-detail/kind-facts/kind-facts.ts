import type { Monitor, MonitorKind, MonitorOf } from '@mini-netumo/contracts';
import { dnsFacts } from './dns-facts';
import type { KindFacts } from './fact';
import { heartbeatFacts } from './heartbeat-facts';
import { httpFacts } from './http-facts';
import { tcpFacts } from './tcp-facts';

/** The facts of every kind. A mapped type, so a kind without its entry fails `tsc`. */
const KIND_FACTS: { [K in MonitorKind]: (monitor: MonitorOf<K>) => KindFacts } = {
  http: httpFacts,
  tcp: tcpFacts,
  dns: dnsFacts,
  heartbeat: heartbeatFacts,
};

/** What the monitor watches and how it judges the answer, by its kind. */
export function factsOf(monitor: Monitor): KindFacts {
  return factsOfKind(monitor.kind, monitor);
}

const factsOfKind = <K extends MonitorKind>(kind: K, monitor: MonitorOf<K>): KindFacts => KIND_FACTS[kind](monitor);

/** Whether the kind has a certificate for the expiry lane to read (as the server's expiry targets decide). */
const KIND_HAS_CERTIFICATE: { [K in MonitorKind]: (monitor: MonitorOf<K>) => boolean } = {
  http: (monitor) => monitor.url.trim().toLowerCase().startsWith('https://'),
  tcp: (monitor) => monitor.tls,
  dns: () => false,
  // A heartbeat reaches nothing: its job calls us.
  heartbeat: () => false,
};

export function hasCertificate(monitor: Monitor): boolean {
  return hasCertificateOfKind(monitor.kind, monitor);
}

const hasCertificateOfKind = <K extends MonitorKind>(kind: K, monitor: MonitorOf<K>): boolean => KIND_HAS_CERTIFICATE[kind](monitor);
