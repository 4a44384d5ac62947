import { z } from 'zod';
import { booleanField, hostField, intField, optionalTextField } from './kind-fields';

export const TCP_MONITOR_LIMITS = {
  port: { min: 1, max: 65_535 },
  send: { max: 4_096 },
  expect: { max: 1_000 },
} as const;

/**
 * Any TCP service: the port answers (a database, SMTP, SSH, a game server), optionally after a TLS handshake
 * whose certificate then goes through the expiry lane, optionally a few bytes sent and a substring expected.
 */
export const tcpMonitorFields = {
  host: hostField('host'),
  port: intField('port', TCP_MONITOR_LIMITS.port),
  tls: booleanField('tls'),
  /** SNI and the name the certificate must carry, when it is not `host` (e.g. host is an IP address). */
  tlsServerName: hostField('tlsServerName').nullable(),
  ignoreTlsErrors: booleanField('ignoreTlsErrors'),
  /** Written once connected, as typed: `\r\n` in the dashboard is sent as CR LF (the form turns escapes into bytes). */
  send: optionalTextField('send', TCP_MONITOR_LIMITS.send.max),
  /** Text the answer must contain within the timeout; null: connecting (and sending) is enough. */
  expect: optionalTextField('expect', TCP_MONITOR_LIMITS.expect.max).refine((value) => value !== '', {
    error: 'expect must not be empty (leave it out to expect nothing)',
  }),
};

export const tcpMonitorSettings = {
  host: tcpMonitorFields.host,
  port: tcpMonitorFields.port,
  tls: tcpMonitorFields.tls.default(false),
  tlsServerName: tcpMonitorFields.tlsServerName.default(null),
  ignoreTlsErrors: tcpMonitorFields.ignoreTlsErrors.default(false),
  send: tcpMonitorFields.send.default(null),
  expect: tcpMonitorFields.expect.default(null),
};
export type TcpMonitorSettings = z.output<z.ZodObject<typeof tcpMonitorSettings>>;
