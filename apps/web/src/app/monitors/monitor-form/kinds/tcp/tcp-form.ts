import type { NonNullableFormBuilder } from '@angular/forms';
import type { MonitorConfigOf } from '@mini-netumo/contracts';
import { escapeText, unescapeText } from '../../../../ui/escaped-text';
import type { KindForm } from '../kind-form';

/** What the TCP inputs hold. `send` and `expect` are as typed, with `\r\n`-style escapes (see escaped-text). */
export interface TcpFormValue {
  host: string;
  port: number | null;
  tls: boolean;
  tlsServerName: string;
  ignoreTlsErrors: boolean;
  send: string;
  expect: string;
}

export const TCP_FIELDS = ['host', 'port', 'tls', 'tlsServerName', 'ignoreTlsErrors', 'send', 'expect'] as const;
export type TcpFormField = (typeof TCP_FIELDS)[number];

export function buildTcpGroup(fb: NonNullableFormBuilder, value: TcpFormValue) {
  const group = fb.group({
    host: [value.host],
    port: [value.port],
    tls: [value.tls],
    tlsServerName: [value.tlsServerName],
    ignoreTlsErrors: [value.ignoreTlsErrors],
    send: [value.send],
    expect: [value.expect],
  });
  // The TLS options mean nothing without TLS: they grey out, keep what was typed, and are not sent (see toInput).
  const { tls, tlsServerName, ignoreTlsErrors } = group.controls;
  const greyOut = (on: boolean) => {
    for (const control of [tlsServerName, ignoreTlsErrors]) {
      if (on) control.enable({ emitEvent: false });
      else control.disable({ emitEvent: false });
    }
  };
  greyOut(value.tls);
  // The group and its controls live and die together, so this subscription needs no teardown.
  tls.valueChanges.subscribe(greyOut);
  return group;
}

export type TcpFormGroup = ReturnType<typeof buildTcpGroup>;

const orNull = (text: string) => (text === '' ? null : text);

export const TCP_FORM: KindForm<'tcp'> = {
  fields: TCP_FIELDS,
  advancedFields: [],
  empty: () => ({ host: '', port: null, tls: false, tlsServerName: '', ignoreTlsErrors: false, send: '', expect: '' }),
  fromConfig: (monitor: MonitorConfigOf<'tcp'>) => ({
    host: monitor.host,
    port: monitor.port,
    tls: monitor.tls,
    tlsServerName: monitor.tlsServerName ?? '',
    ignoreTlsErrors: monitor.ignoreTlsErrors,
    send: escapeText(monitor.send ?? ''),
    expect: escapeText(monitor.expect ?? ''),
  }),
  // Empty means "none" for the optional texts; escapes become the bytes they stand for. Without TLS its
  // options go as unset: the contract refuses them with tls off, and turning TLS off in an edit clears them.
  toInput: (value) => ({
    host: value.host,
    port: value.port,
    tls: value.tls,
    tlsServerName: value.tls ? orNull(value.tlsServerName.trim()) : null,
    ignoreTlsErrors: value.tls && value.ignoreTlsErrors,
    send: orNull(unescapeText(value.send)),
    expect: orNull(unescapeText(value.expect)),
  }),
  problems: () => [],
  build: buildTcpGroup,
  fit: () => undefined,
};
