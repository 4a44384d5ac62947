import { z } from 'zod';
import { booleanField, hostField, intField, optionalTextField, type SettingsProblem } from './kind-fields';

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
  /** SNI and the name the certificate must carry, when it is not `host` (e.g. host is an IP address). Only with `tls`. */
  tlsServerName: hostField('tlsServerName').nullable(),
  /** Only with `tls`. */
  ignoreTlsErrors: booleanField('ignoreTlsErrors'),
  /**
   * Written once connected, as typed: `\r\n` in the dashboard is sent as CR LF (the form turns escapes into bytes).
   * Empty means "send nothing", as null does, and is kept as null; blanks are bytes like any other and are sent.
   */
  send: optionalTextField('send', TCP_MONITOR_LIMITS.send.max).transform((value) => (value === '' ? null : value)),
  /** Text the answer must contain within the timeout; null: connecting (and sending) is enough. */
  expect: optionalTextField('expect', TCP_MONITOR_LIMITS.expect.max).refine((value) => value === null || /\S/.test(value), {
    // Every answer contains "" and nearly every one a space or a line break: such an expectation tests nothing.
    error: 'expect must not be empty or only blanks (leave it out to expect nothing)',
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

/**
 * The TLS options mean nothing without TLS: one set while `tls` is false is refused, named, rather than kept
 * unused. Checked on a create and on an edit's merged settings: an edit that turns TLS off clears them with it.
 */
export function tcpSettingsProblems(settings: Pick<TcpMonitorSettings, 'tls' | 'tlsServerName' | 'ignoreTlsErrors'>): SettingsProblem[] {
  if (settings.tls) return [];
  const problems: SettingsProblem[] = [];
  if (settings.tlsServerName !== null) {
    problems.push({ field: 'tlsServerName', message: 'tlsServerName applies only with tls: true (without TLS, leave it out or null)' });
  }
  if (settings.ignoreTlsErrors) {
    problems.push({
      field: 'ignoreTlsErrors',
      message: 'ignoreTlsErrors applies only with tls: true (without TLS, leave it out or false)',
    });
  }
  return problems;
}
