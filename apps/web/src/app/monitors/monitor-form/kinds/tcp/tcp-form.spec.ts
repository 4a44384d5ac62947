import { describe, expect, it } from 'vitest';
import { aTcpMonitor } from '../../../data-access/monitor-fixtures';
import { TCP_FORM, type TcpFormValue } from './tcp-form';

const value = (change: Partial<TcpFormValue> = {}): TcpFormValue => ({
  ...TCP_FORM.empty(),
  host: 'redis.internal',
  port: 6379,
  ...change,
});

describe('TCP_FORM', () => {
  it('sends typed escapes as the bytes they stand for', () => {
    expect(TCP_FORM.toInput(value({ send: 'PING\\r\\n', expect: '+PONG\\r\\n' }))).toMatchObject({ send: 'PING\r\n', expect: '+PONG\r\n' });
  });

  it('sends empty texts as null: nothing to send, nothing to expect, no separate server name', () => {
    expect(TCP_FORM.toInput(value({ tls: true, tlsServerName: ' ' }))).toEqual({
      host: 'redis.internal',
      port: 6379,
      tls: true,
      tlsServerName: null,
      ignoreTlsErrors: false,
      send: null,
      expect: null,
    });
  });

  it('sends the TLS options as unset without TLS, whatever the greyed-out inputs still hold', () => {
    const typed = { tlsServerName: 'mail.example.com', ignoreTlsErrors: true };
    expect(TCP_FORM.toInput(value({ tls: false, ...typed }))).toMatchObject({ tls: false, tlsServerName: null, ignoreTlsErrors: false });
    expect(TCP_FORM.toInput(value({ tls: true, ...typed }))).toMatchObject({ tls: true, ...typed });
  });

  it('shows stored line breaks back as escapes, so saving again sends the same bytes', () => {
    const monitor = aTcpMonitor({ send: 'QUIT\r\n', expect: '221 ', tls: true, tlsServerName: 'mail.example.com' });
    const shown = TCP_FORM.fromConfig(monitor);
    expect(shown).toMatchObject({
      host: 'mail.example.com',
      port: 25,
      send: 'QUIT\\r\\n',
      expect: '221 ',
      tlsServerName: 'mail.example.com',
    });
    expect(TCP_FORM.toInput(shown)).toMatchObject({ send: 'QUIT\r\n', expect: '221 ' });
  });
});
