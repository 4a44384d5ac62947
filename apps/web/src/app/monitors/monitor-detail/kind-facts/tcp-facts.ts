import type { MonitorOf } from '@mini-netumo/contracts';
import { escapeText } from '../../../ui/escaped-text';
import type { Fact, KindFacts } from './fact';

export function tcpFacts(monitor: MonitorOf<'tcp'>): KindFacts {
  const { host, port, send, expect } = monitor;
  return {
    // An IPv6 address takes brackets, or its last group would read as the port.
    target: { label: 'Host and port', text: `${host.includes(':') ? `[${host}]` : host}:${port}`, code: true },
    details: [
      tlsFact(monitor),
      // Escaped as the form takes them, so "\r\n" reads as sent rather than as a line break.
      send === null ? { label: 'Sends', text: 'nothing' } : { label: 'Sends', text: escapeText(send), code: true },
      expect === null ? { label: 'Expects', text: 'a connection' } : { label: 'Expects', text: escapeText(expect), code: true },
    ],
  };
}

function tlsFact({ tls, tlsServerName, ignoreTlsErrors }: MonitorOf<'tcp'>): Fact {
  if (!tls) return { label: 'TLS', text: 'no' };
  const name = tlsServerName ? ` as ${tlsServerName}` : '';
  return { label: 'TLS', text: `yes${name}, ${ignoreTlsErrors ? 'certificate errors ignored' : 'verified'}`, warning: ignoreTlsErrors };
}
